import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createIdSource } from '../../src-shared/core/ids';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { completeInterruptedChanges } from '../audit/audited-writer';
import { openAuditedWriting } from '../audit/audit-chain-writer';
import { lockDataFolder } from '../database/data-folder-lock';
import { openDatabase } from '../database/open-database';
import type { HostServices } from '../host/handler-types';
import { createLabStorage } from '../host/lab-storage';
import { createLogger } from '../logging/logger';

export interface OpenDataFolder {
  services: HostServices;
  close(): Promise<void>;
}

/**
 * Opens a data folder for a command-line tool the way the app does — the folder lock first (a
 * running LabFlow keeps it, and two writers would show each other stale data), then the database,
 * then the crash roll-forward — and gives the services a host feature would get.
 */
export async function openDataFolder(dataDir: string): Promise<Result<OpenDataFolder>> {
  const lock = lockDataFolder(dataDir);
  if (!lock.ok) return lock;
  const { storage, location } = createLabStorage(dataDir);
  const opened = await openDatabase(storage, location);
  if (!opened.ok) {
    lock.value.release();
    return opened;
  }
  const db = opened.value;
  const newId = createIdSource(() => Date.now(), (n) => randomBytes(n));
  let writing: Awaited<ReturnType<typeof openAuditedWriting>>;
  try {
    writing = await openAuditedWriting(db, newId);
    await completeInterruptedChanges(db, writing.pcId);
  } catch (error) {
    await db.close();
    lock.value.release();
    return fail('database_unavailable', `The database ${location} could not be checked after a crash: ${error instanceof Error ? error.message : String(error)}`);
  }
  const clock = () => new Date();
  const services: HostServices = {
    db,
    ...writing,
    clock,
    newId,
    log: createLogger({ directory: join(dataDir, 'logs') }),
    // One process, one caller: the tool's writes are already in sequence.
    runExclusive: (task) => task(),
    platform: {},
  };
  return ok({
    services,
    async close() {
      await db.close();
      lock.value.release();
    },
  });
}

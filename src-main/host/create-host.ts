import { randomBytes } from 'node:crypto';
import type { RxStorage } from 'rxdb';
import { createIdSource } from '../../src-shared/core/ids';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { HostMessage } from '../../src-shared/bridge/protocol';
import { completeInterruptedChanges, createAuditedWriter } from '../audit/audited-writer';
import { auditQueryHandlers } from '../audit/audit-handlers';
import { authCommandHandlers, authQueryHandlers } from '../auth/auth-handlers';
import { createConnection, type Connection } from '../bridge/connection';
import { createSerialQueue } from '../bridge/serial-queue';
import { openDatabase, type LabDatabase } from '../database/open-database';
import type { Logger } from '../logging/logger';
import { peopleCommandHandlers, peopleQueryHandlers } from '../people/people-handlers';
import { projectCommandHandlers, projectQueryHandlers } from '../projects/project-handlers';
import type { CommandHandlers, HostServices, QueryHandlers } from './handler-types';

export interface HostOptions {
  storage: RxStorage<unknown, unknown>;
  /** Names the database file in error messages. */
  databaseLocation: string;
  log: Logger;
  clock?: () => Date;
  sessionTimeoutMs?: number;
  expiryCheckMs?: number;
}

export interface Host {
  readonly db: LabDatabase;
  /** A new UI connection; `send` delivers host messages to that UI. */
  connect(send: (message: HostMessage) => void): Connection;
  close(): Promise<void>;
}

const commandHandlers = {
  ...authCommandHandlers,
  ...peopleCommandHandlers,
  ...projectCommandHandlers,
} satisfies CommandHandlers;

const queryHandlers = {
  ...authQueryHandlers,
  ...peopleQueryHandlers,
  ...projectQueryHandlers,
  ...auditQueryHandlers,
} satisfies QueryHandlers;

/**
 * The composition root of the host: opens the database, completes changes cut off by a crash,
 * and serves UI connections. The same host runs inside Electron and in serve mode.
 */
export async function createHost(options: HostOptions): Promise<Result<Host>> {
  const { storage, databaseLocation, log, clock = () => new Date(), sessionTimeoutMs = 30 * 60_000, expiryCheckMs } = options;
  const opened = await openDatabase(storage, databaseLocation);
  if (!opened.ok) {
    log.error('database could not be opened', undefined, { message: opened.error.message });
    return opened;
  }
  const db = opened.value;
  try {
    const completed = await completeInterruptedChanges(db);
    if (completed > 0) log.warn('completed changes interrupted by a crash', { completed });
  } catch (error) {
    await db.close();
    const errorId = log.error('crash recovery failed', error);
    return fail('database_unavailable', `The database ${databaseLocation} could not be checked after a crash (error ${errorId}). It was not changed.`);
  }

  const newId = createIdSource(() => clock().getTime(), (n) => randomBytes(n));
  const services: HostServices = { db, writer: createAuditedWriter(db, newId), clock, newId, log };
  const queue = createSerialQueue();
  const connections = new Set<Connection>();

  log.info('host started', { databaseLocation });
  return ok({
    db,
    connect(send) {
      const connection = createConnection({
        services,
        commands: commandHandlers,
        queries: queryHandlers,
        queue,
        send,
        sessionTimeoutMs,
        ...(expiryCheckMs !== undefined ? { expiryCheckMs } : {}),
      });
      connections.add(connection);
      return {
        receive: (message) => connection.receive(message),
        close() {
          connection.close();
          connections.delete(connection);
        },
      };
    },
    async close() {
      for (const connection of connections) connection.close();
      connections.clear();
      await queue.run(async () => undefined);
      await db.close();
      log.info('host stopped');
    },
  });
}

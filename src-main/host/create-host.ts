import { randomBytes } from 'node:crypto';
import type { RxStorage } from 'rxdb';
import { createIdSource } from '../../src-shared/core/ids';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { HostMessage } from '../../src-shared/bridge/protocol';
import { completeInterruptedChanges } from '../audit/audited-writer';
import { openAuditedWriting } from '../audit/audit-chain-writer';
import { createSessionResumes } from '../auth/session-resumes';
import { createFileSessionStore, hashResumeToken } from '../auth/session-store-file';
import { createConnection, type Connection } from '../bridge/connection';
import { createDirectCalls, type DirectCalls } from '../bridge/direct-calls';
import { createSerialQueue } from '../bridge/serial-queue';
import { openDatabase, type LabDatabase } from '../database/open-database';
import type { Logger } from '../logging/logger';
import type { HostEvents } from '../../src-shared/bridge/contract';
import type { BroadcastEvent, FeatureRuntime, HostFeature } from './feature';
import { features as allFeatures } from './features';
import type { HostServices } from './handler-types';
import type { HostPlatform } from './host-platform';
import { registerHandlers } from './register-handlers';

export interface HostOptions {
  storage: RxStorage<unknown, unknown>;
  /** Names the database file in error messages. */
  databaseLocation: string;
  log: Logger;
  clock?: () => Date;
  sessionTimeoutMs?: number;
  expiryCheckMs?: number;
  /** Defaults to every feature in features.ts; tests may pass a subset plus their own. */
  features?: HostFeature[];
  /** Desktop, serve-mode or test specifics handed to features (see host-platform.ts). */
  platform?: HostPlatform;
}

export interface Host {
  readonly db: LabDatabase;
  /** A new UI connection; `send` delivers host messages to that UI. */
  connect(send: (message: HostMessage) => void): Connection;
  /** Commands and queries for a person through another adapter (the HTTP API), through the same handlers and write queue. */
  readonly calls: DirectCalls;
  /**
   * Resolves once no feature has work that is due now (reminders, derived changes, outbox
   * deliveries), however one's work starts another's: what a check that "nothing more happens"
   * waits for instead of sleeping. Rejects when the host does not settle.
   */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

/** Passes over the features in whenIdle(): one feature's work (a reminder) may give another some (its email). */
const IDLE_PASSES = 20;

/**
 * The composition root of the host: opens the database, completes changes cut off by a crash,
 * and serves UI connections. The same host runs inside Electron and in serve mode.
 */
export async function createHost(options: HostOptions): Promise<Result<Host>> {
  const { storage, databaseLocation, log, clock = () => new Date(), sessionTimeoutMs = 30 * 60_000, expiryCheckMs, features = allFeatures, platform = {} } = options;
  const { commands: commandHandlers, queries: queryHandlers, batches } = registerHandlers(features);
  const opened = await openDatabase(storage, databaseLocation);
  if (!opened.ok) {
    log.error('database could not be opened', undefined, { message: opened.error.message });
    return opened;
  }
  const db = opened.value;
  const newId = createIdSource(() => clock().getTime(), (n) => randomBytes(n));
  let writing: Awaited<ReturnType<typeof openAuditedWriting>>;
  try {
    writing = await openAuditedWriting(db, newId);
    const completed = await completeInterruptedChanges(db, writing.pcId);
    if (completed > 0) log.warn('completed changes interrupted by a crash', { completed });
  } catch (error) {
    await db.close();
    const errorId = log.error('crash recovery failed', error);
    return fail('database_unavailable', `The database ${databaseLocation} could not be checked after a crash (error ${errorId}). It was not changed.`);
  }

  const queue = createSerialQueue();
  const services: HostServices = { db, ...writing, clock, newId, log, runExclusive: (task) => queue.run(task), platform };
  // With a data folder, sign-ins outlive a restart: open windows and tabs take theirs up again.
  const resumes = createSessionResumes(sessionTimeoutMs, platform.dataDir ? { store: createFileSessionStore(platform.dataDir), hash: hashResumeToken } : {});
  const connections = new Set<Connection>();
  const senders = new Set<(message: HostMessage) => void>();
  const broadcast: BroadcastEvent = <K extends keyof HostEvents>(name: K, payload: HostEvents[K]) => {
    for (const send of senders) send({ t: 'event', name, payload });
  };
  const runtimes: FeatureRuntime[] = [];
  for (const feature of features) if (feature.start) runtimes.push(await feature.start(services, broadcast));

  log.info('host started', { databaseLocation });
  return ok({
    db,
    calls: createDirectCalls({ services, commands: commandHandlers, queries: queryHandlers, queue, batches }),
    connect(send) {
      const connection = createConnection({
        services,
        commands: commandHandlers,
        queries: queryHandlers,
        queue,
        send,
        sessionTimeoutMs,
        resumes,
        ...(expiryCheckMs !== undefined ? { expiryCheckMs } : {}),
      });
      connections.add(connection);
      senders.add(send);
      return {
        receive: (message) => connection.receive(message),
        close() {
          connection.close();
          connections.delete(connection);
          senders.delete(send);
        },
      };
    },
    async whenIdle() {
      for (let pass = 0; pass < IDLE_PASSES; pass++) {
        // Commands already queued may write what a feature then acts on.
        await queue.run(async () => undefined);
        let isIdle = true;
        for (const runtime of runtimes) if (runtime.settle && !(await runtime.settle())) isIdle = false;
        if (isIdle) return;
      }
      throw new Error(`the host still had due work after ${IDLE_PASSES} passes over its features`);
    },
    async close() {
      for (const connection of connections) connection.close();
      connections.clear();
      senders.clear();
      for (const runtime of runtimes.reverse()) await runtime.dispose();
      await queue.run(async () => undefined);
      await db.close();
      log.info('host stopped');
    },
  });
}

import type { Observable } from 'rxjs';
import type { CommandName, Contract, QueryName } from '../../src-shared/bridge/contract';
import type { ParsedInputOf, ResultOf } from '../../src-shared/bridge/define';
import type { Result } from '../../src-shared/core/result';
import type { Actor, AuditedWriter } from '../audit/audited-writer';
import type { Session, SessionHolder } from '../auth/session';
import type { LabDatabase } from '../database/open-database';
import type { Logger } from '../logging/logger';
import type { HostPlatform } from './host-platform';

/** What every handler may use. Built once in the composition root (create-host.ts). */
export interface HostServices {
  db: LabDatabase;
  writer: AuditedWriter;
  /** This PC's id (audit-chain-writer.ts): names the chains of the audit entries written here. */
  pcId: string;
  clock: () => Date;
  newId: () => string;
  log: Logger;
  /**
   * Runs a task in the host's one write queue. Commands already run inside it; background work
   * that writes (scheduler, sync, outbox) must use it too, never while inside a command.
   */
  runExclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Desktop, serve mode or test specifics (secret store, desktop notifier, timings). */
  platform: HostPlatform;
}

export interface CommandContext extends HostServices {
  /** The signed-in person; always set for commands that require a session. */
  actor: Actor;
  session: Session | null;
  sessions: SessionHolder;
  command: string;
}

export interface QueryContext extends HostServices {
  sessions: SessionHolder;
  /** The signed-in person; always set for queries that require a session. */
  actor: Actor;
}

export type CommandHandler<K extends CommandName> = (
  input: ParsedInputOf<Contract[K]>,
  context: CommandContext,
) => Promise<Result<ResultOf<Contract[K]>>>;

export type QueryHandler<K extends QueryName> = (input: ParsedInputOf<Contract[K]>, context: QueryContext) => Observable<Result<ResultOf<Contract[K]>>>;

export type CommandHandlers<K extends CommandName = CommandName> = { [N in K]: CommandHandler<N> };

/** One call of a command run in a batch: its validated input and its own context (person, session). */
export interface BatchedCall<K extends CommandName> {
  input: ParsedInputOf<Contract[K]>;
  context: CommandContext;
}

/**
 * A command's batch form: calls of the same command by the same person through the same channel that
 * arrived while the write queue was busy, run in one queue turn and written together. Each call is
 * still validated, permission-checked and audited on its own and gets its own result, in order.
 */
export type CommandBatch<K extends CommandName> = (calls: readonly BatchedCall<K>[]) => Promise<Result<ResultOf<Contract[K]>>[]>;

export type CommandBatches<K extends CommandName = CommandName> = { [N in K]: CommandBatch<N> };
export type QueryHandlers<K extends QueryName = QueryName> = { [N in K]: QueryHandler<N> };

export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'LabFlow' };

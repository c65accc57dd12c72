import { BehaviorSubject, firstValueFrom, timeout, type Observable } from 'rxjs';
import { contract } from '../../src-shared/bridge/contract';
import type { CommandSpec, QuerySpec } from '../../src-shared/bridge/define';
import { fail, type Result } from '../../src-shared/core/result';
import type { PersonView } from '../../src-shared/people/person';
import type { Session, SessionHolder } from '../auth/session';
import type { CommandBatch, CommandBatches, CommandHandlers, HostServices, QueryHandlers } from '../host/handler-types';
import { createCommandBatcher } from './command-batcher';
import type { SerialQueue } from './serial-queue';

/**
 * Contract entries called for a person by another adapter than a UI connection (the public HTTP
 * API): the same input schema, the same handlers in the same write queue, so the same permission
 * checks and audited writes as a click. The person is read by the caller for each call, so their
 * current roles decide; a query answers with its first result. Input problems come back as
 * `invalid_input` with every issue and its path as a list, for the adapter to name in its own terms.
 */

export interface Caller {
  /** The person as the directory has them now. */
  person: PersonView;
  /** Named in every audit entry the call writes (`via`), e.g. `API token “ERP export”`. */
  via: string;
}

export interface InputIssue {
  path: PropertyKey[];
  message: string;
}

export interface CallOptions {
  /** Checked inside the write queue right before the command runs (an If-Match); its refusal is returned instead. */
  precondition?: () => Promise<Result<null>>;
  /** The precondition compares versions (an If-Match): the call runs alone, after every write before it, never in a group. */
  isConditional?: boolean;
}

export interface DirectCalls {
  run(name: string, rawInput: unknown, caller: Caller, options?: CallOptions): Promise<Result<unknown>>;
}

/** A query that never answers would hold an HTTP request forever; this long is a hang, not a slow query. */
const FIRST_RESULT_TIMEOUT_MS = 60_000;

/** A session held for one call: the person read for it, never resumed, never ended by inactivity. */
function callSession(person: PersonView, now: number): { session: Session; sessions: SessionHolder } {
  const session: Session = { person, lastActivityAt: now, resumeToken: '' };
  const session$ = new BehaviorSubject<Session | null>(session);
  const sessions: SessionHolder = {
    session$,
    // An API call's unread-count query ends with the call: never a lock (the relay's `left`).
    lastEnd: null,
    current: () => session$.value,
    start: () => session,
    touch: () => undefined,
    // The person changed during the call (their roles were just edited): the rest of the call acts as they are now.
    update: (updated) => session$.next({ ...session, person: updated }),
    redeem: () => null,
    end: () => undefined,
    signOut: () => undefined,
    expiresAt: () => now,
  };
  return { session, sessions };
}

export function createDirectCalls(options: { services: HostServices; commands: CommandHandlers; queries: QueryHandlers; queue: SerialQueue; batches?: Partial<CommandBatches> }): DirectCalls {
  const { services, commands, queries, queue, batches = {} } = options;
  const batcher = createCommandBatcher(queue);

  const internalError = (name: string, error: unknown): Result<never> => {
    const errorId = services.log.error(`unexpected error in ${name}`, error);
    return fail('internal', `Something went wrong (error ${errorId}). Nothing was changed; the details are in the log.`, { details: { errorId } });
  };

  return {
    async run(name, rawInput, caller, callOptions = {}) {
      const spec = (contract as Record<string, CommandSpec | QuerySpec>)[name];
      if (!spec) return fail('unknown_command', `There is no command or query “${name}”.`);
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const issues: InputIssue[] = parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
        const first = parsed.error.issues[0];
        const field = first?.path.join('.') || undefined;
        return fail('invalid_input', first?.message ?? 'The input is not valid.', { ...(field ? { field } : {}), details: issues });
      }
      const actor = { id: caller.person.id, name: caller.person.name };
      const { session, sessions } = callSession(caller.person, services.clock().getTime());
      try {
        if (spec.kind === 'query') {
          const handler = queries[name as keyof QueryHandlers] as (input: unknown, context: unknown) => Observable<Result<unknown>>;
          return await firstValueFrom(handler(parsed.data, { ...services, sessions, actor }).pipe(timeout({ first: FIRST_RESULT_TIMEOUT_MS })));
        }
        const context = { ...services, sessions, session, actor, command: name };
        const through = <T>(task: () => Promise<T>) => services.writer.through({ actorId: actor.id, via: caller.via }, task);
        const batch = batches[name as keyof CommandBatches] as CommandBatch<never> | undefined;
        if (batch && !callOptions.isConditional) {
          // Calls piling up behind a busy queue run together; one person and channel per group, so each audit entry names its own.
          const key = JSON.stringify([name, actor.id, caller.via]);
          return await batcher.run(key, batch, { precondition: callOptions.precondition, call: { input: parsed.data as never, context } }, through);
        }
        const handler = commands[name as keyof CommandHandlers] as (input: unknown, context: unknown) => Promise<Result<unknown>>;
        return await queue.run(() =>
          through(async () => {
            const refused = await callOptions.precondition?.();
            if (refused && !refused.ok) return refused;
            return handler(parsed.data, context);
          }),
        );
      } catch (error) {
        return internalError(name, error);
      }
    },
  };
}

import { of, switchMap, catchError, type Observable, type Subscription } from 'rxjs';
import type { z } from 'zod';
import { contract, type CommandName, type HostEvents, type QueryName } from '../../src-shared/bridge/contract';
import type { CommandSpec, QuerySpec } from '../../src-shared/bridge/define';
import { clientMessageSchema, MAX_MESSAGE_BYTES, type HostMessage } from '../../src-shared/bridge/protocol';
import { fail, type AppError, type Result } from '../../src-shared/core/result';
import { findReservedKey } from '../../src-shared/core/reserved-keys';
import { createSessionHolder } from '../auth/session';
import { refreshSessionPerson, watchSessionPerson } from '../auth/session-person';
import type { SessionResumes } from '../auth/session-resumes';
import { SYSTEM_ACTOR, type CommandHandlers, type HostServices, type QueryHandlers } from '../host/handler-types';
import { createLivePush, type LivePush } from './live-push';
import type { SerialQueue } from './serial-queue';

export interface ConnectionOptions {
  services: HostServices;
  commands: CommandHandlers;
  queries: QueryHandlers;
  queue: SerialQueue;
  sessionTimeoutMs: number;
  /** Shared by the host's connections, so a reconnecting window continues its sign-in. */
  resumes?: SessionResumes;
  send: (message: HostMessage) => void;
  /** How often an idle session is checked for expiry; tests pass a small value or 0 to disable. */
  expiryCheckMs?: number;
}

export interface Connection {
  /** Accepts one message: a JSON string (WebSocket) or an already-decoded value (Electron IPC). */
  receive(message: unknown): Promise<void>;
  close(): void;
}

const describeIssue = (error: z.ZodError): AppError => {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || undefined;
  return { code: 'invalid_input', message: issue?.message ?? 'The input is not valid.', ...(field ? { field } : {}), details: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
};

/**
 * One UI connected to the host, whichever the transport. Checks, in order: size, message shape,
 * command name, input schema, session — and only then calls a handler with typed input.
 */
export function createConnection(options: ConnectionOptions): Connection {
  const { services, commands, queries, queue, send, sessionTimeoutMs, resumes, expiryCheckMs = 15_000 } = options;
  const sessions = createSessionHolder(sessionTimeoutMs, resumes);
  const subscriptions = new Map<string, { subscription: Subscription; live: LivePush }>();
  const now = () => services.clock().getTime();
  const pushEvent = <K extends keyof HostEvents>(name: K, payload: HostEvents[K]) => send({ t: 'event', name, payload });

  let hadSession = false;
  let hasTimedOut = false;
  let wasDeactivated = false;
  const currentSession = () => {
    const held = sessions.session$.value;
    // Marked before the session ends: live queries answer the moment it does, and must say it timed out.
    if (held && now() > sessions.expiresAt(held)) hasTimedOut = true;
    const session = sessions.current(now());
    if (!session && hadSession) {
      hasTimedOut = true;
      pushEvent('session/expired', { reason: 'inactivity' });
    }
    hadSession = session !== null;
    return session;
  };
  const expiryTimer = expiryCheckMs > 0 ? setInterval(currentSession, expiryCheckMs) : undefined;
  expiryTimer?.unref?.();
  /** The person was deactivated: their session ends now, and the sign-in screen says why. */
  const endAsDeactivated = () => {
    if (!sessions.session$.value) return;
    services.log.warn('session ended: the person was deactivated', { personId: sessions.session$.value.person.id });
    sessions.signOut();
    hadSession = false;
    wasDeactivated = true;
    pushEvent('session/expired', { reason: 'deactivated' });
  };
  const personWatch = watchSessionPerson(services.db, sessions, endAsDeactivated);

  const internalError = (what: string, error: unknown): AppError => {
    const errorId = services.log.error(`unexpected error in ${what}`, error);
    return { code: 'internal', message: `Something went wrong (error ${errorId}). Nothing was changed; the details are in the log.`, details: { errorId } };
  };

  const decode = (raw: unknown): Result<unknown> => {
    if (typeof raw !== 'string') return { ok: true, value: raw };
    if (Buffer.byteLength(raw) > MAX_MESSAGE_BYTES) return fail('message_too_large', `A message may be at most ${MAX_MESSAGE_BYTES} bytes.`);
    try {
      return { ok: true, value: JSON.parse(raw) };
    } catch {
      return fail('malformed_message', 'The message is not valid JSON.');
    }
  };

  const sessionError = () =>
    wasDeactivated
      ? fail('unauthenticated', 'Your account was deactivated by an administrator, so you were signed out.')
      : hasTimedOut
        ? fail('session_expired', 'Your session timed out after a period of inactivity. Sign in again.')
        : fail('unauthenticated', 'Sign in first.');

  async function call(id: string, name: string, rawInput: unknown): Promise<void> {
    const spec = (contract as Record<string, CommandSpec | QuerySpec>)[name];
    if (!spec || spec.kind !== 'command') return send({ t: 'result', id, result: fail('unknown_command', `There is no command “${name}”.`) });
    const reserved = findReservedKey(rawInput);
    if (reserved) return send({ t: 'result', id, result: fail('invalid_input', `“${reserved}” is not a field LabFlow accepts; nothing was changed.`, { field: reserved }) });
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return send({ t: 'result', id, result: { ok: false, error: describeIssue(parsed.error) } });
    // Roles and active state as the directory holds them now, not as they were at sign-in.
    if (currentSession() && (await refreshSessionPerson(services.db, sessions)) === 'deactivated') endAsDeactivated();
    const session = currentSession();
    if (spec.requiresSession && !session) return send({ t: 'result', id, result: sessionError() });
    sessions.touch(now());
    // A sign-out ends the session inside the write queue, where a live query or the expiry check may
    // look before this call returns: what they see is the person's own doing, not inactivity (told as
    // inactivity, the window showed the lock screen instead of the sign-in form).
    if (name === 'auth/sign-out') hadSession = false;
    const handler = commands[name as CommandName] as (input: unknown, context: unknown) => Promise<Result<unknown>>;
    let result: Result<unknown>;
    try {
      result = await queue.run(() =>
        handler(parsed.data, { ...services, sessions, session, actor: session ? { id: session.person.id, name: session.person.name } : SYSTEM_ACTOR, command: name }),
      );
    } catch (error) {
      result = { ok: false, error: internalError(name, error) };
    }
    hadSession = sessions.session$.value !== null;
    if (hadSession) hasTimedOut = wasDeactivated = false;
    send({ t: 'result', id, result });
  }

  function subscribe(id: string, name: string, rawInput: unknown, isPatching: boolean): void {
    const spec = (contract as Record<string, CommandSpec | QuerySpec>)[name];
    if (!spec || spec.kind !== 'query') return send({ t: 'data', id, result: fail('unknown_command', `There is no live query “${name}”.`) });
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return send({ t: 'data', id, result: { ok: false, error: describeIssue(parsed.error) } });
    subscriptions.get(id)?.subscription.unsubscribe();
    const handler = queries[name as QueryName] as (input: unknown, context: unknown) => Observable<Result<unknown>>;
    const contextFor = (actor: { id: string; name: string }) => ({ ...services, sessions, actor });
    const source$: Observable<Result<unknown>> = spec.requiresSession
      ? sessions.session$.pipe(
          switchMap((session) => (session ? handler(parsed.data, contextFor({ id: session.person.id, name: session.person.name })) : of(sessionError()))),
        )
      : handler(parsed.data, contextFor(SYSTEM_ACTOR));
    const live = createLivePush(id, send, isPatching);
    const subscription = source$
      .pipe(catchError((error: unknown) => of<Result<unknown>>({ ok: false, error: internalError(name, error) })))
      .subscribe((result) => live.push(result));
    subscriptions.set(id, { subscription, live });
  }

  return {
    async receive(raw) {
      const decoded = decode(raw);
      if (!decoded.ok) return send({ t: 'error', id: null, error: decoded.error });
      const message = clientMessageSchema.safeParse(decoded.value);
      if (!message.success) {
        const id = typeof (decoded.value as { id?: unknown })?.id === 'string' ? (decoded.value as { id: string }).id : null;
        return send({ t: 'error', id, error: { code: 'malformed_message', message: 'The message does not follow the LabFlow protocol.', details: message.error.issues.slice(0, 5) } });
      }
      const m = message.data;
      if (m.t === 'call') return call(m.id, m.name, m.input);
      if (m.t === 'subscribe') return subscribe(m.id, m.name, m.input, m.patches === true);
      if (m.t === 'resync') return subscriptions.get(m.id)?.live.resync();
      subscriptions.get(m.id)?.subscription.unsubscribe();
      subscriptions.delete(m.id);
    },
    close() {
      if (expiryTimer) clearInterval(expiryTimer);
      personWatch.unsubscribe();
      for (const s of subscriptions.values()) s.subscription.unsubscribe();
      subscriptions.clear();
      sessions.end();
    },
  };
}

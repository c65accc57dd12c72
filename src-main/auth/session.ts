import { BehaviorSubject } from 'rxjs';
import type { PersonView } from '../../src-shared/people/person';
import { createSessionResumes, type SessionResumes } from './session-resumes';

export interface Session {
  person: PersonView;
  lastActivityAt: number;
  /** Lets this window take the sign-in up again after a reload (session-resumes.ts). */
  resumeToken: string;
}

/**
 * How a connection's last session ended: `timeout` (inactivity: the window locks and the person
 * continues with their password), `signed-out` (sign-out, or deactivated), `closed` (the
 * connection went; a reload may resume it).
 */
export type SessionEnd = 'timeout' | 'signed-out' | 'closed';

export interface SessionHolder {
  readonly session$: BehaviorSubject<Session | null>;
  /** Set just before `session$` turns null, so what reacts to it knows why; null while a session runs. */
  readonly lastEnd: SessionEnd | null;
  current(now: number): Session | null;
  /** Starts a session; with `resumeToken` (already redeemed) it continues that sign-in. */
  start(person: PersonView, now: number, resumeToken?: string): Session;
  touch(now: number): void;
  /** The signed-in person changed (roles, name, or their id after joining a team): the session continues as `person`. */
  update(person: PersonView): void;
  /** The person whose sign-in `token` continues, or null when it ended (timeout, sign-out, restart). */
  redeem(token: string, now: number): string | null;
  /** The connection closed: the session ends here but may be resumed by its token. */
  end(): void;
  /** The person signed out: the session ends and its token with it. */
  signOut(): void;
  expiresAt(session: Session): number;
}

/**
 * The signed-in person of one UI connection. A session ends after `timeoutMs` without activity;
 * `current` ends it lazily so a clock jump (sleep, tests) is handled like elapsed time. `resumes`
 * is shared by the host's connections so a reconnecting window can continue its sign-in.
 */
export function createSessionHolder(timeoutMs: number, resumes: SessionResumes = createSessionResumes(timeoutMs)): SessionHolder {
  const session$ = new BehaviorSubject<Session | null>(null);
  let lastEnd: SessionEnd | null = null;
  const endAs = (how: SessionEnd) => {
    lastEnd = how;
    session$.next(null);
  };
  const holder: SessionHolder = {
    session$,
    get lastEnd() {
      return lastEnd;
    },
    current(now) {
      const session = session$.value;
      if (session && now - session.lastActivityAt > timeoutMs) {
        endAs('timeout');
        return null;
      }
      return session;
    },
    start(person, now, resumeToken) {
      const session = { person, lastActivityAt: now, resumeToken: resumeToken ?? resumes.issue(person.id, now) };
      resumes.keepAlive(session.resumeToken, now);
      lastEnd = null;
      session$.next(session);
      return session;
    },
    touch(now) {
      const session = session$.value;
      if (!session) return;
      session.lastActivityAt = now;
      resumes.keepAlive(session.resumeToken, now);
    },
    update(person) {
      const session = session$.value;
      if (session) session$.next({ ...session, person });
    },
    redeem: (token, now) => resumes.redeem(token, now)?.personId ?? null,
    end() {
      if (session$.value) endAs('closed');
    },
    signOut() {
      const session = session$.value;
      if (!session) return;
      resumes.revoke(session.resumeToken);
      endAs('signed-out');
    },
    expiresAt: (session) => session.lastActivityAt + timeoutMs,
  };
  return holder;
}

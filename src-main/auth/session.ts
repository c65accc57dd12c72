import { BehaviorSubject } from 'rxjs';
import type { PersonView } from '../../src-shared/people/person';

export interface Session {
  person: PersonView;
  lastActivityAt: number;
}

export interface SessionHolder {
  readonly session$: BehaviorSubject<Session | null>;
  current(now: number): Session | null;
  start(person: PersonView, now: number): Session;
  touch(now: number): void;
  end(): void;
  expiresAt(session: Session): number;
}

/**
 * The signed-in person of one UI connection. A session ends after `timeoutMs` without activity;
 * `current` ends it lazily so a clock jump (sleep, tests) is handled like elapsed time.
 */
export function createSessionHolder(timeoutMs: number): SessionHolder {
  const session$ = new BehaviorSubject<Session | null>(null);
  const holder: SessionHolder = {
    session$,
    current(now) {
      const session = session$.value;
      if (session && now - session.lastActivityAt > timeoutMs) {
        session$.next(null);
        return null;
      }
      return session;
    },
    start(person, now) {
      const session = { person, lastActivityAt: now };
      session$.next(session);
      return session;
    },
    touch(now) {
      const session = session$.value;
      if (session) session.lastActivityAt = now;
    },
    end() {
      if (session$.value) session$.next(null);
    },
    expiresAt: (session) => session.lastActivityAt + timeoutMs,
  };
  return holder;
}

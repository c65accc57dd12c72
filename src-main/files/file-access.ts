import { randomBytes } from 'node:crypto';
import type { SessionHolder } from '../auth/session';

/**
 * Keys for the host's file routes (`/files/…` in serve mode, `app://labflow/files/…` on the
 * desktop). Bytes cannot go through bridge messages, and an `<img>` or a download cannot carry the
 * bridge's sign-in, so `files/access` gives the signed-in UI a random key bound to its session: a
 * file request with the key acts as that person, and only while that sign-in lasts — signing out,
 * the inactivity timeout or another person signing in on that window ends it at once.
 */
export interface FileAccess {
  issue(sessions: SessionHolder, personId: string): string;
  /** The person a key acts for now, or null. */
  personOf(key: string | null | undefined, now: number): string | null;
}

const KEY_BYTES = 24;

export function createFileAccess(): FileAccess {
  const keys = new Map<string, { sessions: SessionHolder; personId: string }>();
  const issued = new WeakMap<SessionHolder, { key: string; personId: string }>();

  return {
    issue(sessions, personId) {
      const earlier = issued.get(sessions);
      if (earlier && earlier.personId === personId && keys.has(earlier.key)) return earlier.key;
      if (earlier) keys.delete(earlier.key);
      const key = randomBytes(KEY_BYTES).toString('base64url');
      keys.set(key, { sessions, personId });
      issued.set(sessions, { key, personId });
      // The key dies with the sign-in it was issued for.
      const subscription = sessions.session$.subscribe((session) => {
        if (session?.person.id === personId) return;
        keys.delete(key);
        queueMicrotask(() => subscription.unsubscribe());
      });
      return key;
    },

    personOf(key, now) {
      if (!key) return null;
      // 192 random bits: a hashed lookup gives nothing away that guessing could use.
      const entry = keys.get(key);
      if (!entry) return null;
      const session = entry.sessions.current(now);
      return session?.person.id === entry.personId ? entry.personId : null;
    },
  };
}

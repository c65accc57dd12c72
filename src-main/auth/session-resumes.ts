import { randomBytes } from 'node:crypto';

/**
 * Lets a UI that reconnects (a page reload, Ctrl+R in the desktop window, a dropped WebSocket)
 * take up its sign-in instead of asking for the password again. Each sign-in gets a random token
 * that the UI keeps for its window only (sessionStorage); presenting it on a new connection
 * restores the session while it has not timed out. With a `store` (the data folder's file,
 * session-store-file.ts) they outlive a restart of LabFlow; signing out or the inactivity timeout
 * ends them. Entries are kept by a hash of the token (`hash`), never the token itself.
 */
export interface SessionResumes {
  /** A new token for a session that just started. */
  issue(personId: string, now: number): string;
  /** Records activity of a session holding `token` (called when its connection closes). */
  keepAlive(token: string, lastActivityAt: number): void;
  /** The person and last activity of a live token; null (and the token forgotten) when unknown or timed out. */
  redeem(token: string, now: number): { personId: string; lastActivityAt: number } | null;
  revoke(token: string): void;
}

export interface ResumeEntry {
  personId: string;
  lastActivityAt: number;
}

/** Where resumes are kept between runs, by token hash; without one they live in memory only. */
export interface SessionStore {
  load(): Map<string, ResumeEntry>;
  save(entries: ReadonlyMap<string, ResumeEntry>): void;
}

export interface SessionResumesOptions {
  newToken?: () => string;
  /** The key an entry is kept under; the identity in memory, a SHA-256 with a store. */
  hash?: (token: string) => string;
  store?: SessionStore;
}

export function createSessionResumes(timeoutMs: number, options: SessionResumesOptions = {}): SessionResumes {
  const { newToken = () => randomBytes(32).toString('base64url'), hash = (token: string) => token, store } = options;
  const entries = store?.load() ?? new Map<string, ResumeEntry>();
  const save = () => store?.save(entries);
  const isExpired = (entry: ResumeEntry, now: number) => now - entry.lastActivityAt > timeoutMs;
  const prune = (now: number) => {
    for (const [key, entry] of entries) if (isExpired(entry, now)) entries.delete(key);
  };
  return {
    issue(personId, now) {
      prune(now);
      const token = newToken();
      entries.set(hash(token), { personId, lastActivityAt: now });
      save();
      return token;
    },
    keepAlive(token, lastActivityAt) {
      const entry = entries.get(hash(token));
      if (!entry || lastActivityAt <= entry.lastActivityAt) return;
      entry.lastActivityAt = lastActivityAt;
      save();
    },
    redeem(token, now) {
      const key = hash(token);
      const entry = entries.get(key);
      if (!entry) return null;
      if (isExpired(entry, now)) {
        entries.delete(key);
        save();
        return null;
      }
      return { ...entry };
    },
    revoke(token) {
      if (entries.delete(hash(token))) save();
    },
  };
}

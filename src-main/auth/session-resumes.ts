import { randomBytes } from 'node:crypto';

/**
 * Lets a UI that reconnects (a page reload, Ctrl+R in the desktop window, a dropped WebSocket)
 * take up its sign-in instead of asking for the password again. Each sign-in gets a random token
 * that the UI keeps for its window only (sessionStorage); presenting it on a new connection
 * restores the session while it has not timed out. Tokens live in the host's memory: a restart of
 * LabFlow, signing out, or the inactivity timeout ends them.
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

interface Entry {
  personId: string;
  lastActivityAt: number;
}

export function createSessionResumes(timeoutMs: number, newToken: () => string = () => randomBytes(32).toString('base64url')): SessionResumes {
  const entries = new Map<string, Entry>();
  const isExpired = (entry: Entry, now: number) => now - entry.lastActivityAt > timeoutMs;
  const prune = (now: number) => {
    for (const [token, entry] of entries) if (isExpired(entry, now)) entries.delete(token);
  };
  return {
    issue(personId, now) {
      prune(now);
      const token = newToken();
      entries.set(token, { personId, lastActivityAt: now });
      return token;
    },
    keepAlive(token, lastActivityAt) {
      const entry = entries.get(token);
      if (entry && lastActivityAt > entry.lastActivityAt) entry.lastActivityAt = lastActivityAt;
    },
    redeem(token, now) {
      const entry = entries.get(token);
      if (!entry) return null;
      if (isExpired(entry, now)) {
        entries.delete(token);
        return null;
      }
      return { ...entry };
    },
    revoke(token) {
      entries.delete(token);
    },
  };
}

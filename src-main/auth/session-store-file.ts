import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SessionStore } from './session-resumes';

/** The file in the data folder that keeps sign-ins between runs of the host. */
export const SESSIONS_FILE = 'sessions.json';

const storedSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.object({ personId: z.string().min(1).max(100), lastActivityAt: z.number() }));

/** Only a hash of each token is kept: the file alone lets nobody take a sign-in up. */
export const hashResumeToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Keeps the session resumes (session-resumes.ts) in the data folder, owner-only (mode 0600), so a
 * restarted host recognises the windows and tabs that were signed in. Written whole through a
 * temporary file and a rename, so a crash leaves the old file or the new one. A file that does not
 * parse is ignored (everyone signs in again) rather than stopping the host.
 */
export function createFileSessionStore(dataDir: string): SessionStore {
  const path = join(dataDir, SESSIONS_FILE);
  return {
    load() {
      if (!existsSync(path)) return new Map();
      try {
        const parsed = storedSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        return parsed.success ? new Map(Object.entries(parsed.data)) : new Map();
      } catch {
        return new Map();
      }
    },
    save(entries) {
      const temporary = `${path}.tmp`;
      writeFileSync(temporary, JSON.stringify(Object.fromEntries(entries)), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, path);
    },
  };
}

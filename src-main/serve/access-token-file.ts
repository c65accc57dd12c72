import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in the data folder that keeps serve mode's access token between runs. */
export const ACCESS_TOKEN_FILE = 'serve-access-token';

const isUsable = (text: string) => /^[A-Za-z0-9_-]{32,}$/.test(text);

/**
 * Serve mode's access token, kept in the data folder (owner-only, mode 0600) so a restarted host
 * still accepts the tabs and bookmarks opened with it: before, each run made a new token and every
 * open tab was refused forever. Whoever can read the data folder can read the lab's database
 * anyway, so the file gives nobody more than they have. A missing, unreadable or malformed file is
 * replaced with a fresh token.
 */
export function readOrCreateAccessToken(dataDir: string): string {
  const path = join(dataDir, ACCESS_TOKEN_FILE);
  if (existsSync(path)) {
    const kept = readFileSync(path, 'utf8').trim();
    if (isUsable(kept)) {
      // A copy restored from a backup may have lost its mode: put it back to owner-only.
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      return kept;
    }
  }
  const token = randomBytes(32).toString('base64url');
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return token;
}

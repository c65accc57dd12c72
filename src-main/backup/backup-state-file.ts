import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupRunOutcome } from '../../src-shared/backup/backup-contract';

/**
 * This PC's backup settings and outcomes, in `backups.json` in the data folder rather than in the
 * database: a restore replaces the database, and must neither forget where backups go nor what it
 * just did (nor make the daily schedule run again because the restored database is older).
 */
export interface BackupState {
  /** The folder an administrator chose; null until then (the schedule waits for a choice). */
  folder: string | null;
  /** Verification results by backup id. */
  checks: Record<string, { problems: string[]; checkedAt: string }>;
  lastRun: BackupRunOutcome | null;
  /** When the daily schedule last took a backup (ISO): what makes it run once a day across restarts. */
  lastScheduledAt: string | null;
}

const FILE = 'backups.json';
export const emptyBackupState: BackupState = { folder: null, checks: {}, lastRun: null, lastScheduledAt: null };

export async function readBackupState(dataDir: string): Promise<BackupState> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, FILE), 'utf8')) as Partial<BackupState>;
    return { ...emptyBackupState, ...parsed, checks: { ...(parsed.checks ?? {}) } };
  } catch {
    return { ...emptyBackupState, checks: {} };
  }
}

/** Written whole to a new file then renamed over the old one: a crash leaves the old or the new state, never half. */
export async function writeBackupState(dataDir: string, state: BackupState): Promise<void> {
  const path = join(dataDir, FILE);
  await writeFile(`${path}.new`, JSON.stringify(state, null, 2));
  await rename(`${path}.new`, path);
}

import { z } from 'zod';
import { command, query } from '../bridge/define';

/** What a step of "Back up now" is doing, for the progress shown on Settings → Backups. */
export type BackupStep = 'database' | 'attachments' | 'verifying' | 'pruning';

export interface BackupListEntry {
  id: string;
  /** When it was taken, ISO 8601 (UTC); empty when its manifest cannot be read. */
  takenAt: string;
  sizeBytes: number;
  /** `unchecked` until this PC verified it (after writing, or with "Verify"). */
  verification: 'sound' | 'damaged' | 'unchecked';
  /** What is wrong with it, in words, when damaged. */
  problems: string[];
  checkedAt: string | null;
}

export interface BackupRunOutcome {
  at: string;
  trigger: 'schedule' | 'manual';
  isOk: boolean;
  /** What happened, in words a lab person can act on. */
  message: string;
}

export interface BackupsView {
  folder: string;
  /** Why backups cannot be written to the folder (null when they can). */
  folderProblem: string | null;
  backups: BackupListEntry[];
  /** The step of the backup being taken now, or null. */
  running: BackupStep | null;
  lastRun: BackupRunOutcome | null;
  /** False where this host cannot replace its own data while running (tests without a composition root). */
  canRestore: boolean;
}

const backupId = z.string().regex(/^labflow-[0-9TZ-]+$/, 'Choose a backup from the list.');

/**
 * Settings → Backups (administrators): where backups go, the backups there with their verification,
 * "Back up now", "Verify" and "Restore…". A restore replaces this PC's database and attachments after
 * backing up what it replaces, and the app reloads on the restored data.
 */
export const backupContract = {
  'backups/overview': query<BackupsView>()(z.object({})),
  'backups/set-folder': command<BackupsView>()(z.object({ folder: z.string().trim().min(1, 'Enter the folder backups go to.').max(1000) })),
  'backups/create': command<BackupListEntry>()(z.object({})),
  'backups/verify': command<BackupListEntry>()(z.object({ id: backupId })),
  'backups/restore': command<{ id: string }>()(z.object({ id: backupId })),
};

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BehaviorSubject } from 'rxjs';
import type { BackupListEntry, BackupRunOutcome, BackupStep, BackupsView } from '../../src-shared/backup/backup-contract';
import { backupFolderProblem } from '../../src-shared/backup/backup-folder';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { Logger } from '../logging/logger';
import { createBackup, listBackups, pruneBackups, restoreBackup, verifyBackup, type BackupEntry } from './backup-files';
import { readBackupState, writeBackupState, type BackupState } from './backup-state-file';

/** Where backups go until an administrator chooses: the CLI's default too. */
export const defaultBackupFolder = (dataDir: string) => join(dataDir, 'backups');

export interface BackupKeeper {
  readonly dataDir: string;
  readonly view$: BehaviorSubject<BackupsView>;
  folder(): string;
  isFolderChosen(): boolean;
  lastScheduledAt(): string | null;
  pathOf(id: string): string;
  writableProblem(folder: string): Promise<string | null>;
  setFolder(folder: string): Promise<void>;
  takeBackup(trigger: BackupRunOutcome['trigger']): Promise<Result<BackupListEntry>>;
  verify(id: string): Promise<Result<BackupListEntry>>;
}

interface KeeperOptions {
  dataDir: string;
  clock: () => Date;
  log: Logger;
  canRestore: boolean;
  /** Told when a scheduled backup fails (a person may not be looking at the page). */
  onFailure(message: string): void;
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One host's backups: the state file, the list of backups in the chosen folder with their
 * verification, and the one backup being taken at a time (a second "Back up now" while one runs is
 * refused rather than queued).
 */
export async function createBackupKeeper(options: KeeperOptions): Promise<BackupKeeper> {
  const { dataDir, clock, log } = options;
  let state: BackupState = await readBackupState(dataDir);
  let running: BackupStep | null = null;
  const folder = () => state.folder ?? defaultBackupFolder(dataDir);
  const view$ = new BehaviorSubject<BackupsView>({ folder: folder(), folderProblem: null, backups: [], running, lastRun: state.lastRun, canRestore: options.canRestore });

  const entryOf = (backup: BackupEntry): BackupListEntry => {
    const check = state.checks[backup.id];
    const problems = backup.problems.length > 0 ? backup.problems : (check?.problems ?? []);
    return { id: backup.id, takenAt: backup.takenAt, sizeBytes: backup.sizeBytes, verification: problems.length > 0 ? 'damaged' : check ? 'sound' : 'unchecked', problems, checkedAt: check?.checkedAt ?? null };
  };

  async function refresh(): Promise<BackupListEntry[]> {
    const backups = (await listBackups(folder())).map(entryOf);
    view$.next({ folder: folder(), folderProblem: backupFolderProblem(folder(), dataDir), backups, running, lastRun: state.lastRun, canRestore: options.canRestore });
    return backups;
  }

  async function save(change: Partial<BackupState>): Promise<void> {
    state = { ...state, ...change };
    await writeBackupState(dataDir, state);
  }

  const step = (next: BackupStep | null) => {
    running = next;
    view$.next({ ...view$.value, running });
  };

  async function takeBackup(trigger: BackupRunOutcome['trigger']): Promise<Result<BackupListEntry>> {
    if (running) return fail('conflict', 'A backup is being taken right now; wait for it to finish.');
    const at = clock();
    step('database');
    try {
      const taken = await createBackup(dataDir, folder(), at, step);
      step('pruning');
      const removed = taken.problems.length === 0 ? await pruneBackups(folder()) : [];
      const checks = Object.fromEntries(Object.entries(state.checks).filter(([id]) => !removed.includes(id)));
      checks[taken.id] = { problems: taken.problems, checkedAt: at.toISOString() };
      const isOk = taken.problems.length === 0;
      const message = isOk
        ? `Backed up and verified${removed.length > 0 ? `; removed ${removed.length} older backup${removed.length === 1 ? '' : 's'} (keeping 7 daily and 4 weekly)` : ''}.`
        : `The backup was written but fails its check: ${taken.problems.join(' ')}`;
      await save({ checks, lastRun: { at: at.toISOString(), trigger, isOk, message }, ...(trigger === 'schedule' ? { lastScheduledAt: at.toISOString() } : {}) });
      log.info('backup taken', { id: taken.id, trigger, isOk, removed });
      if (!isOk && trigger === 'schedule') options.onFailure(message);
      return ok(entryOf(taken));
    } catch (error) {
      const message = `The backup to ${folder()} failed: ${describeError(error)}`;
      const errorId = log.error('backup failed', error, { trigger, folder: folder() });
      // A failed scheduled run counts as the day's run: it is not retried every 15 minutes, the failure is shown instead.
      await save({ lastRun: { at: at.toISOString(), trigger, isOk: false, message: `${message} (error ${errorId})` }, ...(trigger === 'schedule' ? { lastScheduledAt: at.toISOString() } : {}) });
      if (trigger === 'schedule') options.onFailure(message);
      return fail('internal', `${message} (error ${errorId}).`);
    } finally {
      running = null;
      await refresh();
    }
  }

  async function verify(id: string): Promise<Result<BackupListEntry>> {
    const found = (await listBackups(folder())).find((b) => b.id === id);
    if (!found) return fail('not_found', `There is no backup ${id} in ${folder()}.`);
    const problems = await verifyBackup(found.path);
    await save({ checks: { ...state.checks, [id]: { problems, checkedAt: clock().toISOString() } } });
    await refresh();
    return ok(entryOf({ ...found, problems }));
  }

  async function writableProblem(candidate: string): Promise<string | null> {
    const probe = join(candidate, `.labflow-write-test-${process.pid}`);
    try {
      await mkdir(candidate, { recursive: true });
      await writeFile(probe, 'LabFlow checks it can write here');
      await rm(probe, { force: true });
      return null;
    } catch (error) {
      return `LabFlow cannot write to ${candidate}: ${describeError(error)}. Choose a folder this computer's account can write to.`;
    }
  }

  await refresh();
  return {
    dataDir,
    view$,
    folder,
    isFolderChosen: () => state.folder !== null,
    lastScheduledAt: () => state.lastScheduledAt,
    pathOf: (id) => join(folder(), id),
    writableProblem,
    async setFolder(chosen) {
      await save({ folder: chosen });
      await refresh();
    },
    takeBackup,
    verify,
  };
}

/**
 * What a composition root runs once its host is closed: the restore itself (with a backup of what it
 * replaces), and its outcome written where the new host's Settings → Backups shows it.
 */
export async function restoreAndRecord(dataDir: string, backupPath: string, backupRoot: string, now: Date, log: Logger): Promise<void> {
  const state = await readBackupState(dataDir);
  try {
    const { safetyBackup } = await restoreBackup(dataDir, backupPath, backupRoot, now);
    const message = `Restored the backup ${backupPath}. What it replaced was backed up first, as ${safetyBackup.id}.`;
    await writeBackupState(dataDir, { ...state, checks: { ...state.checks, [safetyBackup.id]: { problems: safetyBackup.problems, checkedAt: now.toISOString() } }, lastRun: { at: now.toISOString(), trigger: 'manual', isOk: true, message },
      // The safety backup is today's: the daily run must not follow at once and prune the backups just restored from.
      lastScheduledAt: now.toISOString() });
    log.warn('restored a backup', { backupPath, safetyBackup: safetyBackup.id });
  } catch (error) {
    const errorId = log.error('restore failed', error, { backupPath });
    await writeBackupState(dataDir, { ...state, lastRun: { at: now.toISOString(), trigger: 'manual', isOk: false, message: `The restore failed: ${describeError(error)} (error ${errorId}).` } });
  }
}

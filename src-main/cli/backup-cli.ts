import { join } from 'node:path';
import { createBackup, listBackups, pruneBackups, restoreBackup, verifyBackup, type BackupEntry } from '../backup/backup-files';
import { lockDataFolder } from '../database/data-folder-lock';
import type { CliArgs } from './cli-args';
import type { CliIo } from './workflows-cli';

export const BACKUP_USAGE = `  npm run labflow -- backup create [<backups folder>] [--data-dir <folder>]
  npm run labflow -- backup list [<backups folder>]
  npm run labflow -- backup verify <backup folder>
  npm run labflow -- backup restore <backup folder> [<backups folder>] [--data-dir <folder>]
  (the backups folder defaults to "backups" in the data folder)`;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const line = (b: BackupEntry) => `${b.id}  ${b.takenAt || 'unknown time'}  ${megabytes(b.sizeBytes)}`;

/**
 * `labflow backup …`: an online backup (safe while LabFlow runs), the list, a verification, and a
 * restore (only while LabFlow is closed: it takes the data folder's lock, and first backs up what it
 * replaces). Exit code 0 on success, 1 when a backup is damaged or the folder is in use, 2 on a usage error.
 */
export async function runBackupCli(args: CliArgs, dataDir: string, io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const [, sub, first, second] = args.words;
  const usage = () => {
    (args.isHelp ? io.out : io.err)(`Usage:\n${BACKUP_USAGE}`);
    return args.isHelp ? 0 : 2;
  };
  if (args.isHelp) return usage();
  const backupsOf = (folder: string | undefined) => folder ?? join(dataDir, 'backups');
  switch (sub) {
    case 'create': {
      const backup = await createBackup(dataDir, backupsOf(first), now());
      io.out(`${backup.problems.length === 0 ? 'ok     ' : 'FAILED '}${line(backup)}`);
      for (const problem of backup.problems) io.out(`  ${problem}`);
      const removed = await pruneBackups(backupsOf(first));
      if (removed.length > 0) io.out(`Removed ${removed.length} older backup${removed.length === 1 ? '' : 's'} (keeping 7 daily and 4 weekly).`);
      return backup.problems.length === 0 ? 0 : 1;
    }
    case 'list': {
      const backups = await listBackups(backupsOf(first));
      if (backups.length === 0) io.out(`No backups in ${backupsOf(first)}.`);
      for (const backup of backups) io.out(line(backup));
      return 0;
    }
    case 'verify': {
      if (!first) return usage();
      const problems = await verifyBackup(first);
      io.out(problems.length === 0 ? `The backup ${first} is sound.` : `The backup ${first} is damaged:`);
      for (const problem of problems) io.out(`  ${problem}`);
      return problems.length === 0 ? 0 : 1;
    }
    case 'restore': {
      if (!first) return usage();
      const lock = lockDataFolder(dataDir);
      if (!lock.ok) {
        io.err(lock.error.message);
        return 1;
      }
      try {
        const { safetyBackup } = await restoreBackup(dataDir, first, backupsOf(second), now());
        io.out(`Restored ${first} into ${dataDir}. What it replaced was backed up first: ${safetyBackup.path}.`);
        return 0;
      } catch (error) {
        io.err(error instanceof Error ? error.message : String(error));
        return 1;
      } finally {
        lock.value.release();
      }
    }
    default:
      return usage();
  }
}

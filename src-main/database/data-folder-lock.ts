import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/core/result';

export interface DataFolderLock {
  release(): void;
}

const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One host per data folder: two processes writing one database would corrupt nothing (SQLite
 * locks) but would show each other stale live queries. A lock left by a killed process is taken over.
 */
export function lockDataFolder(dataDir: string, pid = process.pid): Result<DataFolderLock> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'labflow.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(pid));
      closeSync(fd);
      return ok({
        release: () => {
          try {
            if (readFileSync(path, 'utf8') === String(pid)) rmSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isFinite(owner) && owner !== pid && isProcessAlive(owner)) {
        return fail('database_unavailable', `LabFlow is already running with the data folder ${dataDir} (process ${owner}). Close it, or start with another --data-dir.`, { details: { path, owner } });
      }
      rmSync(path, { force: true });
    }
  }
  return fail('database_unavailable', `Could not lock the data folder ${dataDir}.`, { details: { path } });
}

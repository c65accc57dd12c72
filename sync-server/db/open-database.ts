import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPgDatabase } from './pg-database';
import { openPgliteDatabase } from './pglite-database';
import type { SqlDatabase } from './sql-database';

/** A real PostgreSQL when `databaseUrl` is set, else the embedded one in `dataDir`. */
export async function openServerDatabase(options: { databaseUrl: string | undefined; dataDir: string; onError?: (error: Error) => void }): Promise<SqlDatabase> {
  if (options.databaseUrl) return openPgDatabase(options.databaseUrl, options.onError ? { onError: options.onError } : {});
  const dir = resolve(options.dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  return openPgliteDatabase(dir);
}

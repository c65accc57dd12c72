import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { RXDB_VERSION, ensureRxStorageInstanceParamsAreCorrect } from 'rxdb';
import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { SqliteFileError, acquireConnection } from './connection-pool';
import type { SqliteSynchronous } from './connection-pool';
import { RxStorageInstanceSqlite } from './sqlite-instance';
import type { SqliteInstanceCreationOptions, SqliteStorageInternals } from './sqlite-instance';
import { createTableLayout } from './table-layout';
import { inspectTable } from './table-setup';

export type SqliteStorageOptions = {
  /** Folder holding one `<databaseName>.sqlite` file per RxDB database; created if missing. */
  directory: string;
  /**
   * 'NORMAL' (default): an acknowledged write survives the process being killed (WAL is appended
   * before COMMIT returns) but the last commits can be lost on an OS crash or power loss.
   * 'FULL': also fsync every commit; survives power loss, each write costs a disk flush.
   */
  synchronous?: SqliteSynchronous;
  /** How long to wait for another process's lock on the file before failing; default 5000 ms. */
  busyTimeoutMs?: number;
  /**
   * How many parsed documents the process-wide cache may hold (default 20,000; 0 = no cache,
   * every read parses JSON). See document-cache.ts.
   */
  documentCacheSize?: number;
};

export type RxStorageSqlite = RxStorage<SqliteStorageInternals, SqliteInstanceCreationOptions> & {
  /** The file that holds `databaseName`. */
  filePathOf(databaseName: string): string;
};

export const SQLITE_STORAGE_NAME = 'labflow-sqlite';

/**
 * A persistent RxDB storage on better-sqlite3: one SQLite file per RxDB database, one table per
 * collection and schema version, every schema index as a SQLite index.
 *
 * Opening a file that is locked by another process, corrupt or not a SQLite database rejects
 * with SqliteFileError, whose message names the file; the file is left untouched.
 */
export function getRxStorageSqlite(options: SqliteStorageOptions): RxStorageSqlite {
  const directory = path.resolve(options.directory);
  const connectionOptions = {
    synchronous: options.synchronous ?? 'NORMAL',
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
  };
  const filePathOf = (databaseName: string) => path.join(directory, `${checkedFileStem(databaseName)}.sqlite`);

  return {
    name: SQLITE_STORAGE_NAME,
    rxdbVersion: RXDB_VERSION,
    filePathOf,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, SqliteInstanceCreationOptions>,
    ): Promise<RxStorageInstanceSqlite<RxDocType>> {
      ensureRxStorageInstanceParamsAreCorrect(params);
      const filePath = filePathOf(params.databaseName);
      try {
        mkdirSync(directory, { recursive: true });
      } catch (error) {
        throw new SqliteFileError(filePath, 'create the folder of', error);
      }
      const layout = createTableLayout(params.collectionName, params.schema);
      const connection = acquireConnection(filePath, connectionOptions);
      let isTableMissing: boolean;
      try {
        isTableMissing = inspectTable(connection, layout, params.collectionName);
      } catch (error) {
        connection.release();
        throw error instanceof SqliteFileError ? error : new SqliteFileError(filePath, 'read the tables of', error);
      }
      const internals: SqliteStorageInternals = { filePath, table: layout.table };
      return new RxStorageInstanceSqlite<RxDocType>(
        params.databaseName,
        params.collectionName,
        params.schema,
        internals,
        params.options ?? {},
        layout,
        connection,
        options.documentCacheSize ?? 20_000,
        isTableMissing,
      );
    },
  };
}

/** Database names become file names: refuse anything that could point outside the folder. */
function checkedFileStem(databaseName: string): string {
  if (!databaseName || /[/\\\0]/.test(databaseName) || databaseName === '.' || databaseName === '..') {
    throw new Error(`Invalid database name for the SQLite storage: "${databaseName}" (no path separators allowed)`);
  }
  return databaseName;
}

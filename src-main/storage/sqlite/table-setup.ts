import { SqliteFileError } from './connection-pool';
import type { SqliteConnection } from './connection-pool';
import type { TableLayout } from './table-layout';

/**
 * Creating a collection's table is a write transaction, and the first write after opening a file
 * has to start (and fsync) a fresh WAL. Opening a database touches every collection, most of
 * which a session may never write, so a missing table is created on first use; an existing one is
 * only checked here, without writing.
 */

/**
 * Checks the collection's table in the file. Returns true when it does not exist yet (the caller
 * creates it on first use). Throws SqliteFileError when an existing table does not have the
 * columns the schema needs: the schema changed without a version bump, and guessing would break
 * the index columns silently.
 */
export function inspectTable(connection: SqliteConnection, layout: TableLayout, collectionName: string): boolean {
  const db = connection.db;
  const [table, ...others] = layout.objectNames;
  const present = new Set(
    db
      .prepare(`SELECT name FROM sqlite_master WHERE tbl_name IN (${layout.objectNames.map(() => '?').join(', ')})`)
      .pluck()
      .all(...layout.objectNames) as string[],
  );
  if (!present.has(table!)) return true;

  const columns = new Set(
    (db.prepare(`PRAGMA table_info(${layout.table})`).all() as { name: string }[]).map((c) => c.name),
  );
  const missing = layout.expectedColumns.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw new SqliteFileError(
      connection.filePath,
      `use collection "${collectionName}" (table ${layout.table} lacks columns ${missing.join(', ')}; ` +
        'did the schema change without a version bump?) in',
      new Error('table layout mismatch'),
    );
  }
  // An index or side table that an earlier version of this code did not create.
  if (others.some((name) => !present.has(name))) createTable(connection, layout);
  return false;
}

/** Creates the table, its indexes and side tables; idempotent. */
export function createTable(connection: SqliteConnection, layout: TableLayout): void {
  const db = connection.db;
  try {
    db.transaction(() => {
      for (const statement of layout.createStatements) db.exec(statement);
    }).immediate();
  } catch (error) {
    throw new SqliteFileError(connection.filePath, `create table ${layout.table} in`, error);
  }
}

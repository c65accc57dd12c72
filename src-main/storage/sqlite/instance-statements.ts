import type { Statement } from 'better-sqlite3';
import type { SqliteConnection } from './connection-pool';
import { DOCUMENT_COLUMNS } from './sqlite-query';
import type { TableLayout } from './table-layout';

// Cleanup deletes in slices so one call never holds the write lock for long; RxDB calls again.
export const CLEANUP_BATCH = 1000;

export type InstanceStatements = ReturnType<typeof prepareStatements>;

/**
 * The instance's fixed statements, each compiled on first use and then reused (via the
 * connection's cache, so instances of one table share them). Lazy because opening a database
 * creates several collections whose statements are mostly never needed in that session, and
 * because every CREATE TABLE makes SQLite recompile statements prepared before it.
 */
export function prepareStatements(connection: SqliteConnection, layout: TableLayout) {
  const t = layout.table;
  const extras = layout.extraFields.map((f) => f.column);
  const insertColumns = ['id', '_deleted', '_meta_lwt', '_rev', ...extras, 'data'];
  const updateColumns = ['_deleted', '_meta_lwt', '_rev', ...extras, 'data'];
  const byIds = 'id IN (SELECT value FROM json_each(?))';
  const lazy = (sql: string, mode?: 'raw' | 'pluck') => {
    let statement: Statement<unknown[], unknown> | undefined;
    return () => {
      if (!statement) {
        statement = connection.statement(sql);
        if (mode === 'raw') statement.raw();
        if (mode === 'pluck') statement.pluck();
      }
      return statement;
    };
  };
  return {
    revisionOne: lazy(`SELECT id, _rev, _deleted FROM ${t} WHERE id = ?`, 'raw'),
    revisionMany: lazy(`SELECT id, _rev, _deleted FROM ${t} WHERE ${byIds}`, 'raw'),
    docOne: lazy(`SELECT ${DOCUMENT_COLUMNS} FROM ${t} WHERE id = ?`, 'raw'),
    docOneLive: lazy(`SELECT ${DOCUMENT_COLUMNS} FROM ${t} WHERE id = ? AND _deleted = 0`, 'raw'),
    docMany: lazy(`SELECT ${DOCUMENT_COLUMNS} FROM ${t} WHERE ${byIds}`, 'raw'),
    versionMany: lazy(`SELECT id, _rev, _meta_lwt FROM ${t} WHERE ${byIds}`, 'raw'),
    versionManyLive: lazy(`SELECT id, _rev, _meta_lwt FROM ${t} WHERE ${byIds} AND _deleted = 0`, 'raw'),
    docManyLive: lazy(`SELECT ${DOCUMENT_COLUMNS} FROM ${t} WHERE ${byIds} AND _deleted = 0`, 'raw'),
    insert: lazy(`INSERT INTO ${t} (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`),
    update: lazy(`UPDATE ${t} SET ${updateColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
    // lwt >= ? is the index range; the OR only trims the ids of the checkpoint's own lwt.
    changedSince: lazy(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${t} WHERE _meta_lwt >= ? AND (_meta_lwt > ? OR id > ?) ORDER BY _meta_lwt, id LIMIT ?`,
      'raw',
    ),
    purgeable: lazy(`SELECT id FROM ${t} WHERE _deleted = 1 AND _meta_lwt <= ? LIMIT ${CLEANUP_BATCH}`, 'pluck'),
    deleteOne: lazy(`DELETE FROM ${t} WHERE id = ?`),
  };
}

import { getPrimaryFieldOfPrimaryKey, getSchemaByObjectPath, objectPathMonad } from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';

/**
 * How one collection (at one schema version) is laid out in SQLite.
 *
 * One table per collection + schema version. Each row holds the document as JSON text plus the
 * columns SQLite needs to find and order documents without parsing JSON: `id` (primary key),
 * `_deleted`, `_meta_lwt`, `_rev`, and one column per field that appears in any of the schema's
 * indexes. Every schema index becomes a SQLite index over those columns, so the SQL planner can
 * use exactly the indexes the application declared.
 */

export type SqlValue = string | number | null;

/** The kind of values an index column holds, from the field's JSON-schema type. */
export type ColumnKind = 'string' | 'number' | 'boolean';

export type IndexedField = {
  /** Dotted document path, e.g. `budget.amount`. */
  readonly field: string;
  /** Quoted SQL column name. */
  readonly column: string;
  readonly kind: ColumnKind;
  readonly read: (doc: unknown) => SqlValue;
};

export type TableLayout = {
  readonly table: string;
  readonly attachmentsTable: string;
  readonly primaryPath: string;
  /** Every field that has a column, keyed by document path (primary key, `_deleted`, `_meta.lwt` included). */
  readonly fields: ReadonlyMap<string, IndexedField>;
  /** Fields with their own index column besides the fixed ones, in insert order. */
  readonly extraFields: readonly IndexedField[];
  /** DDL that creates the table and its indexes; idempotent. */
  readonly createStatements: readonly string[];
  /** Unquoted names of the table, its indexes and side tables, as sqlite_master lists them. */
  readonly objectNames: readonly string[];
  readonly expectedColumns: readonly string[];
};

export function quoteIdentifier(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

export function toSqlValue(value: unknown): SqlValue {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    // better-sqlite3 cannot bind booleans; 0/1 keeps false < true like RxDB's sort order.
    case 'boolean':
      return value ? 1 : 0;
    default:
      // Objects and arrays are never index values (RxDB only allows primitive index fields).
      return null;
  }
}

export function tableNameFor(collectionName: string, schemaVersion: number): string {
  return `rx_${collectionName}_v${schemaVersion}`;
}

export function createTableLayout<RxDocType>(
  collectionName: string,
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
): TableLayout {
  const rawTable = tableNameFor(collectionName, schema.version);
  const table = quoteIdentifier(rawTable);
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;

  const fields = new Map<string, IndexedField>();
  const fixed: [string, string, ColumnKind][] = [
    [primaryPath, 'id', 'string'],
    ['_deleted', '_deleted', 'boolean'],
    ['_meta.lwt', '_meta_lwt', 'number'],
  ];
  for (const [field, column, kind] of fixed) {
    fields.set(field, makeField(field, quoteIdentifier(column), kind));
  }

  const extraFields: IndexedField[] = [];
  const usedColumns = new Set(['id', '_deleted', '_meta_lwt', '_rev', 'data']);
  const indexColumnLists: string[][] = [];
  const indexes = (schema.indexes ?? []).map((index) => (Array.isArray(index) ? [...index] : [index as string]));
  // getChangedDocumentsSince() pages by (lwt, id); RxDB adds this index, but a schema that did
  // not go through fillWithDefaultSettings() must still not scan the table for it.
  indexes.push(['_meta.lwt', primaryPath]);

  for (const index of indexes) {
    const columns: string[] = [];
    for (const field of index) {
      let indexed = fields.get(field);
      if (!indexed) {
        const kind = columnKindOf(schema, field);
        if (!kind) break; // an unsupported field ends the usable prefix of this index
        const column = uniqueColumnName(field, usedColumns);
        indexed = makeField(field, quoteIdentifier(column), kind);
        fields.set(field, indexed);
        extraFields.push(indexed);
      }
      columns.push(indexed.column);
    }
    if (columns.length > 0) indexColumnLists.push(columns);
  }

  const columnDefs = [
    'id TEXT PRIMARY KEY NOT NULL',
    '_deleted INTEGER NOT NULL',
    '_meta_lwt REAL NOT NULL',
    '_rev TEXT NOT NULL',
    // No declared type: the column keeps each value's own storage class, so numbers compare as
    // numbers and strings as strings, like RxDB's comparator.
    ...extraFields.map((f) => f.column),
    // Last, so the small columns above are read without touching the (possibly overflowing) JSON.
    'data TEXT NOT NULL',
  ];

  const seenIndexes = new Set<string>();
  const createStatements = [`CREATE TABLE IF NOT EXISTS ${table} (${columnDefs.join(', ')})`];
  const objectNames = [rawTable];
  for (const columns of indexColumnLists) {
    const key = columns.join(',');
    if (seenIndexes.has(key) || key === '"id"') continue; // the primary key is already an index
    seenIndexes.add(key);
    const indexName = `${rawTable}__${columns.map((c) => c.slice(1, -1)).join('__')}`;
    objectNames.push(indexName);
    createStatements.push(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(indexName)} ON ${table} (${columns.join(', ')})`);
  }

  const attachmentsTable = quoteIdentifier(`${rawTable}__attachments`);
  if (schema.attachments) {
    objectNames.push(`${rawTable}__attachments`);
    createStatements.push(
      `CREATE TABLE IF NOT EXISTS ${attachmentsTable} (doc_id TEXT NOT NULL, attachment_id TEXT NOT NULL, ` +
        'digest TEXT NOT NULL, type TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (doc_id, attachment_id))',
    );
  }

  return {
    table,
    attachmentsTable,
    primaryPath,
    fields,
    extraFields,
    createStatements,
    objectNames,
    expectedColumns: ['id', '_deleted', '_meta_lwt', '_rev', ...extraFields.map((f) => f.column.slice(1, -1)), 'data'],
  };
}

function makeField(field: string, column: string, kind: ColumnKind): IndexedField {
  const get = objectPathMonad<unknown>(field) as (doc: unknown) => unknown;
  return { field, column, kind, read: (doc) => toSqlValue(get(doc)) };
}

function columnKindOf<RxDocType>(schema: RxJsonSchema<RxDocumentData<RxDocType>>, field: string): ColumnKind | undefined {
  const part = getSchemaByObjectPath(schema, field) as { type?: unknown } | undefined;
  switch (part?.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

function uniqueColumnName(field: string, used: Set<string>): string {
  const base = 'f_' + field.replace(/[^A-Za-z0-9_]/g, '_');
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  used.add(name.toLowerCase());
  return name;
}

import { Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import { categorizeBulkWriteRows, now } from 'rxdb';
import type {
  BulkWriteRow,
  CategorizeBulkWriteRowsOutput,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageQueryResult,
  StringKeys,
} from 'rxdb';
import { changeKey, publishChanges, subscribeToChanges } from './change-hub';
import type { AnyEventBulk } from './change-hub';
import type { Statement } from 'better-sqlite3';
import type { SqliteConnection } from './connection-pool';
import { SqliteFileError } from './connection-pool';
import { AttachmentStore, readAttachmentBlobs } from './attachments';
import type { AttachmentBlobs } from './attachments';
import { DocumentCache } from './document-cache';
import type { DocumentRow } from './document-cache';
import { DOCUMENT_COLUMNS, explainQuery, runCount, runQuery } from './sqlite-query';
import type { QueryContext } from './sqlite-query';
import type { TableLayout } from './table-layout';
import { createTable } from './table-setup';

/** What `storageInstance.internals` holds: where the collection lives. Read-only, for diagnosis. */
export type SqliteStorageInternals = {
  readonly filePath: string;
  /** Quoted SQL name of the collection's table. */
  readonly table: string;
};

/** Per-collection options; none yet (all settings are per storage, see getRxStorageSqlite). */
export type SqliteInstanceCreationOptions = Record<string, never>;

type ChangeBulk<RxDocType> = EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>;
type Categorized<RxDocType> = CategorizeBulkWriteRowsOutput<RxDocType>;
type WriteOutcome<RxDocType> = { categorized: Categorized<RxDocType>; written: RxDocumentData<RxDocType>[] };

/** The part of a stored document that conflict detection reads; parsed JSON is not needed for it. */
type RevisionStub = { _rev: string; _deleted: boolean };

// Cleanup deletes in slices so one call never holds the write lock for long; RxDB calls again.
const CLEANUP_BATCH = 1000;

export class RxStorageInstanceSqlite<RxDocType>
  implements RxStorageInstance<RxDocType, SqliteStorageInternals, SqliteInstanceCreationOptions, RxStorageDefaultCheckpoint>
{
  private readonly primaryPath: StringKeys<RxDocumentData<RxDocType>>;
  private readonly changes$ = new Subject<ChangeBulk<RxDocType>>();
  private readonly unsubscribe: () => void;
  private readonly hubKey: string;
  private readonly queryContext: QueryContext;
  private readonly attachments: AttachmentStore | undefined;
  private readonly cache: DocumentCache;
  private readonly sql: Statements;
  private readonly writeTransaction: (
    rows: BulkWriteRow<RxDocType>[],
    context: string,
    blobs: AttachmentBlobs | undefined,
  ) => WriteOutcome<RxDocType>;
  private isClosed = false;

  constructor(
    readonly databaseName: string,
    readonly collectionName: string,
    readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>,
    readonly internals: SqliteStorageInternals,
    readonly options: Readonly<SqliteInstanceCreationOptions>,
    private readonly layout: TableLayout,
    private readonly connection: SqliteConnection,
    documentCacheSize: number,
    private isTableMissing: boolean,
  ) {
    this.primaryPath = layout.primaryPath as StringKeys<RxDocumentData<RxDocType>>;
    this.hubKey = changeKey(internals.filePath, layout.table);
    this.cache = new DocumentCache(this.hubKey, documentCacheSize);
    this.queryContext = { layout, schema: schema as RxJsonSchema<RxDocumentData<unknown>>, connection, cache: this.cache };
    this.attachments = schema.attachments ? new AttachmentStore(connection, layout.attachmentsTable) : undefined;

    this.sql = prepareStatements(connection, layout);
    // IMMEDIATE takes the write lock before reading revisions, so another process cannot slip a
    // write between our conflict check and our write.
    this.writeTransaction = connection.db.transaction(
      (rows: BulkWriteRow<RxDocType>[], context: string, blobs: AttachmentBlobs | undefined) =>
        this.writeRows(rows, context, blobs),
    ).immediate;

    this.unsubscribe = subscribeToChanges(this.hubKey, (bulk: AnyEventBulk) => {
      this.changes$.next(bulk as unknown as ChangeBulk<RxDocType>);
    });
  }

  async bulkWrite(rows: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    this.ensureTable();
    if (rows.length === 0) return { error: [] };
    // Blob contents can only be read asynchronously, so before the (synchronous) transaction.
    const blobs = this.attachments ? await readAttachmentBlobs(rows) : undefined;
    this.ensureOpen();
    const { categorized, written } = this.writeTransaction(rows, context, blobs);
    // Only now, after COMMIT: a rolled-back write must never reach the cache.
    this.cache.remember(written, (doc) => (doc as RxDocumentData<RxDocType>)[this.primaryPath] as string);
    const bulk = categorized.eventBulk;
    if (bulk.events.length > 0 && categorized.newestRow) {
      const newest = categorized.newestRow.document;
      bulk.checkpoint = { id: newest[this.primaryPath] as string, lwt: newest._meta.lwt };
      // After COMMIT: no listener ever sees a write that could still roll back.
      publishChanges(this.hubKey, bulk as unknown as AnyEventBulk);
    }
    return { error: categorized.errors };
  }

  async findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<RxDocType>[]> {
    this.ensureTable();
    if (ids.length === 0) return [];
    if (ids.length === 1) {
      const row = (withDeleted ? this.sql.docOne() : this.sql.docOneLive()).get(ids[0]) as DocumentRow | undefined;
      return row === undefined ? [] : [this.cache.decode<RxDocumentData<RxDocType>>(row)];
    }
    if (!this.cache.isEnabled) {
      const statement = withDeleted ? this.sql.docMany() : this.sql.docManyLive();
      return this.cache.decodeAll<RxDocumentData<RxDocType>>(statement.all(JSON.stringify(ids)) as DocumentRow[]);
    }
    // Two steps: the revisions first, then the JSON text only of documents not in the cache.
    // Turning the text of thousands of rows into JS strings costs as much as finding the rows.
    const versions = (withDeleted ? this.sql.versionMany() : this.sql.versionManyLive()).all(JSON.stringify(ids));
    const found: RxDocumentData<RxDocType>[] = [];
    const missing: string[] = [];
    for (const [id, rev, lwt] of versions as [string, string, number][]) {
      const cached = this.cache.lookup<RxDocumentData<RxDocType>>(id, rev, lwt);
      if (cached) found.push(cached);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const rows = this.sql.docMany().all(JSON.stringify(missing)) as DocumentRow[];
      for (const row of rows) found.push(this.cache.decode<RxDocumentData<RxDocType>>(row));
    }
    return found;
  }

  async query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    this.ensureTable();
    return { documents: runQuery(this.queryContext, preparedQuery.query) };
  }

  async count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    this.ensureTable();
    // 'fast' like RxDB's own storages: narrowing uses indexes; 'slow' would make RxDB refuse count().
    return { count: runCount(this.queryContext, preparedQuery.query), mode: 'fast' };
  }

  /** SQLite's plan for the statement query() runs; lets tests prove that indexes are used. */
  explainQuery(preparedQuery: PreparedQuery<RxDocType>): string[] {
    this.ensureTable();
    return explainQuery(this.queryContext, preparedQuery.query);
  }

  async getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    this.ensureTable();
    const lwt = checkpoint ? checkpoint.lwt : 0;
    const id = checkpoint ? checkpoint.id : '';
    const rows = this.sql.changedSince().all(lwt, lwt, id, limit) as DocumentRow[];
    const documents = this.cache.decodeAll<RxDocumentData<RxDocType>>(rows);
    const last = documents[documents.length - 1];
    return {
      documents,
      checkpoint: last
        ? { id: last[this.primaryPath] as string, lwt: last._meta.lwt }
        : (checkpoint ?? { id: '', lwt: 0 }),
    };
  }

  changeStream(): Observable<ChangeBulk<RxDocType>> {
    this.ensureOpen();
    return this.changes$.asObservable();
  }

  async cleanup(minimumDeletedTime: number): Promise<boolean> {
    this.ensureTable();
    const maxDeletionTime = now() - minimumDeletedTime;
    const purged = this.connection.db.transaction(() => {
      const ids = this.sql.purgeable().all(maxDeletionTime) as string[];
      for (const id of ids) {
        this.sql.deleteOne().run(id);
        this.attachments?.removeAllOf(id);
      }
      return ids;
    }).immediate();
    this.cache.forget(purged);
    return purged.length < CLEANUP_BATCH;
  }

  async getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<Blob> {
    this.ensureTable();
    if (!this.attachments) throw new Error(`Collection "${this.collectionName}" has no attachments`);
    return this.attachments.read(documentId, attachmentId, digest);
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.unsubscribe();
    this.changes$.complete();
    this.connection.release();
  }

  async remove(): Promise<void> {
    this.ensureOpen();
    try {
      this.connection.db.transaction(() => {
        this.connection.db.exec(`DROP TABLE IF EXISTS ${this.layout.table}`);
        this.connection.db.exec(`DROP TABLE IF EXISTS ${this.layout.attachmentsTable}`);
      }).immediate();
    } catch (error) {
      throw new SqliteFileError(this.internals.filePath, `remove collection "${this.collectionName}" from`, error);
    }
    this.cache.invalidateTable();
    this.connection.noteRemoval();
    await this.close();
  }

  private ensureOpen(): void {
    if (this.isClosed) {
      throw new Error(`Storage instance of collection "${this.collectionName}" (${this.internals.filePath}) is closed`);
    }
  }

  /** Every data operation starts here: refuse after close, create the table on first use. */
  private ensureTable(): void {
    this.ensureOpen();
    if (this.isTableMissing) {
      createTable(this.connection, this.layout);
      this.isTableMissing = false;
    }
  }

  /** Runs inside the IMMEDIATE transaction: read revisions, categorize with RxDB, write. */
  private writeRows(
    rows: BulkWriteRow<RxDocType>[],
    context: string,
    blobs: AttachmentBlobs | undefined,
  ): WriteOutcome<RxDocType> {
    const ids = rows.map((row) => row.document[this.primaryPath] as string);
    const written: RxDocumentData<RxDocType>[] = [];
    if (new Set(ids).size === ids.length) {
      return { categorized: this.writeDistinct(rows, ids, context, blobs, written), written };
    }
    // The same id twice in one batch: each row must see the previous one's result, so one by one.
    let merged: Categorized<RxDocType> | undefined;
    rows.forEach((row, i) => {
      const result = this.writeDistinct([row], [ids[i]!], context, blobs, written);
      if (!merged) {
        merged = result;
        return;
      }
      merged.errors.push(...result.errors);
      merged.eventBulk.events.push(...result.eventBulk.events);
      if (result.newestRow) merged.newestRow = result.newestRow;
    });
    return { categorized: merged!, written };
  }

  private writeDistinct(
    rows: BulkWriteRow<RxDocType>[],
    ids: string[],
    context: string,
    blobs: AttachmentBlobs | undefined,
    written: RxDocumentData<RxDocType>[],
  ): Categorized<RxDocType> {
    const stubs = this.readRevisions(ids);
    const categorized = categorizeBulkWriteRows<RxDocType>(
      this,
      this.primaryPath as StringKeys<RxDocType>,
      // categorizeBulkWriteRows only reads _rev of the stored document (and returns it on a
      // conflict, where we swap in the full document below), so stubs spare parsing JSON.
      stubs as unknown as Map<string, RxDocumentData<RxDocType>>,
      rows,
      context,
    );
    if (categorized.bulkInsertDocs.length > 0) {
      const insert = this.sql.insert();
      for (const row of categorized.bulkInsertDocs) {
        insert.run(this.columnValues(row.document, true));
        written.push(row.document);
      }
    }
    if (categorized.bulkUpdateDocs.length > 0) {
      const update = this.sql.update();
      for (const row of categorized.bulkUpdateDocs) {
        update.run(this.columnValues(row.document, false));
        written.push(row.document);
      }
    }
    if (this.attachments && blobs) this.attachments.apply(categorized, blobs);
    for (const error of categorized.errors) {
      if ('documentInDb' in error && error.documentInDb) {
        const row = this.sql.docOne().get(error.documentId) as DocumentRow;
        error.documentInDb = this.cache.decode<RxDocumentData<RxDocType>>(row);
      }
    }
    return categorized;
  }

  private readRevisions(ids: string[]): Map<string, RevisionStub> {
    const rows = (
      ids.length === 1 ? this.sql.revisionOne().all(ids[0]) : this.sql.revisionMany().all(JSON.stringify(ids))
    ) as [string, string, number][];
    const stubs = new Map<string, RevisionStub>();
    for (const [id, rev, deleted] of rows) stubs.set(id, { _rev: rev, _deleted: deleted === 1 });
    return stubs;
  }

  private columnValues(doc: RxDocumentData<RxDocType>, isInsert: boolean): unknown[] {
    const extras = this.layout.extraFields;
    const values: unknown[] = isInsert ? [doc[this.primaryPath]] : [];
    values.push(doc._deleted ? 1 : 0, doc._meta.lwt, doc._rev);
    for (let i = 0; i < extras.length; i++) values.push(extras[i]!.read(doc));
    values.push(JSON.stringify(doc));
    if (!isInsert) values.push(doc[this.primaryPath]);
    return values;
  }
}

type Statements = ReturnType<typeof prepareStatements>;

/**
 * The instance's fixed statements, each compiled on first use and then reused (via the
 * connection's cache, so instances of one table share them). Lazy because opening a database
 * creates several collections whose statements are mostly never needed in that session, and
 * because every CREATE TABLE makes SQLite recompile statements prepared before it.
 */
function prepareStatements(connection: SqliteConnection, layout: TableLayout) {
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

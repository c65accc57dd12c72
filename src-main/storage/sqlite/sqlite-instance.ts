import { Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import { now } from 'rxdb';
import type {
  BulkWriteRow,
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
import type { SqliteConnection } from './connection-pool';
import { SqliteFileError } from './connection-pool';
import { AttachmentStore, readAttachmentBlobs } from './attachments';
import type { AttachmentBlobs } from './attachments';
import { DocumentCache } from './document-cache';
import type { DocumentRow } from './document-cache';
import { writeRows } from './bulk-write';
import type { WriteOutcome, WriteTarget } from './bulk-write';
import { CLEANUP_BATCH, prepareStatements } from './instance-statements';
import type { InstanceStatements } from './instance-statements';
import { explainQuery, runCount, runQuery } from './sqlite-query';
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
  private readonly sql: InstanceStatements;
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
    this.cache = new DocumentCache(this.hubKey, documentCacheSize, () => connection.epoch.known);
    this.queryContext = {
      layout,
      schema: schema as RxJsonSchema<RxDocumentData<unknown>>,
      connection,
      cache: this.cache,
      idsFirstPause: 0,
    };
    this.attachments = schema.attachments ? new AttachmentStore(connection, layout.attachmentsTable) : undefined;

    this.sql = prepareStatements(connection, layout);
    const target: WriteTarget<RxDocType> = {
      instance: this,
      primaryPath: this.primaryPath,
      layout,
      sql: this.sql,
      cache: this.cache,
      attachments: this.attachments,
    };
    // IMMEDIATE takes the write lock before reading revisions, so another process cannot slip a
    // write between our conflict check and our write.
    this.writeTransaction = connection.db.transaction(
      (rows: BulkWriteRow<RxDocType>[], context: string, blobs: AttachmentBlobs | undefined) =>
        writeRows(target, rows, context, blobs),
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
    if (!this.cache.isEnabled) {
      if (ids.length === 1) return this.readDocuments(ids, withDeleted);
      const statement = withDeleted ? this.sql.docMany() : this.sql.docManyLive();
      return this.cache.decodeAll<RxDocumentData<RxDocType>>(statement.all(JSON.stringify(ids)) as DocumentRow[]);
    }
    // Documents whose cached version is known to be the stored one need no SQL at all.
    const epoch = this.connection.epoch.current();
    const found: RxDocumentData<RxDocType>[] = [];
    let unresolved: string[] | undefined;
    for (const id of ids) {
      const doc = this.cache.trusted<RxDocumentData<RxDocType>>(id, epoch);
      if (!doc) (unresolved ??= []).push(id);
      else if (withDeleted || !doc._deleted) found.push(doc);
    }
    if (unresolved) found.push(...this.readDocuments(unresolved, withDeleted));
    return found;
  }

  /** Reads documents by id from SQLite, parsing only those the cache cannot confirm. */
  private readDocuments(ids: string[], withDeleted: boolean): RxDocumentData<RxDocType>[] {
    if (ids.length === 1) {
      const row = (withDeleted ? this.sql.docOne() : this.sql.docOneLive()).get(ids[0]) as DocumentRow | undefined;
      return row === undefined ? [] : [this.cache.decode<RxDocumentData<RxDocType>>(row)];
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
}

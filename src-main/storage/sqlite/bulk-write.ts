import { categorizeBulkWriteRows } from 'rxdb';
import type {
  BulkWriteRow,
  CategorizeBulkWriteRowsOutput,
  RxDocumentData,
  RxStorageInstance,
  StringKeys,
} from 'rxdb';
import type { AttachmentBlobs, AttachmentStore } from './attachments';
import type { DocumentCache, DocumentRow } from './document-cache';
import type { InstanceStatements } from './instance-statements';
import type { TableLayout } from './table-layout';

/**
 * The write path of bulkWrite(), run inside one IMMEDIATE transaction: read the stored revisions
 * of the written ids, let RxDB's categorizeBulkWriteRows() decide inserts, updates, conflicts and
 * events exactly as RxDB expects, then write the rows.
 */

/** What the write path needs from its storage instance. */
export type WriteTarget<RxDocType> = {
  /** Passed to categorizeBulkWriteRows(), which reads its schema (attachments). */
  readonly instance: RxStorageInstance<RxDocType, unknown, unknown>;
  readonly primaryPath: StringKeys<RxDocumentData<RxDocType>>;
  readonly layout: TableLayout;
  readonly sql: InstanceStatements;
  readonly cache: DocumentCache;
  readonly attachments: AttachmentStore | undefined;
};

export type Categorized<RxDocType> = CategorizeBulkWriteRowsOutput<RxDocType>;

/** RxDB's categorisation plus the documents actually written (for the cache, after COMMIT). */
export type WriteOutcome<RxDocType> = { categorized: Categorized<RxDocType>; written: RxDocumentData<RxDocType>[] };

/** The part of a stored document that conflict detection reads; parsed JSON is not needed for it. */
type RevisionStub = { _rev: string; _deleted: boolean };

/** Runs inside the IMMEDIATE transaction: read revisions, categorize with RxDB, write. */
export function writeRows<RxDocType>(
  target: WriteTarget<RxDocType>,
  rows: BulkWriteRow<RxDocType>[],
  context: string,
  blobs: AttachmentBlobs | undefined,
): WriteOutcome<RxDocType> {
  const ids = rows.map((row) => row.document[target.primaryPath] as string);
  const written: RxDocumentData<RxDocType>[] = [];
  if (new Set(ids).size === ids.length) {
    return { categorized: writeDistinct(target, rows, ids, context, blobs, written), written };
  }
  // The same id twice in one batch: each row must see the previous one's result, so one by one.
  let merged: Categorized<RxDocType> | undefined;
  rows.forEach((row, i) => {
    const result = writeDistinct(target, [row], [ids[i]!], context, blobs, written);
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

function writeDistinct<RxDocType>(
  target: WriteTarget<RxDocType>,
  rows: BulkWriteRow<RxDocType>[],
  ids: string[],
  context: string,
  blobs: AttachmentBlobs | undefined,
  written: RxDocumentData<RxDocType>[],
): Categorized<RxDocType> {
  const stubs = readRevisions(target.sql, ids);
  const categorized = categorizeBulkWriteRows<RxDocType>(
    target.instance,
    target.primaryPath as StringKeys<RxDocType>,
    // categorizeBulkWriteRows only reads _rev of the stored document (and returns it on a
    // conflict, where we swap in the full document below), so stubs spare parsing JSON.
    stubs as unknown as Map<string, RxDocumentData<RxDocType>>,
    rows,
    context,
  );
  if (categorized.bulkInsertDocs.length > 0) {
    const insert = target.sql.insert();
    for (const row of categorized.bulkInsertDocs) {
      insert.run(columnValues(target, row.document, true));
      written.push(row.document);
    }
  }
  if (categorized.bulkUpdateDocs.length > 0) {
    const update = target.sql.update();
    for (const row of categorized.bulkUpdateDocs) {
      update.run(columnValues(target, row.document, false));
      written.push(row.document);
    }
  }
  if (target.attachments && blobs) target.attachments.apply(categorized, blobs);
  for (const error of categorized.errors) {
    if ('documentInDb' in error && error.documentInDb) {
      const row = target.sql.docOne().get(error.documentId) as DocumentRow;
      error.documentInDb = target.cache.decode<RxDocumentData<RxDocType>>(row);
    }
  }
  return categorized;
}

function readRevisions(sql: InstanceStatements, ids: string[]): Map<string, RevisionStub> {
  const rows = (
    ids.length === 1 ? sql.revisionOne().all(ids[0]) : sql.revisionMany().all(JSON.stringify(ids))
  ) as [string, string, number][];
  const stubs = new Map<string, RevisionStub>();
  for (const [id, rev, deleted] of rows) stubs.set(id, { _rev: rev, _deleted: deleted === 1 });
  return stubs;
}

function columnValues<RxDocType>(
  target: WriteTarget<RxDocType>,
  doc: RxDocumentData<RxDocType>,
  isInsert: boolean,
): unknown[] {
  const extras = target.layout.extraFields;
  const values: unknown[] = isInsert ? [doc[target.primaryPath]] : [];
  values.push(doc._deleted ? 1 : 0, doc._meta.lwt, doc._rev);
  for (let i = 0; i < extras.length; i++) values.push(extras[i]!.read(doc));
  values.push(JSON.stringify(doc));
  if (!isInsert) values.push(doc[target.primaryPath]);
  return values;
}

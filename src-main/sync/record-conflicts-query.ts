import { combineLatest, from, map, of, switchMap, type Observable } from 'rxjs';
import type { RxDocument } from 'rxdb';
import type { CollectionName } from '../../src-shared/db/schemas';
import { fail, ok } from '../../src-shared/core/result';
import { buildRecordConflicts, refusalKey, type AuditTrace, type ConflictDocument, type RecordConflictsView } from '../../src-shared/sync/record-conflicts';
import type { ConflictView } from '../../src-shared/sync/sync-status';
import type { LabDatabase } from '../database/open-database';
import type { CommandHandler, QueryHandler } from '../host/handler-types';
import { createConflictReviews } from './conflict-reviews';
import { createSyncSettingsStore } from './sync-settings-store';

/**
 * The conflicts shown on a record and in Settings → Team sync, and "Dismiss". The conflicts are the
 * `activity` documents of kind `conflict` the server writes and every PC pulls; the refused writes and
 * the reviewed flags are this PC's own local documents.
 */

/** Audit entries looked at to name who wrote a kept value: the newest are the ones that matter. */
const AUDIT_LOOKBACK = 200;

type Doc = Record<string, unknown>;
const plain = (docs: RxDocument<unknown>[]): Doc[] => docs.map((d) => d.toJSON() as Doc);

const names$ = (db: LabDatabase): Observable<ReadonlyMap<string, string>> =>
  db.people.find({ selector: { kind: 'person' } }).$.pipe(map((docs: RxDocument<unknown>[]) => new Map(plain(docs).map((p) => [String(p.id), String(p.name)]))));

export const recordConflictsQuery: QueryHandler<'sync/record-conflicts'> = (input, context) => {
  const { db, actor } = context;
  const { collection, recordId } = input;
  const record$ = db[collection].findOne(recordId).$.pipe(map((doc: RxDocument<unknown> | null) => (doc ? (doc.toJSON() as Doc) : null)));
  const conflicts$ = db.activity.find({ selector: { subjectId: recordId, kind: 'conflict', subjectType: collection } }).$.pipe(map((docs: RxDocument<unknown>[]) => plain(docs) as unknown as ConflictDocument[]));
  const audit$ = db.audit
    .find({ selector: { recordId, collectionName: collection }, sort: [{ at: 'desc' }], limit: AUDIT_LOOKBACK })
    .$.pipe(map((docs: RxDocument<unknown>[]) => plain(docs) as unknown as AuditTrace[]));
  // Most records never had a conflict: only then watch the record, its audit trail and everyone's
  // names, which every edit of an open record would otherwise re-read.
  return combineLatest([conflicts$, createSyncSettingsStore(db).refused$()]).pipe(
    switchMap(([conflicts, refused]) =>
      conflicts.length === 0 && !refused.some((r) => r.collection === collection && r.id === recordId)
        ? of(ok<RecordConflictsView>({ conflicts: [], refused: [] }))
        : combineLatest([record$, audit$, names$(db), createConflictReviews(db).reviewed$(actor.id)]).pipe(
            map(([record, audit, names, reviewed]) => ok(buildRecordConflicts({ collection, recordId, record, conflicts, audit, refused, names, viewerId: actor.id, reviewed }))),
          ),
    ),
  );
};

export const reviewConflictCommand: CommandHandler<'sync/review-conflict'> = async (input, context) => {
  const { db } = context;
  const exists = input.id.startsWith('refused:')
    ? (await createSyncSettingsStore(db).loadRefused()).some((r) => refusalKey(r) === input.id)
    : (await db.activity.findOne(input.id).exec())?.get('kind') === 'conflict';
  if (!exists) return fail('not_found', 'There is no such conflict or refused change on this PC.', { field: 'id' });
  await createConflictReviews(db).markReviewed(context.actor.id, input.id, context.clock().toISOString());
  return ok({ id: input.id });
};

/** What a record is called in lists, and the code some pages are found by (workflow definitions). */
function recordLabel(doc: Doc): NonNullable<ConflictView['record']> {
  const definition = (doc.definition ?? {}) as Doc;
  const title = [doc.title, doc.name, definition.name, doc.code, doc.id].find((v) => typeof v === 'string' && v !== '') as string;
  return { title, ...(typeof doc.code === 'string' ? { code: doc.code } : {}) };
}

async function withRecords(db: LabDatabase, docs: Doc[]): Promise<ConflictView[]> {
  const idsByCollection = new Map<string, Set<string>>();
  for (const d of docs) {
    const type = String(d.subjectType);
    if (!(type in db.collections)) continue;
    idsByCollection.set(type, (idsByCollection.get(type) ?? new Set()).add(String(d.subjectId)));
  }
  const records = new Map<string, Doc>();
  for (const [type, ids] of idsByCollection) {
    const found = await db[type as CollectionName].findByIds([...ids]).exec();
    for (const [id, doc] of found) records.set(`${type}/${id}`, (doc as RxDocument<unknown>).toJSON() as Doc);
  }
  return docs.map((doc) => {
    const data = (doc.data ?? {}) as { byId?: string; fields?: ConflictView['fields'] };
    const record = records.get(`${String(doc.subjectType)}/${String(doc.subjectId)}`);
    return {
      id: String(doc.id),
      at: String(doc.at),
      collection: String(doc.subjectType),
      recordId: String(doc.subjectId),
      byId: data.byId ?? '',
      fields: data.fields ?? [],
      record: record ? recordLabel(record) : null,
    };
  });
}

/** Settings → Team sync's list (or one record's), newest first, each with what its record is called. */
export const conflictListQuery: QueryHandler<'sync/conflicts'> = (input, context) =>
  context.db.activity
    .find({ selector: input.recordId ? { subjectId: input.recordId, kind: 'conflict' } : { kind: 'conflict' }, sort: [{ at: 'desc' }], limit: input.limit })
    .$.pipe(switchMap((docs: RxDocument<unknown>[]) => from(withRecords(context.db, plain(docs)).then((views) => ok(views)))));

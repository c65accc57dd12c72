import { canonicalJson } from '../../src-shared/core/canonical-json';
import { conflictIdOf, type LostField } from '../../src-shared/sync/conflicts';
import type { SyncCollection } from '../../src-shared/sync/collections';
import { scopeProjection } from '../../src-shared/sync/read-scope';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { SqlClient } from '../db/sql-database';
import { readWhere, upsertDocument } from './document-store';

type Doc = Record<string, unknown>;

/** Where conflict records live: `activity` documents of kind `conflict` about the record. */
export const CONFLICTS_COLLECTION = 'activity';

const fieldsOf = (doc: Doc | undefined): LostField[] => {
  const data = doc?.data as { fields?: unknown } | undefined;
  return Array.isArray(data?.fields) ? (data.fields as LostField[]) : [];
};

/** One loss: a field of a record and the value that did not survive. */
const lossKey = (field: string, lost: unknown) => canonicalJson([field, lost ?? null]);

/**
 * Keeps the PC's losing version of a document (`losing`) as a conflict record on the record, once
 * per loss: a field whose value is already recorded as lost on this record is not recorded again,
 * whichever version carried it (a retry after a cut, a restart, or a PC whose first push after an
 * outage sent an older version of its edits before its latest). The record's id comes from the
 * document and the losing version (conflicts.ts `conflictIdOf`), so a second answer to the same
 * push adds only fields it does not name yet. Returns whether anything was written.
 */
export async function recordConflict(tx: SqlClient, collection: SyncCollection, subject: Doc, losing: Doc, lost: LostField[], person: SyncPerson, now: Date): Promise<boolean> {
  const primaryKey = (collection.schema as { primaryKey: string }).primaryKey;
  const subjectId = String(subject[primaryKey]);
  const id = conflictIdOf(collection.name, subjectId, losing);
  const earlier = (await readWhere(tx, CONFLICTS_COLLECTION, 'subjectId', [subjectId])).filter((row) => row.data.kind === 'conflict' && row.data.subjectType === collection.name);
  const known = new Set(earlier.flatMap((row) => fieldsOf(row.data).map((l) => lossKey(l.field, l.lost))));
  const fresh = lost.filter((l) => !known.has(lossKey(l.field, l.lost)));
  if (fresh.length === 0) return false;
  const existing = earlier.find((row) => row.id === id)?.data;
  const at = typeof existing?.at === 'string' ? existing.at : now.toISOString();
  await upsertDocument(tx, CONFLICTS_COLLECTION, id, {
    id,
    kind: 'conflict',
    subjectType: collection.name,
    subjectId,
    at,
    data: { byId: (existing?.data as { byId?: string } | undefined)?.byId ?? person.id, fields: [...fieldsOf(existing), ...fresh], lostVersion: losing, subjectScope: scopeProjection(collection.name, subject) },
    createdAt: at,
    updatedAt: now.toISOString(),
    createdBy: 'sync-server',
    updatedBy: 'sync-server',
    auditId: id,
    _deleted: false,
  });
  return true;
}

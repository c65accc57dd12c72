import { conflictIdOf, type LostField } from '../../src-shared/sync/conflicts';
import type { SyncCollection } from '../../src-shared/sync/collections';
import { scopeProjection } from '../../src-shared/sync/read-scope';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { SqlClient } from '../db/sql-database';
import { readForUpdate, upsertDocument } from './document-store';

type Doc = Record<string, unknown>;

/** Where conflict records live: `activity` documents of kind `conflict` about the record. */
export const CONFLICTS_COLLECTION = 'activity';

const fieldsOf = (doc: Doc | undefined): LostField[] => {
  const data = doc?.data as { fields?: unknown } | undefined;
  return Array.isArray(data?.fields) ? (data.fields as LostField[]) : [];
};

/**
 * Keeps the PC's losing version of a document (`losing`) as a conflict record on the record, once:
 * its id comes from the document and the losing version (conflicts.ts `conflictIdOf`), so the same
 * push answered twice (a retry after a cut, a restart) finds the record already there and adds
 * only fields it does not name yet. Returns whether anything was written.
 */
export async function recordConflict(tx: SqlClient, collection: SyncCollection, subject: Doc, losing: Doc, lost: LostField[], person: SyncPerson, now: Date): Promise<boolean> {
  const primaryKey = (collection.schema as { primaryKey: string }).primaryKey;
  const subjectId = String(subject[primaryKey]);
  const id = conflictIdOf(collection.name, subjectId, losing);
  const existing = (await readForUpdate(tx, CONFLICTS_COLLECTION, [id])).get(id)?.data;
  const known = fieldsOf(existing);
  const fresh = lost.filter((l) => !known.some((k) => k.field === l.field));
  if (existing && fresh.length === 0) return false;
  const at = typeof existing?.at === 'string' ? existing.at : now.toISOString();
  await upsertDocument(tx, CONFLICTS_COLLECTION, id, {
    id,
    kind: 'conflict',
    subjectType: collection.name,
    subjectId,
    at,
    data: { byId: (existing?.data as { byId?: string } | undefined)?.byId ?? person.id, fields: [...known, ...fresh], lostVersion: losing, subjectScope: scopeProjection(collection.name, subject) },
    createdAt: at,
    updatedAt: now.toISOString(),
    createdBy: 'sync-server',
    updatedBy: 'sync-server',
    auditId: id,
    _deleted: false,
  });
  return true;
}

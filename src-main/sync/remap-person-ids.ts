import { collectionNames, type CollectionName } from '../../src-shared/db/schemas';
import { replaceIds, rewriteReferences, type IdMap } from '../../src-shared/sync/remap-ids';
import type { LabDatabase } from '../database/open-database';
import { preferencesId } from '../notifications/notification-store';

const CHUNK = 500;

/**
 * `audit` is history: its entries keep the ids they were written with (an entry says who did what
 * then; rewriting it would make the trail say something it did not). The merge's own entry maps
 * the old id to the new one for views that need it.
 */
const KEPT_AS_WRITTEN = new Set<CollectionName>(['audit']);

type Stored = Record<string, unknown>;

/**
 * Rewrites every reference to the old person ids in every collection (src-shared's list, so a
 * collection added later is covered), in chunks of documents by id. Workflow events are rewritten
 * like everything else and in the same way as their instances' state: an instance's state is the
 * replay of its events, and replacing equal strings on both sides keeps replay(events) = state.
 * Each rewritten document names `auditIdOf(found)`, the merge entry that explains the change.
 * Idempotent: a second run finds no old id and writes nothing. Returns the count per collection.
 */
export async function rewritePersonIds(db: LabDatabase, ids: IdMap, auditIdOf: (found: string[]) => string): Promise<Partial<Record<CollectionName, number>>> {
  const counts: Partial<Record<CollectionName, number>> = {};
  for (const name of collectionNames) {
    if (KEPT_AS_WRITTEN.has(name)) continue;
    const collection = db[name];
    let after = '';
    for (;;) {
      const docs = await collection.find({ selector: { id: { $gt: after } }, sort: [{ id: 'asc' }], limit: CHUNK }).exec();
      const last = docs.at(-1);
      if (!last) break;
      after = last.primary;
      const changes = docs.flatMap((doc) => {
        const rewritten = rewriteReferences(doc.toJSON() as Stored, ids);
        return rewritten ? [{ doc, auditId: auditIdOf(rewritten.found) }] : [];
      });
      // RxDB's write queue turns the modifications of one chunk into one bulk write.
      await Promise.all(
        changes.map(({ doc, auditId }) =>
          doc.incrementalModify((data: Stored) => {
            const rewritten = rewriteReferences(data, ids);
            return rewritten ? { ...rewritten.doc, auditId } : data;
          }),
        ),
      );
      if (changes.length > 0) counts[name] = (counts[name] ?? 0) + changes.length;
    }
  }
  counts.notifications = (counts.notifications ?? 0) + (await moveKeyedDocuments(db, ids, auditIdOf));
  return counts;
}

/**
 * Documents whose own id is derived from a person's (notification preferences: one per person,
 * the same id on every PC) move to the id derived from the new person id: copied there (unless the
 * team already has one, which then wins) and removed under the old id. Run after the references
 * are rewritten, so the copy is already rewritten. The old document never left this PC, so its
 * removal changes nothing on the server.
 */
async function moveKeyedDocuments(db: LabDatabase, ids: IdMap, auditIdOf: (found: string[]) => string): Promise<number> {
  let moved = 0;
  for (const [from, to] of ids) {
    const old = await db.notifications.findOne(preferencesId(from)).exec();
    if (!old) continue;
    if (!(await db.notifications.findOne(preferencesId(to)).exec())) {
      const { _rev, _meta, _attachments, _deleted, ...fields } = replaceIds(old.toJSON() as Stored, ids);
      void _rev; void _meta; void _attachments; void _deleted;
      await db.notifications.insert({ ...fields, id: preferencesId(to), auditId: auditIdOf([from]) });
    }
    await old.remove();
    moved++;
  }
  return moved;
}

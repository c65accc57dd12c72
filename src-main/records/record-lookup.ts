import type { RecordLookup, RecordReads } from '../../src-shared/records/record-kind';
import type { CollectionName } from '../../src-shared/db/schemas';
import type { LabDatabase } from '../database/open-database';

type Doc = Record<string, unknown>;

/** Loads what a kind's invariant reads from this PC's database (indexes by parent and by person) and answers it. */
export async function loadLookup(db: LabDatabase, reads: RecordReads): Promise<RecordLookup> {
  const byId = new Map<string, Doc>();
  for (const ref of reads.ids ?? []) {
    const collection = db[ref.collection as CollectionName];
    const doc = collection ? await collection.findOne(ref.id).exec() : null;
    if (doc) byId.set(`${ref.collection}/${ref.id}`, doc.toJSON() as Doc);
  }
  const sets = new Map<string, Doc[]>();
  for (const q of reads.byParent ?? []) {
    const docs = await db.records.find({ selector: { parentId: q.parentId, kind: q.kind } }).exec();
    sets.set(`p|${q.kind}|${q.parentId}`, docs.map((d) => d.toJSON() as Doc));
  }
  for (const q of reads.byPerson ?? []) {
    const docs = await db.records.find({ selector: { personId: q.personId, kind: q.kind } }).exec();
    sets.set(`s|${q.kind}|${q.personId}`, docs.map((d) => d.toJSON() as Doc));
  }
  return {
    get: (collection, id) => byId.get(`${collection}/${id}`) ?? null,
    byParent: (kind, parentId) => sets.get(`p|${kind}|${parentId}`) ?? [],
    byPerson: (kind, personId) => sets.get(`s|${kind}|${personId}`) ?? [],
  };
}

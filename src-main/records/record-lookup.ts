import type { RecordLookup, RecordReads } from '../../src-shared/records/record-kind';
import type { CollectionName } from '../../src-shared/db/schemas';
import type { LabDatabase } from '../database/open-database';

type Doc = Record<string, unknown>;

/**
 * Sorts that follow the records indexes by parent and by person. Without one RxDB sorts a
 * `{parentId, kind}` query by the first index holding `kind` (kind, status, id), and SQLite then
 * walks every record of the kind in that order instead of looking up the parent: an instrument's
 * two calibrations took 15 ms among 10,000, 0.5 ms with this sort.
 */
export const byParentOrder = [{ parentId: 'asc' }, { kind: 'asc' }, { id: 'asc' }] as const;
export const byPersonOrder = [{ personId: 'asc' }, { kind: 'asc' }, { id: 'asc' }] as const;

/**
 * Records a host feature keeps current in memory (the equipment fleet state), so the invariants
 * that read them (usage gating on every booking) need no query. Answers only what it holds, once
 * it is filled: `undefined` sends the read to the database.
 */
export interface RecordMemory {
  record(id: string): Doc | undefined;
  /** A person (the `people` collection), whom gating names in its refusals. */
  person?(id: string): Doc | undefined;
  byParent(kind: string, parentId: string): Doc[] | undefined;
  byPerson(kind: string, personId: string): Doc[] | undefined;
}

// One per host, found by the host's database: a test process may run several hosts.
const memories = new WeakMap<LabDatabase, RecordMemory>();

/** Lets `loadLookup` answer from `memory` on this database (null: from the database again). */
export function keepRecordsInMemory(db: LabDatabase, memory: RecordMemory | null): void {
  if (memory) memories.set(db, memory);
  else memories.delete(db);
}

/** Loads what a kind's invariant reads from this PC's database (indexes by parent and by person) and answers it. */
export async function loadLookup(db: LabDatabase, reads: RecordReads): Promise<RecordLookup> {
  const memory = memories.get(db);
  const byId = new Map<string, Doc>();
  for (const ref of reads.ids ?? []) {
    const held = ref.collection === 'records' ? memory?.record(ref.id) : ref.collection === 'people' ? memory?.person?.(ref.id) : undefined;
    if (held) {
      byId.set(`${ref.collection}/${ref.id}`, held);
      continue;
    }
    const collection = db[ref.collection as CollectionName];
    const doc = collection ? await collection.findOne(ref.id).exec() : null;
    if (doc) byId.set(`${ref.collection}/${ref.id}`, doc.toJSON() as Doc);
  }
  const sets = new Map<string, Doc[]>();
  for (const q of reads.byParent ?? []) {
    const held = memory?.byParent(q.kind, q.parentId);
    const docs = held ?? (await db.records.find({ selector: { parentId: q.parentId, kind: q.kind }, sort: [...byParentOrder] }).exec()).map((d) => d.toJSON() as Doc);
    sets.set(`p|${q.kind}|${q.parentId}`, docs);
  }
  for (const q of reads.byPerson ?? []) {
    const held = memory?.byPerson(q.kind, q.personId);
    const docs = held ?? (await db.records.find({ selector: { personId: q.personId, kind: q.kind }, sort: [...byPersonOrder] }).exec()).map((d) => d.toJSON() as Doc);
    sets.set(`s|${q.kind}|${q.personId}`, docs);
  }
  for (const q of reads.byStatus ?? []) {
    // The records index (kind, status, id) answers this directly.
    sets.set(`t|${q.kind}|${q.status}`, (await db.records.find({ selector: { kind: q.kind, status: q.status } }).exec()).map((d) => d.toJSON() as Doc));
  }
  return {
    get: (collection, id) => byId.get(`${collection}/${id}`) ?? null,
    byParent: (kind, parentId) => sets.get(`p|${kind}|${parentId}`) ?? [],
    byPerson: (kind, personId) => sets.get(`s|${kind}|${personId}`) ?? [],
    byStatus: (kind, status) => sets.get(`t|${kind}|${status}`) ?? [],
  };
}

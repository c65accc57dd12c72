import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { LabDatabase } from '../database/open-database';
import type { RecordMemory } from '../records/record-lookup';

/**
 * The equipment fleet in host memory: every instrument, calibration plan, calibration and booking,
 * the HR training records usage gating reads and the people it names, kept current from the records collection's
 * change stream (local commands and pulled changes alike), as the register index is
 * (src-main/records/register-index.ts). Usage gating on a booking, usage entry, allocation or
 * workflow step then reads no database (`loadLookup` asks it first: `RecordMemory`), and the
 * dashboard and register group instruments without three queries over every record.
 *
 * Filled once in pages when the host starts; until then it answers nothing (`undefined`), so reads
 * go to the database and are never judged on a half-filled fleet. Changes arriving while it fills
 * win over the pages read after them. `version` moves on every change, for answers kept until then.
 */
type Doc = Record<string, unknown>;

/** The kinds usage gating reads (instrument-reads.ts, training-gate.ts) and the dashboard groups. */
export const fleetKinds: ReadonlySet<string> = new Set(['equipment', 'calibration_plan', 'calibration', 'booking', 'training_course', 'training_completion']);

const LOAD_PAGE = 1000;

/** The document as `RxDocument.toJSON()` gives it, which is what the database path of `loadLookup` answers. */
function plain(raw: Doc): Doc {
  const { _meta: _m, _rev: _r, _attachments: _a, _deleted: _d, ...doc } = raw;
  return doc;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const byId = (a: Doc, b: Doc) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);

export interface FleetState extends RecordMemory {
  /** Starts filling the fleet in the background (with the host). */
  warm(): void;
  /** Resolves once the fleet is filled. */
  ready(): Promise<void>;
  /** Moves on every change of a fleet record. */
  version(): number;
  /** Every live record of a fleet kind, in id order. */
  all(kind: string): Doc[];
  dispose(): void;
}

export function createFleetState(db: LabDatabase): FleetState {
  const records = new Map<string, Doc>();
  const people = new Map<string, Doc>();
  /** `kind|p|parentId` and `kind|s|personId` → ids; the sorted lists are kept until a change. */
  const groups = new Map<string, Set<string>>();
  const sortedGroups = new Map<string, Doc[]>();
  let version = 0;
  let isFilled = false;
  let isLoading = false;
  let isDisposed = false;
  let loaded: Promise<void> | null = null;
  const changedWhileLoading = new Set<string>();

  const keysOf = (doc: Doc) => [`${text(doc.kind)}|*|`, `${text(doc.kind)}|p|${text(doc.parentId)}`, ...(text(doc.personId) ? [`${text(doc.kind)}|s|${text(doc.personId)}`] : [])];

  const leave = (id: string) => {
    const old = records.get(id);
    if (!old) return;
    records.delete(id);
    for (const key of keysOf(old)) {
      groups.get(key)?.delete(id);
      sortedGroups.delete(key);
    }
  };

  const put = (raw: Doc, isDeleted: boolean) => {
    const id = text(raw.id);
    leave(id);
    if (isDeleted || !fleetKinds.has(text(raw.kind))) return;
    const doc = plain(raw);
    records.set(id, doc);
    for (const key of keysOf(doc)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = new Set()));
      group.add(id);
      sortedGroups.delete(key);
    }
  };

  const group = (key: string): Doc[] => {
    let list = sortedGroups.get(key);
    if (!list) {
      list = [...(groups.get(key) ?? [])].map((id) => records.get(id) as Doc).sort(byId);
      sortedGroups.set(key, list);
    }
    return list;
  };

  const changes = db.records.$.subscribe((event: { documentData: RecordDocument; operation: string }) => {
    const raw = event.documentData as unknown as Doc;
    // A record that moved out of a fleet kind is dropped too (put leaves before it checks the kind).
    if (!fleetKinds.has(text(raw.kind)) && !records.has(text(raw.id))) return;
    if (isLoading) changedWhileLoading.add(text(raw.id));
    put(raw, event.operation === 'DELETE' || raw._deleted === true);
    version += 1;
  });

  const putPerson = (raw: Doc, isDeleted: boolean) => {
    if (isDeleted) people.delete(text(raw.id));
    else people.set(text(raw.id), plain(raw));
  };
  const personChanges = db.people.$.subscribe((event: { documentData: unknown; operation: string }) => {
    const raw = event.documentData as Doc;
    if (isLoading) changedWhileLoading.add(`people/${text(raw.id)}`);
    putPerson(raw, event.operation === 'DELETE' || raw._deleted === true);
  });

  async function loadAll(): Promise<void> {
    isLoading = true;
    const everyone = (await db.people.storageInstance.query(db.people.find({ selector: {} }).getPreparedQuery())).documents as unknown as Doc[];
    for (const raw of everyone) if (!changedWhileLoading.has(`people/${text(raw.id)}`)) putPerson(raw, raw._deleted === true);
    let after = '';
    for (;;) {
      // Straight from the storage, as the register index fills: RxDB's query cache would keep every page.
      const query = db.records.find({ selector: after ? { id: { $gt: after } } : {}, sort: [{ id: 'asc' }], limit: LOAD_PAGE });
      const page = (await db.records.storageInstance.query(query.getPreparedQuery())).documents as unknown as Doc[];
      if (isDisposed) return;
      for (const raw of page) if (fleetKinds.has(text(raw.kind)) && !changedWhileLoading.has(text(raw.id))) put(raw, raw._deleted === true);
      if (page.length < LOAD_PAGE) break;
      after = text(page[page.length - 1]?.id) || after;
      await yieldToEventLoop();
    }
    isLoading = false;
    changedWhileLoading.clear();
    isFilled = true;
    version += 1;
  }

  // A failed fill (the database closing under it) is tried again by the next caller.
  const ready = () =>
    (loaded ??= loadAll().catch((error: unknown) => {
      loaded = null;
      isLoading = false;
      throw error;
    }));

  const held = <T>(kind: string, answer: () => T): T | undefined => (isFilled && fleetKinds.has(kind) ? answer() : undefined);

  return {
    warm: () => void ready().catch(() => undefined),
    ready,
    version: () => version,
    all: (kind) => group(`${kind}|*|`),
    record: (id) => (isFilled ? records.get(id) : undefined),
    person: (id) => (isFilled ? people.get(id) : undefined),
    byParent: (kind, parentId) => held(kind, () => group(`${kind}|p|${parentId}`)),
    byPerson: (kind, personId) => held(kind, () => group(`${kind}|s|${personId}`)),
    dispose() {
      isDisposed = true;
      changes.unsubscribe();
      personChanges.unsubscribe();
    },
  };
}

// One fleet per host, found by the host's database: a test process may run several hosts.
const fleets = new WeakMap<LabDatabase, FleetState>();

/** The host's fleet state, when the equipment feature has started it. */
export const fleetOf = (db: LabDatabase): FleetState | undefined => fleets.get(db);

/** Starts (and registers) the fleet of a host's database; `stop` undoes it. */
export function startFleet(db: LabDatabase): { stop(): void } {
  const fleet = createFleetState(db);
  fleets.set(db, fleet);
  fleet.warm();
  return {
    stop() {
      fleet.dispose();
      if (fleets.get(db) === fleet) fleets.delete(db);
    },
  };
}

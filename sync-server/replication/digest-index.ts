import type { SyncCollection } from '../../src-shared/sync/collections';
import { bucketOf, digestOf, documentHash, type DigestEntry } from '../../src-shared/sync/digest';
import type { CollectionDigest, DigestEntries } from '../../src-shared/sync/protocol';
import { canRead, isReadScoped, scopeProjection } from '../../src-shared/sync/read-scope';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { SqlClient } from '../db/sql-database';
import { readChangesSince, toWire } from './document-store';

type Doc = Record<string, unknown>;

interface Entry {
  deleted: boolean;
  hash: string;
  /** What reading it depends on (read-scope.ts `scopeProjection`); null where everyone reads everything. */
  scope: Doc | null;
}

interface CollectionState {
  seq: number;
  entries: Map<string, Entry>;
  /** Catch-ups run one after another, so two requests never read the same changes twice. */
  updating: Promise<void>;
  /** The last digest per reader, valid while `seq` stays. */
  digests: Map<string, CollectionDigest>;
}

/** Changes read per query while catching up. */
const PAGE = 2000;

/**
 * The server's side of the consistency check (src-shared/sync/digest.ts): per collection, the
 * content hash and read scope of every document, kept in memory and brought up to date by reading
 * the change feed since the last sequence seen (the whole feed once per server process). A digest
 * for a reader covers the live documents they may read; the last one per reader is cached
 * until the collection changes, so PCs checking an unchanged collection cost one query.
 */
export function createDigestIndex(db: SqlClient, all: readonly SyncCollection[]) {
  const states = new Map<string, CollectionState>();

  async function catchUp(collection: SyncCollection): Promise<CollectionState> {
    let state = states.get(collection.name);
    if (!state) states.set(collection.name, (state = { seq: 0, entries: new Map(), updating: Promise.resolve(), digests: new Map() }));
    const current = state;
    const run = current.updating.then(async () => {
      for (;;) {
        const rows = await readChangesSince(db, collection.name, { seq: current.seq, id: '' }, PAGE);
        for (const row of rows) {
          const doc = toWire(row);
          current.entries.set(row.id, { deleted: row.deleted, hash: documentHash(collection, doc, all), scope: isReadScoped(collection.name) ? scopeProjection(collection.name, doc) : null });
          current.seq = row.seq;
        }
        if (rows.length > 0) current.digests.clear();
        if (rows.length < PAGE) return;
      }
    });
    current.updating = run.catch(() => undefined);
    await run;
    return current;
  }

  function* readable(collection: SyncCollection, person: SyncPerson, state: CollectionState, buckets?: ReadonlySet<number>): Generator<DigestEntry> {
    for (const [id, entry] of state.entries) {
      if (entry.deleted || (entry.scope && !canRead(person, collection.name, entry.scope))) continue;
      if (buckets && !buckets.has(bucketOf(id))) continue;
      yield { id, hash: entry.hash };
    }
  }

  return {
    /** What `person` may read of the collection, per bucket. */
    async digest(collection: SyncCollection, person: SyncPerson): Promise<CollectionDigest> {
      const state = await catchUp(collection);
      // What a reader may read depends on who they are and their roles (read-scope.ts).
      const key = isReadScoped(collection.name) ? `${person.id}|${[...person.roles].sort().join(',')}` : '';
      const cached = state.digests.get(key);
      if (cached?.seq === state.seq && person.isActive) return cached;
      const digest = { seq: state.seq, buckets: digestOf(readable(collection, person, state)) };
      if (person.isActive) state.digests.set(key, digest);
      return digest;
    },
    /** The entries of some buckets that `person` may read. */
    async entries(collection: SyncCollection, person: SyncPerson, buckets: readonly number[]): Promise<DigestEntries> {
      const state = await catchUp(collection);
      return { seq: state.seq, entries: [...readable(collection, person, state, new Set(buckets))] };
    },
  };
}

export type DigestIndex = ReturnType<typeof createDigestIndex>;

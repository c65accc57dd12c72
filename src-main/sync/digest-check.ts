import { normalizeMangoQuery, prepareQuery, type RxCollection } from 'rxdb';
import type { SyncCollection } from '../../src-shared/sync/collections';
import { bucketOf, differingBuckets, differingIds, digestOf, documentHash, type DigestEntry } from '../../src-shared/sync/digest';
import { MAX_DOCUMENTS_BY_ID, type CollectionDigest, type DigestEntries, type DocumentsById, type WireDocument } from '../../src-shared/sync/protocol';
import { errorOf } from './server-api';

type Doc = Record<string, unknown>;

export interface DigestCheckOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every collection is checked through the same code
  collection: RxCollection<any>;
  spec: SyncCollection;
  all: readonly SyncCollection[];
  /** A request to the collection's sync routes (`/digest`, …) with the PC's sign-in. */
  send(path: string, init?: RequestInit): Promise<Response>;
  /** The newest change of the collection the replication has handed to the database. */
  lastSeenSeq(): number | null;
  /** Documents with local changes not yet answered by the server: the push settles those. */
  isPending(id: string): boolean;
  /** Hands the server's versions to the replication, which stores them as it stores pulled ones. */
  deliver(documents: WireDocument[]): Promise<void>;
  /** Documents read from the storage at a time (default 2,000). */
  pageSize?: number;
  /** Once per check: which of the PC's documents stay on it by design (audit entries never sent), left out of the comparison. */
  staysHere?(): Promise<(doc: Record<string, unknown>) => boolean>;
}

export type DigestCheckResult =
  /** The PC holds what the server holds. */
  | 'same'
  /** The PC has not been handed every change yet: comparing now would find what is on its way. */
  | 'behind'
  /** The server has no consistency check (an older version). */
  | 'unavailable'
  /** Documents differed: fetched again and handed over (`refetched`), or only here (`onlyHere`). */
  | 'differed';

export interface DigestCheckOutcome {
  result: DigestCheckResult;
  /** The server's versions of the documents this PC held differently, with their content hash. */
  refetched: { id: string; hash: string }[];
  /** Live documents on this PC the server has never had (nothing to fetch). */
  onlyHere: string[];
}

const nothing = (result: DigestCheckResult): DigestCheckOutcome => ({ result, refetched: [], onlyHere: [] });

/**
 * The PC's side of the consistency check (src-shared/sync/digest.ts), for one collection: compares
 * its digest with the server's, lists the buckets that differ, and fetches again every document it
 * holds differently from the server although its checkpoint is past the server's version: a
 * version the replication dropped, whatever the cause. Documents with local changes waiting are
 * left to their push. Content hashes are cached per document revision, so a check of an unchanged
 * collection hashes nothing.
 */
export function createDigestCheck(options: DigestCheckOptions) {
  const { collection, spec, all } = options;
  const primaryKey = (spec.schema as { primaryKey: string }).primaryKey;
  const hashes = new Map<string, { rev: string; hash: string }>();
  const pageSize = options.pageSize ?? 2000;

  const getJson = async <T>(path: string, init?: RequestInit): Promise<T | null> => {
    const response = await options.send(path, init);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error((await errorOf(response)).message);
    return (await response.json()) as T;
  };

  /** The PC's live documents, a page at a time straight from the storage (an audit trail can be long). */
  async function* livePages(): AsyncGenerator<Doc[]> {
    const schema = collection.storageInstance.schema;
    for (let after: string | null = null; ; ) {
      const selector = { _deleted: { $eq: false }, ...(after === null ? {} : { [primaryKey]: { $gt: after } }) };
      const query = prepareQuery(schema, normalizeMangoQuery(schema, { selector, sort: [{ [primaryKey]: 'asc' }], limit: pageSize }));
      const { documents } = await collection.storageInstance.query(query);
      yield documents as Doc[];
      if (documents.length < pageSize) return;
      after = String((documents.at(-1) as Doc)[primaryKey]);
    }
  }

  /** The PC's live documents as digest entries (hashed once per revision). */
  async function localEntries(staysHere: (doc: Doc) => boolean): Promise<Map<string, DigestEntry>> {
    const entries = new Map<string, DigestEntry>();
    for await (const page of livePages()) {
      for (const doc of page) {
        if (staysHere(doc)) continue;
        const id = String(doc[primaryKey]);
        const rev = String(doc._rev);
        const cached = hashes.get(id);
        const hash = cached && cached.rev === rev ? cached.hash : documentHash(spec, doc, all);
        hashes.set(id, { rev, hash });
        entries.set(id, { id, hash });
      }
    }
    for (const id of hashes.keys()) if (!entries.has(id)) hashes.delete(id);
    return entries;
  }

  async function fetchDocuments(ids: string[]): Promise<DocumentsById['documents']> {
    const found: DocumentsById['documents'] = [];
    for (let i = 0; i < ids.length; i += MAX_DOCUMENTS_BY_ID) {
      const page = await getJson<DocumentsById>('/documents', { method: 'POST', body: JSON.stringify({ ids: ids.slice(i, i + MAX_DOCUMENTS_BY_ID) }) });
      found.push(...(page?.documents ?? []));
    }
    return found;
  }

  return {
    async run(): Promise<DigestCheckOutcome> {
      const theirs = await getJson<CollectionDigest>('/digest');
      if (!theirs) return nothing('unavailable');
      const seen = options.lastSeenSeq();
      if (seen === null || seen < theirs.seq) return nothing('behind');
      const staysHere = (await options.staysHere?.()) ?? (() => false);
      const ours = await localEntries(staysHere);
      const buckets = differingBuckets(digestOf(ours.values()), theirs.buckets);
      if (buckets.length === 0) return nothing('same');

      const listed = await getJson<DigestEntries>(`/digest/entries?buckets=${buckets.join(',')}`);
      if (!listed) return nothing('unavailable');
      const inBuckets = new Set(buckets);
      const candidates = differingIds([...ours.values()].filter((e) => inBuckets.has(bucketOf(e.id))), listed.entries).filter((id) => !options.isPending(id));
      if (candidates.length === 0) return nothing('same');

      const fetched = await fetchDocuments(candidates);
      const current = await localEntries(staysHere);
      // A version newer than the PC's checkpoint is on its way by the live stream: not a difference.
      const stale = fetched.filter(({ seq, document }) => seq <= seen && !options.isPending(String(document[primaryKey])));
      const refetched = stale
        .map(({ document }) => ({ document, id: String(document[primaryKey]), hash: documentHash(spec, document, all) }))
        .filter(({ id, hash, document }) => (document._deleted ? current.has(id) : current.get(id)?.hash !== hash));
      const known = new Set(fetched.map(({ document }) => String(document[primaryKey])));
      const onlyHere = candidates.filter((id) => !known.has(id) && current.has(id));
      if (refetched.length > 0) await options.deliver(refetched.map((r) => r.document));
      if (refetched.length === 0 && onlyHere.length === 0) return nothing('same');
      return { result: 'differed', refetched: refetched.map(({ id, hash }) => ({ id, hash })), onlyHere };
    },
  };
}

export type DigestCheck = ReturnType<typeof createDigestCheck>;

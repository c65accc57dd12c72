import { canonicalJson } from '../core/canonical-json';
import { cyrb53, hashText } from '../core/text-hash';
import type { SyncCollection } from './collections';
import { redactForSync } from './redaction';

/**
 * The consistency check's digest (issue 21): what a PC holds of a collection and what the server
 * holds for that reader, each summarised so the two can be compared cheaply. Live documents are
 * spread over DIGEST_BUCKETS buckets by a hash of their id; each bucket is summarised by its count
 * and a hash over the ids and content hashes of its documents. Buckets that differ are listed
 * entry by entry, and the documents that differ are fetched again. Pure: host and server compute
 * it the same way.
 */

type Doc = Record<string, unknown>;

export const DIGEST_BUCKETS = 64;

export interface BucketDigest {
  count: number;
  hash: string;
}

export interface DigestEntry {
  id: string;
  /** `documentHash` of the document's content. */
  hash: string;
}

export const bucketOf = (id: string): number => cyrb53(id, 3) % DIGEST_BUCKETS;

/**
 * A document's content as both sides hold it: without RxDB's and the protocol's own fields
 * (`_rev`, `_meta`, `_deleted` …) and as it may travel (PC-only fields left out, audit copies
 * redacted), so a PC's copy and the server's hash alike.
 */
export function documentHash(collection: SyncCollection, doc: Doc, all: readonly SyncCollection[]): string {
  const content = Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
  return hashText(canonicalJson(redactForSync(collection, content, all)));
}

/** The bucket digests of a set of entries (any order). */
export function digestOf(entries: Iterable<DigestEntry>): BucketDigest[] {
  const buckets: DigestEntry[][] = Array.from({ length: DIGEST_BUCKETS }, () => []);
  for (const entry of entries) buckets[bucketOf(entry.id)]!.push(entry);
  return buckets.map((bucket) => {
    const lines = bucket.map((e) => `${e.id}:${e.hash}`).sort();
    return { count: bucket.length, hash: hashText(lines.join('\n')) };
  });
}

/** The buckets whose digests differ (a missing bucket on either side differs). */
export function differingBuckets(ours: readonly BucketDigest[], theirs: readonly BucketDigest[]): number[] {
  const differing: number[] = [];
  for (let i = 0; i < DIGEST_BUCKETS; i++) {
    const [a, b] = [ours[i], theirs[i]];
    if (!a || !b || a.count !== b.count || a.hash !== b.hash) differing.push(i);
  }
  return differing;
}

/** The ids whose entries differ between the two sides (present on one only, or with another hash), sorted. */
export function differingIds(ours: Iterable<DigestEntry>, theirs: Iterable<DigestEntry>): string[] {
  const mine = new Map([...ours].map((e) => [e.id, e.hash]));
  const differing = new Set<string>();
  for (const entry of theirs) {
    if (mine.get(entry.id) !== entry.hash) differing.add(entry.id);
    mine.delete(entry.id);
  }
  for (const id of mine.keys()) differing.add(id);
  return [...differing].sort();
}

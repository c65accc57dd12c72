/**
 * Process-wide cache of parsed documents, keyed by database file + table + id.
 *
 * Reading a document means JSON.parse of its text, and that dominates every read: SQLite finds
 * 3,000 rows in a few milliseconds, parsing them takes several times longer. RxDB treats what a
 * storage returns and what it writes as immutable (its memory storage hands out its own stored
 * objects; dev-mode deep-freezes them), so the parsed object of an unchanged row can be handed out
 * again. Written documents go in after COMMIT, read ones when first parsed.
 *
 * An entry is only used when the row still has the same `_rev` and `_meta.lwt`, which identify one
 * write of one document, so a row changed behind our back (another process, a restored backup)
 * is parsed again. While the file's epoch (file-epoch.ts) shows that nobody else wrote to it,
 * findDocumentsById() serves cached documents without reading their rows at all. remove() invalidates a table; cleanup() forgets purged ids. The cache outlives
 * closing a database on purpose: reopening it in the same process (the app switching views,
 * tests) starts warm. Bounded: the oldest tenth is dropped when the limit is reached.
 */

type CachedDocument = { readonly _rev: string; readonly _meta: { readonly lwt: number } };
type Entry = {
  readonly doc: CachedDocument;
  readonly generation: number;
  /** The file epoch (file-epoch.ts) in which this was last known to be the stored version. */
  epoch: number;
};

/** The raw columns a document read returns: id, _rev, _meta_lwt, data (JSON text). */
export type DocumentRow = [string, string, number, string];

const entries = new Map<string, Entry>();
const generations = new Map<string, number>();
let limit = 0;

export class DocumentCache {
  private readonly prefix: string;

  /**
   * `maxEntries` 0 disables caching for this user (every read parses). `knownEpoch` returns the
   * file's epoch as last checked; entries read or written now are stamped with it.
   */
  constructor(
    private readonly tableKey: string,
    private readonly maxEntries: number,
    private readonly knownEpoch: () => number,
  ) {
    this.prefix = tableKey + '\u0000';
    // One process-wide budget: the largest any storage asked for.
    limit = Math.max(limit, maxEntries);
  }

  get isEnabled(): boolean {
    return this.maxEntries > 0;
  }

  /**
   * The cached document of `id` without asking SQLite, if it is known to be the stored version:
   * it was written or read in `epoch`, the file's current epoch (no foreign commit since).
   */
  trusted<T>(id: string, epoch: number): T | undefined {
    const hit = entries.get(this.prefix + id);
    return hit && hit.epoch === epoch && hit.generation === this.generation() ? (hit.doc as T) : undefined;
  }

  /** The cached document if it is still the row's current write (same _rev and lwt). */
  lookup<T>(id: string, rev: string, lwt: number): T | undefined {
    const hit = entries.get(this.prefix + id);
    if (hit && hit.generation === this.generation() && hit.doc._rev === rev && hit.doc._meta.lwt === lwt) {
      hit.epoch = this.knownEpoch(); // just confirmed against the file
      return hit.doc as T;
    }
    return undefined;
  }

  /** The document of a row, parsed or (when the row did not change) from the cache. */
  decode<T>(row: DocumentRow): T {
    if (this.maxEntries === 0) return JSON.parse(row[3]) as T;
    const cached = this.lookup<T>(row[0], row[1], row[2]);
    if (cached) return cached;
    const doc = JSON.parse(row[3]) as CachedDocument;
    this.store(this.prefix + row[0], doc);
    return doc as T;
  }

  decodeAll<T>(rows: DocumentRow[]): T[] {
    const docs = new Array<T>(rows.length);
    for (let i = 0; i < rows.length; i++) docs[i] = this.decode<T>(rows[i]!);
    return docs;
  }

  /** Documents just committed under their ids. */
  remember(docs: readonly CachedDocument[], idOf: (doc: CachedDocument) => string): void {
    if (this.maxEntries === 0) return;
    for (const doc of docs) this.store(this.prefix + idOf(doc), doc);
  }

  forget(ids: readonly string[]): void {
    for (const id of ids) entries.delete(this.prefix + id);
  }

  /** Every entry of the table becomes invalid (the table was dropped). */
  invalidateTable(): void {
    generations.set(this.tableKey, this.generation() + 1);
  }

  private generation(): number {
    return generations.get(this.tableKey) ?? 0;
  }

  private store(key: string, doc: CachedDocument): void {
    entries.delete(key); // re-insert: Map order is our eviction order
    entries.set(key, { doc, generation: this.generation(), epoch: this.knownEpoch() });
    if (entries.size > limit) evictOldest(Math.max(1, Math.floor(limit / 10)));
  }
}

function evictOldest(count: number): void {
  let left = count;
  for (const key of entries.keys()) {
    if (left-- <= 0) break;
    entries.delete(key);
  }
}

/** How many documents the process-wide cache holds. For tests and diagnosis. */
export function cachedDocumentCount(): number {
  return entries.size;
}

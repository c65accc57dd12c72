import type { SyncCollection } from '../../src-shared/sync/collections';
import type { PullResponse, SyncCheckpoint, WireDocument } from '../../src-shared/sync/protocol';
import { canRead, scopeKey, tombstoneOf } from '../../src-shared/sync/read-scope';
import { redactForSync } from '../../src-shared/sync/redaction';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { SqlClient } from '../db/sql-database';
import { countChangesAfter, readChangesSince, readChangesSinceAsText, toWire } from './document-store';
import { isReadScoped } from '../../src-shared/sync/read-scope';

/**
 * One page of a collection's changes for `person`, after `checkpoint`. Documents the person may not
 * read are left out of a first pull and sent as tombstones otherwise (the PC may hold an older
 * copy that must go). When the person's read scope changed since the checkpoint was made, the feed
 * is replayed from the start so everything they lost access to is removed from their PCs.
 * Pages are filled up to `limit` documents even when many rows are filtered out, because RxDB takes
 * a short page to mean the end of the feed.
 */
export async function pullChanges(
  db: SqlClient,
  collection: SyncCollection,
  all: readonly SyncCollection[],
  person: SyncPerson,
  checkpoint: SyncCheckpoint | null,
  limit: number,
): Promise<PullResponse & { withheld: string[] }> {
  const scope = scopeKey(person);
  // Only collections with read rules depend on the scope; the others are never replayed.
  const isReplay = checkpoint !== null && checkpoint.scope !== scope && isReadScoped(collection.name);
  const sendTombstones = checkpoint !== null;
  let cursor = isReplay || !checkpoint ? { seq: 0, id: '' } : { seq: checkpoint.seq, id: checkpoint.id };
  const documents: WireDocument[] = [];
  const withheld: string[] = [];
  let isEnd = false;
  let moved = false;
  while (documents.length < limit && !isEnd) {
    const rows = await readChangesSince(db, collection.name, cursor, limit);
    isEnd = rows.length < limit;
    for (const row of rows) {
      const doc = toWire(row);
      if (canRead(person, collection.name, doc)) documents.push(redactForSync(collection, doc, all) as WireDocument);
      else {
        withheld.push(row.id);
        if (sendTombstones) documents.push(tombstoneOf(doc, collection) as WireDocument);
      }
      cursor = { seq: row.seq, id: row.id };
      moved = true;
      if (documents.length >= limit) break;
    }
  }
  const next = moved || isReplay ? { ...cursor, scope } : checkpoint;
  return { documents, checkpoint: next, withheld };
}

/** Adds `remaining` (changes after the page) to a page, for a PC that asked how much is left. */
export async function withRemaining(db: SqlClient, collection: SyncCollection, page: PullResponse): Promise<PullResponse> {
  return { ...page, remaining: await countChangesAfter(db, collection.name, page.checkpoint?.seq ?? 0) };
}

/**
 * The fast path of `pullChanges` for collections everyone reads whole (no read rules, nothing to
 * redact): the page is assembled from the JSON text PostgreSQL returns, never parsed and
 * re-serialised, which is most of the cost of a large initial pull. Null when the collection needs
 * the full path.
 */
export async function pullChangesAsJson(db: SqlClient, collection: SyncCollection, person: SyncPerson, checkpoint: SyncCheckpoint | null, limit: number, isCounting = false): Promise<string | null> {
  if (isReadScoped(collection.name) || collection.localOnlyFields.length > 0) return null;
  // Everyone reads all of it, so a change of scope changes nothing here: no replay.
  const scope = scopeKey(person);
  const rows = await readChangesSinceAsText(db, collection.name, checkpoint ?? { seq: 0, id: '' }, limit);
  const last = rows.at(-1);
  const next = last ? { seq: last.seq, id: last.id, scope } : checkpoint;
  // `{…}` becomes `{…,"_deleted":x}`; PostgreSQL's jsonb text of an object always ends with `}`.
  const documents = rows.map((r) => (r.json === '{}' ? `{"_deleted":${r.deleted}}` : `${r.json.slice(0, -1)}, "_deleted": ${r.deleted}}`));
  const remaining = isCounting ? `,"remaining":${await countChangesAfter(db, collection.name, next?.seq ?? 0)}` : '';
  return `{"documents":[${documents.join(',')}],"checkpoint":${JSON.stringify(next)}${remaining}}`;
}

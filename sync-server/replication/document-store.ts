import type { WireDocument } from '../../src-shared/sync/protocol';
import type { SqlClient } from '../db/sql-database';

/** NOTIFY channel carrying the name of each collection a transaction changed. */
export const CHANGES_CHANNEL = 'labflow_changes';

export interface StoredDocument {
  id: string;
  seq: number;
  deleted: boolean;
  data: Record<string, unknown>;
}

interface Row {
  id: string;
  seq: string | number;
  deleted: boolean;
  data: Record<string, unknown> | string;
}

const toStored = (row: Row): StoredDocument => ({
  id: row.id,
  seq: Number(row.seq),
  deleted: row.deleted,
  data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
});

export const toWire = (doc: StoredDocument): WireDocument => ({ ...doc.data, _deleted: doc.deleted });

/**
 * Serialises writers of the given collections until the transaction ends. Sequence numbers are
 * taken while the lock is held, so within a collection they are handed out in commit order and a
 * reader following `seq` can never skip a change that commits late. Locks are taken in name order
 * so two transactions never wait on each other in a circle.
 */
export async function lockCollections(tx: SqlClient, collections: string[]): Promise<void> {
  for (const name of [...new Set(collections)].sort()) await tx.query('SELECT pg_advisory_xact_lock(7415002, hashtext($1))', [name]);
}

export async function readForUpdate(tx: SqlClient, collection: string, ids: string[]): Promise<Map<string, StoredDocument>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<Row>('SELECT id, seq, deleted, data FROM documents WHERE collection = $1 AND id = ANY($2::text[]) FOR UPDATE', [collection, ids]);
  return new Map(rows.map((r) => [r.id, toStored(r)]));
}

/** Stored documents by id, not locked: what the rules consult about other collections (related-documents.ts). */
export async function readDocuments(db: SqlClient, collection: string, ids: string[]): Promise<Map<string, StoredDocument>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<Row>('SELECT id, seq, deleted, data FROM documents WHERE collection = $1 AND id = ANY($2::text[])', [collection, ids]);
  return new Map(rows.map((r) => [r.id, toStored(r)]));
}

/** Fields other documents are looked up by; migrations 004 and 009 index them. */
export type LookupField = 'instanceId' | 'code' | 'subjectId' | 'entityId';
const lookupFields: readonly LookupField[] = ['instanceId', 'code', 'subjectId', 'entityId'];

/** The collection's live documents whose top-level `field` is one of `values`. */
export async function readWhere(db: SqlClient, collection: string, field: LookupField, values: string[]): Promise<StoredDocument[]> {
  if (values.length === 0) return [];
  // The field is spelled out, not a parameter, so the planner matches the expression index.
  if (!lookupFields.includes(field)) throw new Error(`Not a lookup field: ${field}`);
  const { rows } = await db.query<Row>(`SELECT id, seq, deleted, data FROM documents WHERE collection = $1 AND NOT deleted AND data->>'${field}' = ANY($2::text[])`, [collection, values]);
  return rows.map(toStored);
}

/** Stores a document (without `_deleted`, which becomes the `deleted` column) under a new sequence number. */
export async function upsertDocument(tx: SqlClient, collection: string, id: string, doc: WireDocument): Promise<number> {
  const { _deleted, ...data } = doc;
  const { rows } = await tx.query<{ seq: string | number }>(
    `INSERT INTO documents (collection, id, seq, deleted, data) VALUES ($1, $2, nextval('document_seq'), $3, $4::jsonb)
     ON CONFLICT (collection, id) DO UPDATE SET seq = EXCLUDED.seq, deleted = EXCLUDED.deleted, data = EXCLUDED.data, updated_at = now()
     RETURNING seq`,
    [collection, id, _deleted === true, JSON.stringify(data)],
  );
  return Number(rows[0]?.seq);
}

/** Tells every server process (and this one) that these collections changed; delivered on commit. */
export async function notifyChanged(tx: SqlClient, collections: string[]): Promise<void> {
  for (const name of new Set(collections)) await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, name]);
}

// Sequence numbers are unique across collections, so `seq` alone orders the feed; the checkpoint's
// id is kept for RxDB and for readers, and the range stays a plain scan of the (collection, seq) index.
const CHANGES_SQL = 'SELECT id, seq, deleted, data FROM documents WHERE collection = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3';

/** The collection's changes after `after` in feed order. */
export async function readChangesSince(db: SqlClient, collection: string, after: { seq: number; id: string }, limit: number): Promise<StoredDocument[]> {
  const { rows } = await db.query<Row>(CHANGES_SQL, [collection, after.seq, limit]);
  return rows.map(toStored);
}

/** The same page with each document as the JSON text PostgreSQL stores, for pulls that need no filtering. */
export async function readChangesSinceAsText(db: SqlClient, collection: string, after: { seq: number; id: string }, limit: number): Promise<{ id: string; seq: number; deleted: boolean; json: string }[]> {
  const { rows } = await db.query<{ id: string; seq: string | number; deleted: boolean; data: string }>(CHANGES_SQL.replace('deleted, data', 'deleted, data::text AS data'), [collection, after.seq, limit]);
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq), deleted: r.deleted, json: r.data }));
}

/** How many changes of the collection come after `seq`: what a PC catching up still has to receive. */
export async function countChangesAfter(db: SqlClient, collection: string, seq: number): Promise<number> {
  const { rows } = await db.query<{ count: string | number }>('SELECT count(*) AS count FROM documents WHERE collection = $1 AND seq > $2::bigint', [collection, seq]);
  return Number(rows[0]?.count ?? 0);
}

export async function latestSeq(db: SqlClient, collection: string): Promise<number> {
  const { rows } = await db.query<{ seq: string | number | null }>('SELECT max(seq) AS seq FROM documents WHERE collection = $1', [collection]);
  return Number(rows[0]?.seq ?? 0);
}

export async function readDocument(db: SqlClient, collection: string, id: string): Promise<StoredDocument | null> {
  const { rows } = await db.query<Row>('SELECT id, seq, deleted, data FROM documents WHERE collection = $1 AND id = $2', [collection, id]);
  return rows[0] ? toStored(rows[0]) : null;
}

import type { ChainLink } from '../../src-shared/audit/audit-chain';
import type { Result } from '../../src-shared/core/result';
import { MAX_AUDIT_IDS_PER_ROW, type PushRow, type WireDocument } from '../../src-shared/sync/protocol';
import { checkAuditEntry, type AuditClaim } from '../../src-shared/sync/audit-rules';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { SqlClient } from '../db/sql-database';

/**
 * The server's side of audit integrity (DESIGN.md §5, src-shared/sync/audit-rules.ts): claims a
 * pusher makes for the audit entries behind a record change the server took, and the judgement
 * of a pushed audit entry against them and against its writer's hash chain. Runs inside the push
 * transaction.
 */

const AUDIT_ID = /^[0-9A-Za-z_-]{1,40}$/;

/** The audit entry ids a row names, those that look like ids, at most MAX_AUDIT_IDS_PER_ROW. */
export const claimedIdsOf = (row: PushRow): string[] => (Array.isArray(row.auditIds) ? row.auditIds.filter((id) => typeof id === 'string' && AUDIT_ID.test(id)).slice(0, MAX_AUDIT_IDS_PER_ROW) : []);

/**
 * Records that `person` pushed the record `recordId` of `collection` as the change these entries
 * made. `state` is the record as pushed; it is kept for the entry it names as its last (`auditId`),
 * and the first state kept for an entry stays.
 */
export async function recordClaims(tx: SqlClient, person: SyncPerson, collection: string, recordId: string, row: PushRow, state: WireDocument): Promise<void> {
  const ids = [...new Set(claimedIdsOf(row))];
  if (ids.length === 0) return;
  const last = typeof state.auditId === 'string' ? state.auditId : '';
  const { _deleted, ...fields } = state;
  const stateJson = JSON.stringify({ ...fields, _deleted: _deleted === true });
  await tx.query(
    `INSERT INTO audit_claims (audit_id, person_id, collection, record_id, state)
     SELECT id, $2, $3, $4, CASE WHEN id = $5 THEN $6::jsonb ELSE NULL END FROM unnest($1::text[]) AS id
     ON CONFLICT (audit_id, person_id) DO UPDATE SET state = COALESCE(audit_claims.state, EXCLUDED.state)
     WHERE audit_claims.collection = EXCLUDED.collection AND audit_claims.record_id = EXCLUDED.record_id`,
    [ids, person.id, collection, recordId, last, stateJson],
  );
}

async function claimOf(tx: SqlClient, auditId: string, personId: string): Promise<AuditClaim | null> {
  const { rows } = await tx.query<{ collection: string; record_id: string; state: Record<string, unknown> | string | null }>(
    'SELECT collection, record_id, state FROM audit_claims WHERE audit_id = $1 AND person_id = $2',
    [auditId, personId],
  );
  const row = rows[0];
  if (!row) return null;
  const state = typeof row.state === 'string' ? (JSON.parse(row.state) as Record<string, unknown>) : row.state;
  return { collection: row.collection, recordId: row.record_id, state };
}

async function chainAt(tx: SqlClient, writerId: string, seq: number): Promise<{ auditId: string; link: ChainLink } | null> {
  if (seq < 0) return null;
  const { rows } = await tx.query<{ audit_id: string; seq: string | number; hash: string }>('SELECT audit_id, seq, hash FROM audit_chain WHERE writer_id = $1 AND seq = $2', [writerId, seq]);
  const row = rows[0];
  return row ? { auditId: row.audit_id, link: { seq: Number(row.seq), hash: row.hash } } : null;
}

/** Judges a pushed audit entry (audit-rules.ts) with the claim and chain the server holds. */
export async function judgeAuditEntry(tx: SqlClient, person: SyncPerson, entry: WireDocument): Promise<Result<null>> {
  const writerId = typeof entry.writerId === 'string' ? entry.writerId : '';
  const seq = typeof entry.seq === 'number' && Number.isInteger(entry.seq) ? entry.seq : -1;
  const id = String(entry.id);
  // One after another: a transaction's client runs one query at a time.
  const claim = await claimOf(tx, id, person.id);
  const previous = await chainAt(tx, writerId, seq - 1);
  const here = await chainAt(tx, writerId, seq);
  return checkAuditEntry({ entry, person, claim, previous: previous?.link ?? null, isPlaceTaken: here !== null && here.auditId !== id });
}

/** Adds an accepted entry to its writer's chain as the server holds it. */
export async function recordChainLink(tx: SqlClient, entry: WireDocument): Promise<void> {
  await tx.query('INSERT INTO audit_chain (writer_id, seq, audit_id, hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [entry.writerId, entry.seq, entry.id, entry.hash]);
}

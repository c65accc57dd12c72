import { isSameContent, resolvePush } from '../../src-shared/sync/conflicts';
import type { SyncCollection } from '../../src-shared/sync/collections';
import type { WireDocument } from '../../src-shared/sync/protocol';
import { redactForSync } from '../../src-shared/sync/redaction';
import type { SqlClient } from '../db/sql-database';

/**
 * Parts of a push that follow from judging each write as its author's command (issue 18), apart
 * from push.ts so its merge and conflict logic stays readable.
 */

/**
 * The answer to a probe: a row whose author has no sign-in on the PC, carried by someone else's.
 * Nobody's authority is used, so nothing is written or refused: `null` when it changes nothing
 * (the PC may take it as sent), the server's document when the PC should simply take that, and
 * `waiting` when it would change something — then it must come with its author's own sign-in.
 */
export function answerProbe(collection: SyncCollection, raw: WireDocument, master: WireDocument | null, assumedRaw: WireDocument | null, all: readonly SyncCollection[]): WireDocument | null | 'waiting' {
  const incoming = redactForSync(collection, raw, all) as WireDocument;
  if (!master) return incoming._deleted === true ? null : 'waiting';
  if (isSameContent(master, incoming)) return null;
  const assumed = assumedRaw ? (redactForSync(collection, assumedRaw, all) as WireDocument) : null;
  const resolution = resolvePush({ isAppendOnly: collection.isAppendOnly, master, assumed, incoming });
  return resolution.kind === 'keep_master' && resolution.lost.length === 0 ? master : 'waiting';
}

/**
 * A person an administrator deactivated is signed out at once: every refresh token ends, and the
 * access tokens of those sign-ins are refused until they expire (authenticate.ts also refuses an
 * inactive person on every request).
 */
export async function endSessionsOfDeactivated(tx: SqlClient, personId: string): Promise<void> {
  const { rows } = await tx.query<{ family_id: string; expires_at: string | Date }>(
    'UPDATE refresh_tokens SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL RETURNING family_id, expires_at',
    [personId],
  );
  for (const row of rows) {
    await tx.query('INSERT INTO revoked_token_families (family_id, expires_at) VALUES ($1, $2) ON CONFLICT (family_id) DO NOTHING', [row.family_id, new Date(row.expires_at).toISOString()]);
  }
}

import { createHash, randomBytes } from 'node:crypto';
import type { SqlClient, SqlDatabase } from '../db/sql-database';

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export type RefreshOutcome =
  | { ok: true; personId: string; familyId: string; token: string; expiresAt: Date; isRetry?: true }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

/**
 * Rotating, revocable refresh tokens (opaque random strings, stored hashed). Each use returns the
 * next token of the family and retires the old one; presenting a retired token again means it was
 * copied, so the whole family is revoked and everyone holding it must sign in again.
 *
 * One exception keeps a network cut from signing a PC out: when the answer to a refresh is lost,
 * the PC presents the same token again. If that token is the family's latest used one, was used
 * less than `retryGraceMs` ago and its successor has never been used, the successor is revoked and
 * a new one issued (as in Auth0's and Okta's reuse interval). Anything else is a reuse.
 */
export function createRefreshTokens(db: SqlDatabase, ttlDays: number, retryGraceMs = 60_000) {
  async function insert(tx: SqlClient, personId: string, familyId: string, now: Date) {
    const token = `rt_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
    await tx.query('INSERT INTO refresh_tokens (token_hash, family_id, person_id, expires_at) VALUES ($1, $2, $3, $4)', [hashOf(token), familyId, personId, expiresAt.toISOString()]);
    return { token, expiresAt, familyId };
  }

  /** The token was the family's last one used, moments ago, and what it was exchanged for is still unused. */
  async function isRetryOfLostAnswer(tx: SqlClient, familyId: string, usedAt: Date, now: Date): Promise<boolean> {
    if (now.getTime() - usedAt.getTime() > retryGraceMs) return false;
    const { rows } = await tx.query<{ later_used: string | number; unused: string | number }>(
      `SELECT count(*) FILTER (WHERE used_at > $2) AS later_used, count(*) FILTER (WHERE used_at IS NULL AND revoked_at IS NULL) AS unused
         FROM refresh_tokens WHERE family_id = $1`,
      [familyId, usedAt.toISOString()],
    );
    return Number(rows[0]?.later_used) === 0 && Number(rows[0]?.unused) === 1;
  }

  return {
    /** Starts a new family at sign-in. */
    issue: (personId: string, now: Date) => insert(db, personId, randomBytes(16).toString('hex'), now),

    rotate: (token: string, now: Date): Promise<RefreshOutcome> =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query<{ family_id: string; person_id: string; expires_at: string | Date; used_at: unknown; revoked_at: unknown }>(
          'SELECT family_id, person_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
          [hashOf(token)],
        );
        const row = rows[0];
        if (!row) return { ok: false, reason: 'unknown' } as const;
        if (row.revoked_at) return { ok: false, reason: 'revoked' } as const;
        if (row.used_at && (await isRetryOfLostAnswer(tx, row.family_id, new Date(row.used_at as string), now))) {
          await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND used_at IS NULL AND revoked_at IS NULL', [row.family_id, now.toISOString()]);
          const next = await insert(tx, row.person_id, row.family_id, now);
          return { ok: true, personId: row.person_id, ...next, isRetry: true } as const;
        }
        if (row.used_at) {
          await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [row.family_id, now.toISOString()]);
          return { ok: false, reason: 'reused' } as const;
        }
        if (new Date(row.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' } as const;
        await tx.query('UPDATE refresh_tokens SET used_at = $2 WHERE token_hash = $1', [hashOf(token), now.toISOString()]);
        const next = await insert(tx, row.person_id, row.family_id, now);
        return { ok: true, personId: row.person_id, ...next } as const;
      }),

    /**
     * Sign-out: revokes the token's family, and the access tokens issued with it until `accessExpiry`
     * (the longest an access token issued now lives). Unknown tokens are ignored.
     */
    async revokeFamilyOf(token: string, now: Date, accessExpiry: Date): Promise<string | null> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ family_id: string; person_id: string }>('SELECT family_id, person_id FROM refresh_tokens WHERE token_hash = $1', [hashOf(token)]);
        const row = rows[0];
        if (!row) return null;
        await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [row.family_id, now.toISOString()]);
        await tx.query('INSERT INTO revoked_token_families (family_id, expires_at) VALUES ($1, $2) ON CONFLICT (family_id) DO UPDATE SET expires_at = GREATEST(revoked_token_families.expires_at, EXCLUDED.expires_at)', [row.family_id, accessExpiry.toISOString()]);
        await tx.query('DELETE FROM revoked_token_families WHERE expires_at < $1', [now.toISOString()]);
        return row.person_id;
      });
    },

    /** Whether access tokens of this family were revoked (its sign-in ended) and may still be presented. */
    async isFamilyRevoked(familyId: string, now: Date): Promise<boolean> {
      const { rows } = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM revoked_token_families WHERE family_id = $1 AND expires_at >= $2', [familyId, now.toISOString()]);
      return Number(rows[0]?.n ?? 0) > 0;
    },

    /** Revokes every token of a person (deactivated account). */
    revokeAllOf: (personId: string, now: Date) => db.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE person_id = $1 AND revoked_at IS NULL', [personId, now.toISOString()]),
  };
}

export type RefreshTokens = ReturnType<typeof createRefreshTokens>;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRefreshTokens } from '../../../sync-server/auth/refresh-tokens';
import type { SqlDatabase } from '../../../sync-server/db/sql-database';
import { openTestDatabase } from './support/test-server';

/**
 * A network cut can swallow the answer to a refresh: the server has rotated, the PC still holds the
 * old token. Presenting it again moments later must not sign the PC out; presenting it later, or
 * after the new token was used, is a reuse and revokes the family.
 */
let db: SqlDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db?.close());

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 26, 9, 0, seconds));

describe('refresh after a lost answer', () => {
  it('issues a fresh token and retires the one whose answer was lost', async () => {
    const tokens = createRefreshTokens(db, 30, 60_000);
    const signIn = await tokens.issue('p-retry', at(0));
    const lost = await tokens.rotate(signIn.token, at(10));
    expect(lost).toMatchObject({ ok: true });
    const retried = await tokens.rotate(signIn.token, at(20));
    expect(retried).toMatchObject({ ok: true, personId: 'p-retry', isRetry: true });
    // The token the PC never received is dead; the new one works.
    if (!lost.ok || !retried.ok) throw new Error('unreachable');
    expect(await tokens.rotate(lost.token, at(25))).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await tokens.rotate(retried.token, at(30))).toMatchObject({ ok: true });
  });

  it('treats a late retry as reuse and revokes the family', async () => {
    const tokens = createRefreshTokens(db, 30, 60_000);
    const signIn = await tokens.issue('p-late', at(0));
    const next = await tokens.rotate(signIn.token, at(1));
    expect(await tokens.rotate(signIn.token, at(62))).toMatchObject({ ok: false, reason: 'reused' });
    if (!next.ok) throw new Error('unreachable');
    expect(await tokens.rotate(next.token, at(63))).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('treats an old token as reuse once its successor was used, even within the grace', async () => {
    const tokens = createRefreshTokens(db, 30, 60_000);
    const signIn = await tokens.issue('p-copied', at(0));
    const second = await tokens.rotate(signIn.token, at(1));
    if (!second.ok) throw new Error('unreachable');
    const third = await tokens.rotate(second.token, at(2));
    expect(await tokens.rotate(signIn.token, at(3))).toMatchObject({ ok: false, reason: 'reused' });
    if (!third.ok) throw new Error('unreachable');
    expect(await tokens.rotate(third.token, at(4))).toMatchObject({ ok: false, reason: 'revoked' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../../src-shared/bridge/protocol';
import type { Host } from '../../../src-main/host/create-host';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/**
 * The idle-session timer on a hand-moved clock: activity keeps a sign-in alive, and 30 minutes
 * without any ends it — the host tells the UI by itself (its expiry check pushes
 * `session/expired`), live queries that need a sign-in answer `session_expired`, and so do commands.
 */
const minute = 60_000;
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('the idle-session timer', () => {
  it('keeps an active session, ends an idle one after 30 minutes and says so unasked, then allows a new sign-in', async () => {
    let now = Date.parse('2026-03-02T09:00:00.000Z');
    // The expiry check runs often here; what it checks is the hand clock, never the time that passed.
    host = await openSqliteHost(tempDataDir(), { clock: () => new Date(now), sessionTimeoutMs: 30 * minute, expiryCheckMs: 20 });
    const client = connectTestClient(host);
    expect(await client.call('auth/create-administrator', adminInput)).toMatchObject({ ok: true });
    const people = client.subscribe('people/list', {});
    expect((await people.next()).ok).toBe(true);

    // Activity every 29 minutes keeps it alive for an hour.
    for (const _ of [1, 2]) {
      now += 29 * minute;
      expect(await client.call('roles/create', { code: `role_${now}`, name: `Role ${now}` })).toMatchObject({ ok: true });
    }
    expect(client.messages.some((m) => m.t === 'event' && m.name === 'session/expired')).toBe(false);

    // Thirty minutes and a moment without activity: the host ends the session and pushes why.
    now += 30 * minute + 1;
    const expired = await client.waitFor((m): m is Extract<HostMessage, { t: 'event' }> => m.t === 'event' && m.name === 'session/expired');
    expect(expired.payload).toEqual({ reason: 'inactivity' });
    expect(await people.next()).toMatchObject({ ok: false, error: { code: 'session_expired' } });
    expect(await client.call('roles/create', { code: 'too_late', name: 'Too late' })).toMatchObject({
      ok: false,
      error: { code: 'session_expired', message: 'Your session timed out after a period of inactivity. Sign in again.' },
    });

    // Signing in again works, and the live query answers again.
    expect(await client.call('auth/sign-in', { email: adminInput.email, password: adminInput.password })).toMatchObject({ ok: true });
    expect((await people.next()).ok).toBe(true);
    client.close();
  });
});

describe('signing out', () => {
  it('is never told as inactivity, however often the expiry check and the live queries look meanwhile', async () => {
    const now = Date.parse('2026-03-02T09:00:00.000Z');
    host = await openSqliteHost(tempDataDir(), { clock: () => new Date(now), sessionTimeoutMs: 30 * minute, expiryCheckMs: 1 });
    const client = connectTestClient(host);
    expect(await client.call('auth/create-administrator', adminInput)).toMatchObject({ ok: true });
    const people = client.subscribe('people/list', {});
    expect((await people.next()).ok).toBe(true);
    expect(await client.call('auth/sign-out', {})).toMatchObject({ ok: true });
    // The live query learns the sign-in is gone, as "sign in first", not as a timeout.
    expect(await people.next()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.messages.filter((m) => m.t === 'event' && m.name === 'session/expired')).toEqual([]);
    client.close();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../src-shared/auth/auth-contract';
import type { Host } from '../../../src-main/host/create-host';
import { openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/** A reload opens a new bridge connection: `auth/resume` continues the sign-in through the real protocol. */
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const admin = { name: 'Ada Admin', email: 'ada@lab.org', password: 'correct horse battery' };

async function startHost(clock: () => Date) {
  host = await openSqliteHost(tempDataDir(), { clock, sessionTimeoutMs: 60_000 });
  return host;
}

async function signedInToken(host: Host): Promise<string> {
  const client = connectTestClient(host);
  const created = await client.call<SessionView>('auth/create-administrator', admin);
  if (!created.ok) throw new Error(created.error.message);
  client.close();
  return created.value.resumeToken;
}

describe('resuming a sign-in after a reload', () => {
  it('signs the new connection in as the same person, without the password', async () => {
    const host = await startHost(() => new Date());
    const token = await signedInToken(host);
    const reloaded = connectTestClient(host);
    const resumed = await reloaded.call<SessionView>('auth/resume', { token });
    expect(resumed).toMatchObject({ ok: true, value: { person: { email: 'ada@lab.org' }, resumeToken: token } });
    expect(await reloaded.call('projects/create', { code: 'RES-1', name: 'After a reload' })).toMatchObject({ ok: true });
  });

  it('refuses after sign-out, after the timeout, and for a token it never issued', async () => {
    let now = Date.parse('2026-11-26T09:00:00Z');
    const host = await startHost(() => new Date(now));
    const token = await signedInToken(host);

    const idle = connectTestClient(host);
    now += 61_000;
    expect(await idle.call('auth/resume', { token })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const again = connectTestClient(host);
    const signIn = await again.call<SessionView>('auth/sign-in', { email: admin.email, password: admin.password });
    if (!signIn.ok) throw new Error(signIn.error.message);
    expect(await again.call('auth/sign-out')).toMatchObject({ ok: true });
    const after = connectTestClient(host);
    expect(await after.call('auth/resume', { token: signIn.value.resumeToken })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await after.call('auth/resume', { token: 'x'.repeat(43) })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await after.call('projects/create', { code: 'NOPE', name: 'Still signed out' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses malformed input before looking anything up', async () => {
    const host = await startHost(() => new Date());
    const client = connectTestClient(host);
    expect(await client.call('auth/resume', { token: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'token' } });
    expect(await client.call('auth/resume', { token: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await client.call('auth/resume', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSettingsView, ApiTokenView } from '../../../src-shared/api/api-token-model';
import type { AuditEntry } from '../../../src-shared/audit/audit-contract';
import { manualClock } from '../notifications/support';
import { connectTestClient } from '../support/test-client';
import { expectOk } from '../workflows/workflow-fixtures';
import { openApiLab, type ApiLab } from './support/api-fixture';

/**
 * API tokens (Settings → API tokens): made by a person for themselves, shown once, stored hashed
 * on this host, expiring, revocable; each call acts as the token's person as they are now and is
 * audited as them with the token's name. And Settings → API (the desktop's switch).
 */

const time = manualClock('2026-05-04T08:00:00.000Z');
let lab: ApiLab;

beforeAll(async () => {
  // Days pass in here (token expiry); the UI connections stay signed in meanwhile.
  lab = await openApiLab({ extra: { clock: time.clock, sessionTimeoutMs: 365 * 86_400_000 } });
});
afterAll(async () => lab.close());

describe('api-tokens/create', () => {
  it('makes a token shown once, whose secret is stored only as a hash, that calls the API as its person', async () => {
    const member = await lab.clientOf('member');
    const made = expectOk(await member.call<{ token: ApiTokenView; secret: string }>('api-tokens/create', { name: 'Balance export', scopes: ['projects:write', 'tasks:read'], lifetimeDays: 30 }));
    expect(made.secret).toMatch(/^lf_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(made.token).toMatchObject({ name: 'Balance export', personId: lab.ids.member, personName: 'Mo Member', scopes: ['projects:write', 'tasks:read'], state: 'active', expiresAt: '2026-06-03T08:00:00.000Z', revokedAt: null });
    expect(made.secret.startsWith(made.token.prefix)).toBe(true);

    const stored = JSON.stringify((await lab.host.db.getLocal('api-tokens'))?.toJSON());
    expect(stored).toContain(made.token.id);
    expect(stored).not.toContain(made.secret.slice(made.token.prefix.length));

    const created = await lab.call(made.secret, 'POST', '/projects', { code: 'BAL-1', name: 'Balances' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'BAL-1', createdBy: lab.ids.member, ownerId: lab.ids.member });
    const entry = (await lab.host.db.audit.findOne({ selector: { recordId: created.body.id } }).exec())?.toJSON() as AuditEntry;
    expect(entry).toMatchObject({ actorId: lab.ids.member, actorName: 'Mo Member', command: 'projects/create', via: 'API token “Balance export”' });
  });

  it('refuses bad input and a second live token of the same name', async () => {
    const member = await lab.clientOf('member');
    expect(await member.call('api-tokens/create', { name: '', scopes: ['projects:read'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(await member.call('api-tokens/create', { name: 'x', scopes: ['projects:admin'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'scopes.0' } });
    expect(await member.call('api-tokens/create', { name: 'x', scopes: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'scopes' } });
    expect(await member.call('api-tokens/create', { name: 'x', scopes: ['*:read'], lifetimeDays: 400 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'lifetimeDays' } });
    expectOk(await member.call('api-tokens/create', { name: 'Twice', scopes: ['*:read'] }));
    expect(await member.call('api-tokens/create', { name: 'Twice', scopes: ['*:read'] })).toMatchObject({ ok: false, error: { code: 'already_exists', field: 'name' } });
  });

  it('is refused to a UI that is not signed in', async () => {
    const stranger = connectTestClient(lab.host);
    expect(await stranger.call('api-tokens/create', { name: 'x', scopes: ['*:read'] })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    stranger.close();
  });
});

describe('api-tokens/revoke and api-tokens/list', () => {
  it('stops a token at once; only its person or an administrator may revoke it', async () => {
    const member = await lab.clientOf('member');
    const head = await lab.clientOf('head');
    const made = expectOk(await member.call<{ token: ApiTokenView; secret: string }>('api-tokens/create', { name: 'Short-lived', scopes: ['projects:read'] }));
    expect((await lab.call(made.secret, 'GET', '/projects')).status).toBe(200);

    expect(await head.call('api-tokens/revoke', { id: made.token.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await member.call('api-tokens/revoke', { id: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await lab.call(made.secret, 'GET', '/projects')).status).toBe(200);

    const revoked = expectOk(await lab.admin.call<ApiTokenView>('api-tokens/revoke', { id: made.token.id }));
    expect(revoked).toMatchObject({ state: 'revoked', revokedAt: '2026-05-04T08:00:00.000Z', personName: 'Mo Member' });
    const refused = await lab.call(made.secret, 'GET', '/projects');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'unauthenticated', detail: expect.stringContaining('revoked') });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="LabFlow"');
  });

  it('lists a person their own tokens and an administrator everyone’s, never a secret', async () => {
    const member = await lab.clientOf('member');
    const own = expectOk(await member.subscribe('api-tokens/list', {}).next<ApiTokenView[]>());
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((t) => t.personId === lab.ids.member)).toBe(true);
    expect(JSON.stringify(own)).not.toMatch(/secretHash|lf_[a-z0-9]{12}_[A-Za-z0-9_-]{43}/);
    expect(await member.subscribe('api-tokens/list', { everyone: true }).next()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const all = expectOk(await lab.admin.subscribe('api-tokens/list', { everyone: true }).next<ApiTokenView[]>());
    expect(all.map((t) => t.id)).toEqual(expect.arrayContaining(own.map((t) => t.id)));
  });
});

describe('who a token is', () => {
  it('expires with its lifetime, by the host clock', async () => {
    const buyer = await lab.clientOf('buyer');
    const made = expectOk(await buyer.call<{ token: ApiTokenView; secret: string }>('api-tokens/create', { name: 'One day', scopes: ['projects:read'], lifetimeDays: 1 }));
    expect((await lab.call(made.secret, 'GET', '/projects')).status).toBe(200);
    time.advance(24 * 3_600_000);
    const expired = await lab.call(made.secret, 'GET', '/projects');
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toContain('expired');
  });

  it('acts with its person’s roles as they are at each call, and not at all once they are deactivated', async () => {
    const token = await lab.tokenFor('finance', ['people:write']);
    const asked = { name: 'New Colleague', email: 'new.colleague@lab.org', password: 'correct horse battery', roles: ['member'] };
    expect((await lab.call(token, 'POST', '/people', asked)).status).toBe(403);
    expectOk(await lab.admin.call('people/update', { id: lab.ids.finance, roles: ['finance', 'admin'] }));
    expect((await lab.call(token, 'POST', '/people', asked)).status).toBe(201);
    expectOk(await lab.admin.call('people/update', { id: lab.ids.finance, roles: ['finance'] }));
    expectOk(await lab.admin.call('people/set-active', { id: lab.ids.finance, isActive: false }));
    const refused = await lab.call(token, 'GET', '/people');
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toContain('deactivated');
    expectOk(await lab.admin.call('people/set-active', { id: lab.ids.finance, isActive: true }));
  });

  it('logs a refused token with the reason and the token id, never the secret', async () => {
    const token = await lab.tokenFor('head', ['projects:read']);
    const wrong = `${token.slice(0, -6)}AAAAAA`;
    expect((await lab.call(wrong, 'GET', '/projects')).status).toBe(401);
    expect((await lab.call('not-a-token', 'GET', '/projects')).status).toBe(401);
    const log = readFileSync(join(lab.dataDir, 'logs', 'labflow.log'), 'utf8');
    const refusals = log.split('\n').filter((line) => line.includes('api authentication refused'));
    expect(refusals.some((line) => line.includes('"reason":"unknown"') && line.includes(`"tokenId":"${token.slice(3, 15)}"`))).toBe(true);
    expect(refusals.some((line) => line.includes('"reason":"malformed"'))).toBe(true);
    expect(log).not.toContain(token.slice(16));
    expect(log).not.toContain(wrong.slice(16));
  });
});

describe('api/settings and api/set-settings', () => {
  it('lets an administrator turn the desktop API on, loopback only unless allowed, and lists the modules a token can name', async () => {
    const initial = expectOk(await lab.admin.subscribe('api/settings', {}).next<ApiSettingsView>());
    expect(initial).toMatchObject({ isEnabled: false, port: 4790, allowRemote: false, controlledBy: 'settings', address: null });
    expect(initial.modules.map((m) => m.module)).toEqual(expect.arrayContaining(['workflows', 'projects', 'tasks', 'people', 'hr', 'equipment']));
    const saved = expectOk(await lab.admin.call<ApiSettingsView>('api/set-settings', { isEnabled: true, port: 4791 }));
    expect(saved).toMatchObject({ isEnabled: true, port: 4791, allowRemote: false });
    expect(expectOk(await lab.admin.subscribe('api/settings', {}).next<ApiSettingsView>())).toMatchObject({ isEnabled: true, port: 4791 });
    expect(await lab.admin.call('api/set-settings', { isEnabled: true, port: 80 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'port' } });
    const member = await lab.clientOf('member');
    expect(await member.call('api/set-settings', { isEnabled: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expectOk(await lab.admin.call('api/set-settings', { isEnabled: false }));
  });

  it('cannot be reached with a token, nor can token management', async () => {
    const token = await lab.tokenFor('admin', ['*:write']);
    for (const [method, path] of [['POST', '/api-tokens'], ['GET', '/api-tokens'], ['POST', '/api/set-settings'], ['POST', '/auth/sign-in']] as const) {
      expect((await lab.call(token, method, path, method === 'POST' ? {} : undefined)).status, path).toBe(404);
    }
  });
});

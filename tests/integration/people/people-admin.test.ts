import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/audit/audit-contract';
import type { PersonView, RoleView } from '../../../src-shared/people/person';
import type { Host } from '../../../src-main/host/create-host';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/**
 * Settings → People & roles against a real host: every changing command is an administrator's,
 * refused to a member (and to nobody signed in) without changing anything, and audited when done.
 */
type Client = ReturnType<typeof connectTestClient>;
let host: Host;
let admin: Client;
let member: Client;
let memberId: string;
const password = 'long enough password';

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

beforeEach(async () => {
  host = await openSqliteHost(tempDataDir());
  admin = connectTestClient(host);
  must(await admin.call('auth/create-administrator', adminInput));
  memberId = must(await admin.call<PersonView>('people/create', { name: 'Mo Member', email: 'mo@lab.org', password, roles: ['member'] })).id;
  member = connectTestClient(host);
  must(await member.call('auth/sign-in', { email: 'mo@lab.org', password }));
});
afterEach(async () => {
  admin?.close();
  member?.close();
  await host?.close();
});

const people = async () => must(await admin.subscribe('people/list', {}).next<PersonView[]>());

describe('people and roles are an administrator’s to change', () => {
  // One call per admin-only command, each valid for an administrator.
  const adminOnly: [string, () => Record<string, unknown>][] = [
    ['people/create', () => ({ name: 'Eve Extra', email: 'eve@lab.org', password, roles: ['admin'] })],
    ['people/update', () => ({ id: memberId, roles: ['admin'] })],
    ['people/set-active', () => ({ id: memberId, isActive: false })],
    ['people/reset-password', () => ({ id: memberId, password: 'a new long password' })],
    ['roles/create', () => ({ code: 'lab_tech', name: 'Lab technician' })],
  ];

  it.each(adminOnly)('refuses %s to a member and to nobody signed in, changing nothing', async (name, input) => {
    const before = { people: await people(), roles: must(await admin.subscribe('roles/list', {}).next<RoleView[]>()) };
    expect(await member.call(name, input())).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only an administrator can manage people and roles.' } });
    const stranger = connectTestClient(host);
    expect(await stranger.call(name, input())).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    stranger.close();
    expect(await people()).toEqual(before.people);
    expect(must(await admin.subscribe('roles/list', {}).next<RoleView[]>())).toEqual(before.roles);
    // The member's own password still works: nothing was reset.
    const again = connectTestClient(host);
    expect(await again.call('auth/sign-in', { email: 'mo@lab.org', password })).toMatchObject({ ok: true });
    again.close();
  });

  it('resets a password for an administrator: the new one signs in, the old one no longer does, and it is audited without the password', async () => {
    expect(await admin.call('people/reset-password', { id: memberId, password: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'password' } });
    expect(await admin.call('people/reset-password', { id: 'P-NOBODY', password: 'a new long password' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await admin.call('people/reset-password', { id: memberId, password: 'a new long password' })).toMatchObject({ ok: true, value: { id: memberId } });
    const old = connectTestClient(host);
    expect(await old.call('auth/sign-in', { email: 'mo@lab.org', password })).toMatchObject({ ok: false });
    expect(await old.call('auth/sign-in', { email: 'mo@lab.org', password: 'a new long password' })).toMatchObject({ ok: true });
    old.close();
    const audit = must(await admin.subscribe('audit/list', { recordId: memberId }).next<AuditEntry[]>());
    expect(audit.map((e) => e.command)).toContain('people/reset-password');
    expect(JSON.stringify(audit)).not.toContain('a new long password');
  });
});

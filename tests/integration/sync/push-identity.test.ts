import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import { tempDataDir } from '../support/sqlite-host';
import { startDesktop, type Desktop } from './support/desktop-driver';
import { startTcpProxy } from './support/tcp-proxy';
import { syncStatus as status, upToDate } from './support/two-desktops';
import { openTestDatabase, pull, signIn, startTestServer, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * Shared lab PCs: every change goes to the server with the identity of the person who made it,
 * never with the account that joined the PC (issue 18). PC A is joined by an administrator and used
 * by a member, whose admin-only write is refused while the administrator's own is taken, and whose
 * changes wait once his sign-in has ended; PC B is joined by a member and used by the administrator,
 * whose change to people and roles is taken, and whose changes made while she had no sign-in there
 * wait until she has one.
 */
const ada = { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' };
const max = { name: 'Max Member', email: 'max@lab.org', password: 'max password 123' };
const ben = { name: 'Ben Bench', email: 'ben@lab.org', password: 'ben password 123' };
const ADMIN_ONLY = 'Only an administrator can change people, roles and departments.';

const env = { LABFLOW_SYNC_RETRY_MS: '300' };
const dataDirA = tempDataDir();
let lab: { server: TestServer; proxyA: Awaited<ReturnType<typeof startTcpProxy>>; proxyB: Awaited<ReturnType<typeof startTcpProxy>> };
let a: Desktop;
let b: Desktop;
const ids: Record<string, string> = {};

const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const switchTo = async (desktop: Desktop, person: { email: string; password: string }) => {
  await desktop.call('auth/sign-out', {});
  must(await desktop.call('auth/sign-in', { email: person.email, password: person.password }));
};
const sentAs = async (desktop: Desktop) => (await status(desktop)).changesSentAs;
/** A role document as `roles/create` writes it, by `by`: written straight to the PC's database, as a PC whose local roles let that person would. */
const roleBy = (code: string, by: string) => {
  const at = new Date().toISOString();
  return { id: `ROLE-${code}`, kind: 'role', name: code, email: code, roles: [], isActive: true, passwordHash: '', createdAt: at, updatedAt: at, createdBy: by, updatedBy: by, auditId: '' };
};
/** The people on the server as Ada pulls them: one sign-in, kept (polling with a sign-in each time meets the server's sign-in limit). */
let adaToken: string | undefined;
const serverPeople = async () => (await pull(lab.server, (adaToken ??= (await signIn(lab.server, ada)).accessToken), 'people', null, 1000)).documents;

beforeAll(async () => {
  const server = await startTestServer({ db: await openTestDatabase(), listen: true });
  const port = Number(new URL(server.url).port);
  lab = { server, proxyA: await startTcpProxy(port), proxyB: await startTcpProxy(port) };
  [a, b] = await Promise.all([startDesktop(dataDirA, env), startDesktop(tempDataDir(), env)]);
  // PC A: Ada sets the server up and adds Max and Ben (members) for the team.
  ids.ada = must(await a.call<{ person: { id: string } }>('auth/create-administrator', ada)).person.id;
  must(await a.call('sync/connect', { serverUrl: lab.proxyA.url, ...ada, setupToken: (await issueSetupToken(lab.server.db))! }));
  ids.max = must(await a.call<{ id: string }>('people/create', { ...max, roles: ['member'] })).id;
  ids.ben = must(await a.call<{ id: string }>('people/create', { ...ben, roles: ['member'] })).id;
  ids.project = must(await a.call<{ id: string }>('projects/create', { code: 'SHARED-1', name: 'Shared bench', teamIds: [ids.max] })).id;
  ids.task = must(await a.call<{ id: string }>('tasks/create', { projectId: ids.project, title: 'Weigh samples', assigneeId: ids.max })).id;
  await upToDate(a);
  // Two desktop processes, a server and a join: minutes on a loaded machine; the limit guards a hang.
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all([lab?.proxyA.close(), lab?.proxyB.close()]);
  await lab?.server.close();
});

describe('a PC joined by an administrator, used by a member', () => {
  it('sends the member’s time entry and task edit with the member’s own sign-in, and the server takes them', async () => {
    expect(await sentAs(a)).toBe('own_sign_in');
    await switchTo(a, max);
    await waitUntil(async () => (await sentAs(a)) === 'own_sign_in', 'Max’s own server sign-in');
    const entry = must(await a.call<{ id: string }>('time/log', { taskId: ids.task, date: '2026-01-05', hours: 2, note: 'Weighing' }));
    must(await a.call('tasks/set-progress', { id: ids.task, progress: 40 }));
    await upToDate(a);

    const token = (await signIn(lab.server, ada)).accessToken;
    const stored = (await pull(lab.server, token, 'activity', null, 1000)).documents.find((d) => d.id === entry.id);
    expect(stored).toMatchObject({ kind: 'time_entry', createdBy: ids.max });
    expect((await pull(lab.server, token, 'tasks', null, 1000)).documents.find((d) => d.id === ids.task)).toMatchObject({ progress: 40, updatedBy: ids.max });
    expect((await status(a)).refused).toEqual([]);
  });

  it('refuses an admin-only write made by the member on this PC, because it goes as the member', async () => {
    await a.insert('people', roleBy('max_role', ids.max!));
    const refused = await waitUntil(async () => (await status(a)).refused.find((r) => r.id === 'ROLE-max_role'), 'the refusal');
    expect(refused).toMatchObject({ collection: 'people', message: ADMIN_ONLY });
    expect(lab.server.logs).toContainEqual(expect.objectContaining({ event: 'authz.refused', personId: ids.max, id: 'ROLE-max_role' }));
    expect((await serverPeople()).map((p) => p.id)).not.toContain('ROLE-max_role');
  });

  it('takes the same write by the administrator on this PC', async () => {
    await switchTo(a, ada);
    await a.insert('people', roleBy('ada_role', ids.ada!));
    await upToDate(a);
    await waitUntil(async () => (await serverPeople()).some((p) => p.id === 'ROLE-ada_role'), 'Ada’s role on the server');
    expect((await status(a)).refused.map((r) => r.id)).toEqual(['ROLE-max_role']);
  });

  it('keeps the member’s server sign-in over a restart of the PC, so his writes still go as him', async () => {
    await a.close();
    a = await startDesktop(dataDirA, env);
    must(await a.call('auth/sign-in', { email: ada.email, password: ada.password }));
    await upToDate(a);
    // Max has not signed in since the restart: the stored refresh token carries his identity.
    await a.insert('people', roleBy('max_after_restart', ids.max!));
    const refused = await waitUntil(async () => (await status(a)).refused.find((r) => r.id === 'ROLE-max_after_restart'), 'the refusal after the restart');
    expect(refused).toMatchObject({ collection: 'people', message: ADMIN_ONLY });
  });

  it('ends a sign-in the server ends (Max deactivated): his rows then wait, never carried by anyone else’s rights, while sync goes on', async () => {
    must(await a.call('people/set-active', { id: ids.max, isActive: false }));
    await upToDate(a);
    await waitUntil(async () => (await serverPeople()).some((p) => p.id === ids.max && p.isActive === false), 'Max deactivated on the server');
    await a.insert('people', roleBy('after_max_ended', ids.max!));
    const waiting = await waitUntil(async () => (await status(a)).waiting.find((w) => w.personId === ids.max), 'Max’s change listed as waiting');
    expect(waiting).toMatchObject({ personName: max.name, count: 1, waitsFor: 'sign_in' });
    must(await a.call('projects/create', { code: 'AFTER-1', name: 'Still syncing' }));
    await upToDate(a);
    expect((await serverPeople()).map((p) => p.id)).not.toContain('ROLE-after_max_ended');
    expect((await status(a)).refused.map((r) => r.id)).not.toContain('ROLE-after_max_ended');
  });
});

describe('a PC joined by a member, used by the administrator', () => {
  it('sends the administrator’s change to people and roles as the administrator, so the server takes it', async () => {
    // PC B was set up on its own by Ben, who joins the team with his member account.
    must(await b.call('auth/create-administrator', ben));
    expect(await b.call('sync/connect', { serverUrl: lab.proxyB.url, email: ben.email, password: ben.password })).toMatchObject({ ok: true, value: { account: { email: ben.email, roles: ['member'] } } });
    await upToDate(b);
    expect(await sentAs(b)).toBe('own_sign_in');

    // Ada signs in on B (her first time there: her password is checked by the server, which also keeps her sign-in).
    await waitUntil(async () => (await b.find('people', { email: ada.email })).length > 0, 'Ada’s person on B');
    await switchTo(b, ada);
    await waitUntil(async () => (await sentAs(b)) === 'own_sign_in', 'Ada’s own server sign-in on B');
    must(await b.call('roles/create', { code: 'qa_lead', name: 'QA lead' }));
    must(await b.call('people/update', { id: ids.max, roles: ['member', 'qa_lead'] }));
    await upToDate(b);

    await waitUntil(async () => (await serverPeople()).find((p) => p.id === ids.max && JSON.stringify(p.roles) === '["member","qa_lead"]'), 'Max’s new role on the server');
    expect((await serverPeople()).some((p) => p.kind === 'role' && p.email === 'qa_lead')).toBe(true);
    expect((await status(b)).refused).toEqual([]);
  });

  it('forgets every person’s server sign-in on Disconnect: after joining again, Ada’s changes wait for her own sign-in', async () => {
    expect(await sentAs(b)).toBe('own_sign_in');
    expect(await b.call('sync/disconnect', {})).toMatchObject({ ok: true, value: { phase: 'standalone' } });
    expect(await sentAs(b)).toBeNull();
    // Ada, still signed in on B, joins it to the team again with Ben's account.
    must(await b.call('sync/connect', { serverUrl: lab.proxyB.url, email: ben.email, password: ben.password }));
    await upToDate(b);
    expect(await sentAs(b)).toBe('waits_for_sign_in');
  });

  it('signs in someone who signed in while the server was unreachable once it is back, and then sends their waiting changes', async () => {
    await lab.proxyB.cut();
    await waitUntil(async () => (await status(b)).phase === 'offline', 'B offline');
    await switchTo(b, ada);
    expect(await sentAs(b)).toBe('waits_for_sign_in');
    must(await b.call('roles/create', { code: 'offline_role', name: 'Made offline' }));
    // Offline, it waits like any change (nothing can be sent); no one else's sign-in will carry it once online.
    await waitUntil(async () => (await status(b)).pendingChanges > 0, 'Ada’s change held on B');
    await lab.proxyB.restore();
    await waitUntil(async () => (await sentAs(b)) === 'own_sign_in', 'Ada signed in to the server once it is reachable');
    await waitUntil(async () => (await serverPeople()).some((p) => p.kind === 'role' && p.email === 'offline_role'), 'Ada’s role on the server');
    await waitUntil(async () => (await status(b)).waiting.length === 0, 'nothing waiting on B');
    expect((await status(b)).refused).toEqual([]);
  });
});

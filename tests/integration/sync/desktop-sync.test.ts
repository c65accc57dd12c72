import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { SyncStatusView } from '../../../src-shared/sync/sync-status';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';
import { baseFields, editRow, leaveRecord, openTestDatabase, personDoc, pull, push, signIn, startTestServer, team, type TestServer } from './support/test-server';
import type { SqlDatabase } from '../../../sync-server/db/sql-database';
import { startTcpProxy } from './support/tcp-proxy';
import { waitUntil } from './support/wait';

/**
 * A real desktop host (SQLite in a temp folder) joining a real sync server through Settings →
 * Team sync's commands: set-up with the token, upload of existing local data, live changes from
 * the stream, the status going offline while the server is down and back up after, refused
 * writes reported, and a restart resuming from the stored sign-in.
 */
let db: SqlDatabase;
let server: TestServer;
let host: Host;
let client: ReturnType<typeof connectTestClient>;
const dataDir = tempDataDir();
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;

const waitForStatus = async (predicate: (s: SyncStatusView) => boolean, timeoutMs = 20_000): Promise<SyncStatusView> => {
  const deadline = Date.now() + timeoutMs;
  let last: SyncStatusView | undefined;
  while (Date.now() < deadline) {
    const sub = client.subscribe('sync/status');
    const result = await sub.next<SyncStatusView>();
    if (result.ok) {
      last = result.value;
      if (predicate(last)) return last;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`status never matched; last: ${JSON.stringify(last)}`);
};

beforeAll(async () => {
  process.env.LABFLOW_SYNC_RETRY_MS = '300';
  db = await openTestDatabase();
  server = await startTestServer({ db, listen: true, closeDb: false });
  proxy = await startTcpProxy(Number(new URL(server.url).port));
  host = await openSqliteHost(dataDir);
  client = connectTestClient(host);
  await client.call('auth/create-administrator', adminInput);
});
afterAll(async () => {
  client?.close();
  await host?.close();
  await proxy?.close();
  await server?.close();
  await db?.close();
});

describe('a desktop joining a team', () => {
  it('starts standalone', async () => {
    expect((await client.subscribe('sync/status').next<SyncStatusView>())).toMatchObject({ ok: true, value: { phase: 'standalone', serverUrl: null } });
  });

  it('asks for the set-up token on a new server, then makes the local administrator the server’s and uploads local data', async () => {
    expect((await client.call('projects/create', { code: 'LOCAL-1', name: 'Made before joining' })).ok).toBe(true);
    const noToken = await client.call('sync/connect', { serverUrl: server.url, email: adminInput.email, password: adminInput.password });
    expect(noToken).toMatchObject({ ok: false, error: { code: 'invalid_state', field: 'setupToken' } });
    const wrong = await client.call('sync/connect', { serverUrl: server.url, email: adminInput.email, password: adminInput.password, setupToken: 'not-the-token' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const setupToken = (await issueSetupToken(db))!;
    const joined = await client.call('sync/connect', { serverUrl: proxy.url + '/', email: adminInput.email, password: adminInput.password, setupToken });
    expect(joined).toMatchObject({ ok: true, value: { serverUrl: proxy.url, account: { email: adminInput.email, roles: ['admin'] } } });
    await waitForStatus((s) => s.phase === 'up_to_date' && s.lastSyncedAt !== null);

    const admin = await signIn(server, { email: adminInput.email, password: adminInput.password });
    const projects = await pull(server, admin.accessToken, 'projects');
    expect(projects.documents.map((d) => d.code)).toContain('LOCAL-1');
    const audit = await pull(server, admin.accessToken, 'audit');
    expect(audit.documents.length).toBeGreaterThan(0);
    for (const entry of audit.documents) expect(JSON.stringify(entry)).not.toContain('$argon2id$');
  });

  it('receives another PC’s change live, and keeps its local password hash for offline sign-in', async () => {
    const admin = await signIn(server, { email: adminInput.email, password: adminInput.password });
    const project: WireDocument = { ...baseFields('REMOTE-1', admin.person.id), code: 'REMOTE-1', name: 'From another PC', status: 'planned', isArchived: false, _deleted: false };
    await push(server, admin.accessToken, 'projects', [{ newDocumentState: project }]);
    await waitUntil(async () => host.db.projects.findOne('REMOTE-1').exec(), 'the project to arrive');
    const me = await host.db.people.findOne({ selector: { email: adminInput.email } }).exec();
    expect(String(me?.get('passwordHash'))).toMatch(/^\$argon2id\$/);

    // A person an admin created elsewhere arrives too (without any hash).
    await push(server, admin.accessToken, 'people', [{ newDocumentState: personDoc(team.member, await hashPassword(team.member.password), admin.person.id) }]);
    const max = await waitUntil(async () => host.db.people.findOne(team.member.id).exec(), 'the new person');
    expect(max.get('passwordHash')).toBeUndefined();
  });

  it('shows a write the server refused, keeps it on this PC, and does not retry it', async () => {
    const admin = await signIn(server, { email: adminInput.email, password: adminInput.password });
    const me = (await pull(server, admin.accessToken, 'people')).documents.find((d) => d.email === adminInput.email)!;
    // Another administrator (nobody changes their own roles) takes the admin role from this PC's account on the server…
    const other = { id: 'P-ADMIN2', name: 'Otto Other', email: 'otto@lab.org', roles: ['admin'], password: 'otto password 12' };
    await push(server, admin.accessToken, 'people', [{ newDocumentState: personDoc(other, await hashPassword(other.password), admin.person.id) }]);
    const otto = await signIn(server, other);
    expect((await push(server, otto.accessToken, 'people', [editRow(me, { roles: ['member'] }, other.id)])).refused).toEqual([]);
    await waitUntil(async () => ((await host.db.people.findOne(me.id as string).exec())?.get('roles') as string[]).join() === 'member', 'the role change');
    // …so this PC refuses the admin-only change itself (its session follows the person)…
    expect(await client.call('roles/create', { code: 'lab_tech', name: 'Lab technician' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // …and one written while its view still lagged is refused by the server, shown and withdrawn.
    const at = new Date().toISOString();
    await host.db.people.insert({ id: 'ROLE-lab_tech', kind: 'role', name: 'Lab technician', email: 'lab_tech', roles: [], isActive: true, passwordHash: '', createdAt: at, updatedAt: at, createdBy: me.id, updatedBy: me.id, auditId: '' });
    const status = await waitForStatus((s) => s.refused.some((r) => r.collection === 'people'));
    expect(status.refused[0]).toMatchObject({ collection: 'people', message: 'Only an administrator can change people, roles and departments.' });
    await waitUntil(async () => (await host.db.people.findOne({ selector: { kind: 'role', email: 'lab_tech' } }).exec()) === null, 'the refused role to be withdrawn');
    // Another full round (Team sync → Sync now) once nothing is pending: the withdrawn change is not sent again.
    const before = await waitForStatus((s) => s.phase === 'up_to_date' && s.pendingChanges === 0);
    expect(await client.call('sync/sync-now', {})).toMatchObject({ ok: true, value: { serverUrl: before.serverUrl } });
    await waitForStatus((s) => s.phase === 'up_to_date' && s.pendingChanges === 0 && s.lastSyncedAt !== before.lastSyncedAt);
    const refusals = server.logs.filter((l) => l.event === 'authz.refused' && l.action === 'write' && l.collection === 'people');
    expect(refusals).toHaveLength(1);
    // The other administrator gives the role back (the last test disconnects, an administrator's act).
    const current = (await pull(server, otto.accessToken, 'people')).documents.find((d) => d.id === me.id)!;
    await push(server, otto.accessToken, 'people', [editRow(current, { roles: ['admin'] }, other.id)]);
    await waitUntil(async () => ((await host.db.people.findOne(me.id as string).exec())?.get('roles') as string[]).join() === 'admin', 'the role back');

    // A member's leave request never reaches this PC (not HR, not concerned).
    const member = await signIn(server, team.member);
    expect((await push(server, member.accessToken, 'records', [{ newDocumentState: leaveRecord('LR-1', team.member.id) }])).refused).toEqual([]);
    const request = { ...leaveRecord('EQ-1', team.member.id), kind: 'purchase_request', data: { itemName: 'Balance', requesterId: team.member.id, quantity: 1, description: '', justification: '', supplierName: '' } };
    expect((await push(server, member.accessToken, 'records', [{ newDocumentState: request }])).refused).toEqual([]);
    await waitUntil(async () => host.db.records.findOne('EQ-1').exec(), 'the equipment record');
    expect(await host.db.records.findOne('LR-1').exec()).toBeNull();
  });

  it('goes offline when the network drops, keeps local changes, and catches up when it is back', async () => {
    await proxy.cut();
    await waitForStatus((s) => s.phase === 'offline');
    expect((await client.call('projects/create', { code: 'OFFLINE-1', name: 'Made offline' })).ok).toBe(true);
    const offline = await waitForStatus((s) => s.phase === 'offline' && s.pendingChanges > 0);
    expect(offline.error).toMatch(/cannot be reached/);

    await proxy.restore();
    await waitForStatus((s) => s.phase === 'up_to_date', 40_000);
    const admin = await signIn(server, { email: adminInput.email, password: adminInput.password });
    expect((await pull(server, admin.accessToken, 'projects')).documents.map((d) => d.code)).toContain('OFFLINE-1');
  });

  it('lets someone added on another PC sign in here with their team password, once checked by the server', async () => {
    expect(await host.db.people.findOne(team.member.id).exec()).not.toBeNull();
    await client.call('auth/sign-out', {});
    expect(await client.call('auth/sign-in', { email: team.member.email, password: 'not his password' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await client.call('auth/sign-in', { email: team.member.email, password: team.member.password })).toMatchObject({ ok: true, value: { person: { id: team.member.id } } });
    expect(String((await host.db.people.findOne(team.member.id).exec())?.get('passwordHash'))).toMatch(/^\$argon2id\$/);
    // Storing the hash here changes nothing on the server, so nothing is refused.
    await waitForStatus((s) => s.pendingChanges === 0);
    expect((await waitForStatus(() => true)).refused.filter((r) => r.id === team.member.id)).toEqual([]);
    await client.call('auth/sign-out', {});
    expect((await client.call('auth/sign-in', { email: adminInput.email, password: adminInput.password })).ok).toBe(true);
  });

  it('resumes after a restart from the stored sign-in, and forgets it on disconnect', async () => {
    client.close();
    await host.close();
    host = await openSqliteHost(dataDir);
    client = connectTestClient(host);
    const signedIn = await client.call('auth/sign-in', { email: adminInput.email, password: adminInput.password });
    expect(signedIn, JSON.stringify(signedIn)).toMatchObject({ ok: true });
    await waitForStatus((s) => s.phase === 'up_to_date' && s.account?.email === adminInput.email);
    const disconnected = await client.call<SyncStatusView>('sync/disconnect', {});
    expect(disconnected).toMatchObject({ ok: true, value: { phase: 'standalone' } });
    expect(await host.db.projects.findOne({ selector: { code: 'OFFLINE-1' } }).exec()).not.toBeNull();
  });
});

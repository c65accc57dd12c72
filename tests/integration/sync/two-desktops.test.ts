import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import type { Desktop } from './support/desktop-driver';
import { startTwoDesktops, syncStatus as status, upToDate, type TwoDesktops } from './support/two-desktops';
import { waitUntil } from './support/wait';

/**
 * Two desktops — two real hosts on their own SQLite folders, each in its own process — and one
 * sync server. Both join, both edit while their network is down, both reconnect; they converge,
 * nothing is lost, and the conflict is recorded on both.
 */
const ada = { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' };
const ben = { name: 'Ben Bench', email: 'ben@lab.org', password: 'ben password 123' };

let lab: TwoDesktops;
let a: Desktop;
let b: Desktop;

const projectsOf = async (desktop: Desktop) =>
  (await desktop.find<{ code: string; name: string; isArchived: boolean }>('projects')).map((p) => ({ code: p.code, name: p.name, isArchived: p.isArchived })).sort((x, y) => x.code.localeCompare(y.code));
const projectId = async (desktop: Desktop, code: string) => (await desktop.find<{ id: string }>('projects', { code }))[0]!.id;

beforeAll(async () => {
  lab = await startTwoDesktops();
  ({ a, b } = lab);
});
afterAll(async () => lab?.close());

describe('two desktops and one server', () => {
  it('join the team: A sets the server up, B’s own local account is matched to the team by email', async () => {
    expect((await a.call('auth/create-administrator', ada)).ok).toBe(true);
    expect((await a.call('projects/create', { code: 'QC-1', name: 'Quality control' })).ok).toBe(true);
    expect((await a.call('projects/create', { code: 'QC-2', name: 'Calibration' })).ok).toBe(true);
    const setupToken = (await issueSetupToken(lab.server.db))!;
    expect(await a.call('sync/connect', { serverUrl: lab.proxyA.url, ...ada, setupToken })).toMatchObject({ ok: true });
    // Ada adds Ben to the team from her PC (as a second administrator, so he may change her projects);
    // his password reaches the server as a hash only.
    expect((await a.call('people/create', { ...ben, roles: ['admin'] })).ok).toBe(true);
    await upToDate(a);

    // Ben's PC was set up on its own, with his own local account.
    expect((await b.call('auth/create-administrator', ben)).ok).toBe(true);
    expect(await b.call('sync/connect', { serverUrl: lab.proxyB.url, email: ben.email, password: ben.password })).toMatchObject({ ok: true, value: { account: { email: ben.email, roles: ['admin'] } } });
    await upToDate(b);
    await waitUntil(async () => (await projectsOf(b)).length === 2, 'A’s projects on B');
    const bensOnB = (await b.find<{ email: string }>('people', { kind: 'person' })).filter((p) => p.email === ben.email);
    expect(bensOnB).toHaveLength(1);
    expect((await status(b)).refused).toEqual([]);
    // Ben can still sign in on his PC with his local password.
    expect((await b.call('auth/sign-in', { email: ben.email, password: ben.password })).ok).toBe(true);
  });

  it('both edit offline, reconnect, and converge without losing anything', async () => {
    const qc1 = await projectId(a, 'QC-1');
    const qc2 = await projectId(a, 'QC-2');
    await Promise.all([lab.proxyA.cut(), lab.proxyB.cut()]);
    await waitUntil(async () => (await status(a)).phase === 'offline' && (await status(b)).phase === 'offline', 'both offline');

    // Same field on both PCs: a real conflict. Different fields: a merge. New projects on both.
    expect((await a.call('projects/rename', { id: qc1, name: 'QC (Ada)' })).ok).toBe(true);
    expect((await b.call('projects/rename', { id: qc1, name: 'QC (Ben)' })).ok).toBe(true);
    expect((await a.call('projects/set-archived', { id: qc2, isArchived: true })).ok).toBe(true);
    expect((await b.call('projects/rename', { id: qc2, name: 'Calibration 2026' })).ok).toBe(true);
    expect((await a.call('projects/create', { code: 'A-NEW', name: 'Made offline on A' })).ok).toBe(true);
    expect((await b.call('projects/create', { code: 'B-NEW', name: 'Made offline on B' })).ok).toBe(true);
    // The status changes at most once a second: it says so within that.
    await waitUntil(async () => (await status(b)).pendingChanges > 0, 'B’s changes waiting');

    await lab.proxyA.restore();
    await upToDate(a);
    await lab.proxyB.restore();
    await upToDate(b);
    const expected = [
      { code: 'A-NEW', name: 'Made offline on A', isArchived: false },
      { code: 'B-NEW', name: 'Made offline on B', isArchived: false },
      { code: 'QC-1', name: 'QC (Ada)', isArchived: false },
      { code: 'QC-2', name: 'Calibration 2026', isArchived: true },
    ];
    await waitUntil(async () => JSON.stringify(await projectsOf(b)) === JSON.stringify(expected) && JSON.stringify(await projectsOf(a)) === JSON.stringify(expected), 'both PCs to converge', 40_000);
  });

  it('keeps the losing edit as a conflict record on both PCs, and every change in both audit trails', async () => {
    const qc1 = await projectId(a, 'QC-1');
    for (const desktop of [a, b]) {
      const conflicts = await waitUntil(async () => {
        const result = await desktop.query<{ recordId: string; fields: { field: string; kept: unknown; lost: unknown }[] }[]>('sync/conflicts', { recordId: qc1 });
        return result.ok && result.value.length > 0 && result.value;
      }, 'the conflict record');
      expect(conflicts[0]!.fields).toEqual([{ field: 'name', kept: 'QC (Ada)', lost: 'QC (Ben)' }]);
      const audit = await waitUntil(async () => {
        const entries = await desktop.find<{ recordId: string; changes: { field: string; new: unknown }[] }>('audit', { recordId: qc1 });
        return entries.length >= 3 && entries;
      }, 'both renames in the audit trail');
      expect(audit.flatMap((e) => e.changes.map((c) => c.new))).toEqual(expect.arrayContaining(['QC (Ada)', 'QC (Ben)']));
    }
  });
});

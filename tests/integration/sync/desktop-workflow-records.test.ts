import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import { tempDataDir } from '../support/sqlite-host';
import { startDesktop, type Desktop } from './support/desktop-driver';
import { upToDate } from './support/two-desktops';
import { openTestDatabase, pull, signIn, startTestServer, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * A shared lab PC in a team, joined by Hana (HR, who also administers the team: the PC's account
 * pulls what any of its users may read) and used by a member and his manager: Max files a leave
 * request and applies through its workflow, Mia approves it with her signature, and the server
 * takes the approved record with the approval's events. Olga, a member of another department,
 * never receives anything of it through any pull: not the record, the instance, its events, the
 * record's activity, the audit entries of either, nor the notices about it — while HR and Mia do.
 */
const password = 'long enough password 1';
const max = { name: 'Max Member', email: 'max@lab.org', password };
const mia = { name: 'Mia Manager', email: 'mia@lab.org', password };
const hana = { name: 'Hana HR', email: 'hana@lab.org', password };
const olga = { name: 'Olga Other', email: 'olga@lab.org', password };
/** A second administrator: nobody changes their own roles, so Otto makes Hana HR as well. */
const otto = { name: 'Otto Admin', email: 'otto@lab.org', password };

let server: TestServer;
let pc: Desktop;
const ids: Record<string, string> = {};
let commands = 0;
const cid = () => `cmd-${++commands}`;
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const switchTo = async (person: { email: string; password: string }) => {
  await pc.call('auth/sign-out', {});
  must(await pc.call('auth/sign-in', { email: person.email, password: person.password }));
};
const tokens = new Map<string, string>();
/** What the server sends `person`'s PC (signed in once: the server limits sign-ins). */
async function pulled(person: { email: string; password: string }, collection: string) {
  if (!tokens.has(person.email)) tokens.set(person.email, (await signIn(server, person)).accessToken);
  return (await pull(server, tokens.get(person.email) as string, collection, null, 1000)).documents.filter((d) => !d._deleted);
}
/** Whether a document names the leave request or its workflow anywhere (ids, links, audit copies). */
const isAbout = (doc: WireDocument) => {
  const text = JSON.stringify(doc);
  return [ids.leave, ids.instance, ids.withdrawn].some((id) => id !== undefined && text.includes(id));
};

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), listen: true });
  pc = await startDesktop(tempDataDir(), { LABFLOW_SYNC_RETRY_MS: '300' });
  ids.hana = must(await pc.call<{ person: { id: string } }>('auth/create-administrator', hana)).person.id;
  must(await pc.call('sync/connect', { serverUrl: server.url, ...hana, setupToken: (await issueSetupToken(server.db))! }));
  await upToDate(pc, 60_000);
  ids.hana = (await pc.find<{ id: string }>('people', { email: hana.email }))[0]?.id ?? '';
  ids.otto = must(await pc.call<{ id: string }>('people/create', { ...otto, roles: ['admin'] })).id;
  await upToDate(pc, 60_000);
  await switchTo(otto);
  must(await pc.call('people/update', { id: ids.hana, roles: ['admin', 'hr'] }));
  await switchTo(hana);
  const qc = must(await pc.call<{ id: string }>('departments/create', { code: 'QC', name: 'Quality control' }));
  const chem = must(await pc.call<{ id: string }>('departments/create', { code: 'CHEM', name: 'Chemistry' }));
  ids.max = must(await pc.call<{ id: string }>('people/create', { ...max, roles: ['member'], departmentId: qc.id })).id;
  ids.mia = must(await pc.call<{ id: string }>('people/create', { ...mia, roles: ['department_head'], departmentId: qc.id })).id;
  ids.olga = must(await pc.call<{ id: string }>('people/create', { ...olga, roles: ['member'], departmentId: chem.id })).id;
  must(await pc.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'template', templateCode: 'LEAVE_REQUEST' } }));
  must(await pc.call('workflows/definitions/publish', { commandId: cid(), code: 'LEAVE_REQUEST' }));
  await upToDate(pc, 60_000);
}, 120_000);
afterAll(async () => {
  await pc?.close();
  await server?.close();
});

describe('a leave request decided on a shared PC in a team', () => {
  it('is approved on the server with the approval that made it', async () => {
    await switchTo(max);
    const leave = must(await pc.call<{ id: string }>('records/create', { kind: 'leave_request', data: { personId: ids.max, startDate: '2026-08-03', endDate: '2026-08-05', days: 3, reason: 'Family visit' } }));
    ids.leave = leave.id;
    // The server numbers the new request; until that answer is back, a change made here would be
    // overwritten by it (reported: a record changed while its creation is in flight loses the change).
    await upToDate(pc, 60_000);
    const started = must(await pc.call<{ id: string }>('workflows/instances/start', { commandId: cid(), code: 'LEAVE_REQUEST', entityType: 'leave_request', entityId: leave.id }));
    ids.instance = started.id;
    must(await pc.call('workflows/instances/advance', { commandId: cid(), instanceId: started.id, action: 'complete', data: { balance_checked: true, handover: 'Samples in fridge 3' } }));
    // A second request Max withdraws: its reason is activity about the record.
    const other = must(await pc.call<{ id: string }>('records/create', { kind: 'leave_request', data: { personId: ids.max, startDate: '2026-09-01', endDate: '2026-09-01', days: 1 } }));
    ids.withdrawn = other.id;
    await upToDate(pc, 60_000);
    must(await pc.call('records/transition', { id: other.id, to: 'cancelled', reason: 'Plans changed' }));
    await switchTo(mia);
    must(await pc.call('workflows/instances/advance', { commandId: cid(), instanceId: started.id, action: 'approve', signature: { password, meaning: 'approved' } }));
    await upToDate(pc, 60_000);
    const onServer = await waitUntil(async () => {
      const record = (await pulled(hana, 'records')).find((d) => d.id === leave.id);
      return record?.status === 'approved' && record;
    }, 'the approved leave request on the server', 60_000);
    expect(onServer).toMatchObject({ updatedBy: ids.mia, personId: ids.max });
    const refused = server.logs.filter((l) => l.event === 'authz.refused' && l.action === 'write' && ['records', 'workflow_events', 'workflow_instances', 'audit'].includes(String(l.collection)));
    expect(refused).toEqual([]);
  }, 120_000);

  it('reaches HR, the person and the manager through every collection, and never a colleague', async () => {
    for (const person of [hana, mia, max]) {
      expect((await pulled(person, 'workflow_instances')).map((d) => d.id)).toContain(ids.instance);
      expect((await pulled(person, 'workflow_events')).filter(isAbout).length).toBeGreaterThan(5);
    }
    expect((await pulled(hana, 'audit')).filter(isAbout).map((d) => d.collectionName)).toEqual(expect.arrayContaining(['records', 'workflow_instances']));
    expect((await pulled(max, 'audit')).filter(isAbout).map((d) => d.collectionName)).toContain('activity');
    expect((await pulled(hana, 'activity')).filter(isAbout).map((d) => d.kind)).toContain('status_change');
    expect((await pulled(mia, 'notifications')).filter(isAbout).length).toBeGreaterThan(0);
    for (const collection of ['records', 'workflow_instances', 'workflow_events', 'activity', 'audit', 'notifications']) {
      expect({ collection, about: (await pulled(olga, collection)).filter(isAbout).map((d) => d.id) }).toEqual({ collection, about: [] });
    }
  }, 120_000);

  it('shows Olga nothing of it on the shared PC either', async () => {
    await switchTo(olga);
    const list = must(await pc.query<{ id: string }[]>('workflows/instances/list', {}));
    expect(list.map((i) => i.id)).not.toContain(ids.instance);
    expect(await pc.query('workflows/instances/get', { instanceId: ids.instance })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(must(await pc.query<{ instanceId: string }[]>('workflows/my-work', {})).map((w) => w.instanceId)).not.toContain(ids.instance);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayEvents } from '../../../src-shared/workflows/replay';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import type { Desktop } from './support/desktop-driver';
import { pull, signIn } from './support/test-server';
import { startTwoDesktops, syncStatus as status, upToDate as inSync, type TwoDesktops } from './support/two-desktops';
import { waitUntil } from './support/wait';

/**
 * Two desktops decide the same approval while both are offline. The server keeps the first
 * decision to arrive; the other PC's vote becomes a conflict record, and that PC ends with the
 * server's history and an instance equal to its replay — the engine's rules enforced on the server.
 */
const ada = { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' };
const ben = { name: 'Ben Bench', email: 'ben@lab.org', password: 'ben password 123' };
const definition = {
  workflow_code: 'SIGN_OFF',
  name: 'Sign-off',
  initial_step: 'decide',
  steps: [
    { step_id: 'decide', name: 'Decide', type: 'approval', assignee_type: 'role', assignee_value: 'admin', approval: { quorum: 'any', allow_self_approval: true }, conditions: { approve: ['file'], reject: [] } },
    { step_id: 'file', name: 'File it', type: 'task', assignee_type: 'role', assignee_value: 'admin', next_steps: [] },
  ],
};

let lab: TwoDesktops;
let a: Desktop;
let b: Desktop;
let commands = 0;
const cid = () => `cmd-${++commands}`;
const upToDate = (desktop: Desktop) => inSync(desktop, 40_000);
const instanceOn = async (desktop: Desktop, id: string) => (await desktop.find<{ id: string; eventCount: number; status: string; state: unknown }>('workflow_instances', { id }))[0];
const eventsOn = async (desktop: Desktop, instanceId: string) => (await desktop.find<{ id: string; data: WorkflowEvent }>('workflow_events', { instanceId })).map((d) => d.data).sort((x, y) => x.seq - y.seq);

beforeAll(async () => {
  lab = await startTwoDesktops();
  ({ a, b } = lab);
});
afterAll(async () => lab?.close());

describe('two desktops deciding one step offline', () => {
  let instanceId = '';

  it('both hold the instance, waiting for an administrator’s decision', async () => {
    expect((await a.call('auth/create-administrator', ada)).ok).toBe(true);
    expect(await a.call('sync/connect', { serverUrl: lab.proxyA.url, ...ada, setupToken: (await issueSetupToken(lab.server.db))! })).toMatchObject({ ok: true });
    expect((await a.call('people/create', { ...ben, roles: ['admin'] })).ok).toBe(true);
    expect(await a.call('workflows/definitions/import', { commandId: cid(), definition, publish: true })).toMatchObject({ ok: true });
    const started = await a.call<{ id: string }>('workflows/instances/start', { commandId: cid(), code: 'SIGN_OFF', entityType: 'document', entityId: 'SOP-7' });
    expect(started).toMatchObject({ ok: true });
    instanceId = started.ok ? started.value.id : '';
    await upToDate(a);
    expect((await b.call('auth/create-administrator', ben)).ok).toBe(true);
    expect(await b.call('sync/connect', { serverUrl: lab.proxyB.url, email: ben.email, password: ben.password })).toMatchObject({ ok: true });
    await upToDate(b);
    await waitUntil(async () => (await instanceOn(b, instanceId))?.status === 'running', 'the instance on B');
  });

  it('A approves and B rejects offline; the first to reach the server wins, the other vote is a conflict record', async () => {
    await Promise.all([lab.proxyA.cut(), lab.proxyB.cut()]);
    await waitUntil(async () => (await status(a)).phase === 'offline' && (await status(b)).phase === 'offline', 'both offline');
    expect(await a.call('workflows/instances/advance', { commandId: cid(), instanceId, action: 'approve', signature: { meaning: 'approved', password: ada.password } })).toMatchObject({ ok: true });
    expect(await b.call('workflows/instances/advance', { commandId: cid(), instanceId, action: 'reject', signature: { meaning: 'rejected', password: ben.password } })).toMatchObject({ ok: true });
    expect((await instanceOn(b, instanceId))?.status).toBe('rejected');

    await lab.proxyA.restore();
    await upToDate(a);
    await lab.proxyB.restore();
    await upToDate(b);

    const admin = await signIn(lab.server, ada);
    const held = (await pull(lab.server, admin.accessToken, 'workflow_events', null, 1000)).documents.filter((d) => d.instanceId === instanceId && !d._deleted).map((d) => d.data as WorkflowEvent);
    const replayed = replayEvents(held);
    expect(replayed).toMatchObject({ ok: true, value: { status: 'running', activeSteps: [expect.objectContaining({ stepId: 'file' })] } });
    const onServer = (await pull(lab.server, admin.accessToken, 'workflow_instances', null, 1000)).documents.find((d) => d.id === instanceId);
    expect(onServer?.state).toEqual(replayed.ok ? replayed.value : null);

    // B, whose vote lost, ends with the server's history and the server's instance.
    await waitUntil(async () => (await instanceOn(b, instanceId))?.status === 'running', 'B to take the server’s instance', 40_000);
    await waitUntil(async () => JSON.stringify(await eventsOn(b, instanceId)) === JSON.stringify(held.sort((x, y) => x.seq - y.seq)), 'B to hold the server’s history', 40_000);
    expect((await instanceOn(b, instanceId))?.state).toEqual(onServer?.state);
    expect((await instanceOn(a, instanceId))?.state).toEqual(onServer?.state);
    const conflicts = await waitUntil(async () => {
      const docs = await b.find<{ kind: string; subjectType: string; data: { lostVersion: { data: WorkflowEvent } } }>('activity', { kind: 'conflict' });
      return docs.filter((d) => d.subjectType === 'workflow_events').length > 0 && docs;
    }, 'the conflict record on B');
    expect(conflicts.map((c) => c.data.lostVersion.data)).toContainEqual(expect.objectContaining({ type: 'vote_recorded', vote: expect.objectContaining({ decision: 'reject' }) }));
  });
});

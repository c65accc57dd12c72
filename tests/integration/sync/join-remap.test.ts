import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/audit/audit-contract';
import { makeId } from '../../../src-shared/core/ids';
import { collectionNames } from '../../../src-shared/db/schemas';
import { defaultPreferences } from '../../../src-shared/notifications/preferences';
import type { SyncStatusView } from '../../../src-shared/sync/sync-status';
import type { WorkflowInstance } from '../../../src-shared/workflows/instance';
import { replayEvents } from '../../../src-shared/workflows/replay';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import type { Host } from '../../../src-main/host/create-host';
import { preferencesId } from '../../../src-main/notifications/notification-store';
import { PERSON_MERGES_KEY, type PendingMerges } from '../../../src-main/sync/link-people';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';
import { createTeam, openTestDatabase, pull, startTestServer, team, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * A PC used on its own has people of its own — its administrator and a colleague — whose emails
 * the team's server knows under other ids. Joining matches them by email, and every record on the
 * PC that named the local ids names the team's afterwards, here and on the server.
 */
type Client = ReturnType<typeof connectTestClient>;
type Doc = Record<string, unknown>;

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

/** Every document of every collection but `audit` (history keeps the ids it was written with), as JSON. */
async function everythingButAudit(host: Host): Promise<string> {
  const all: unknown[] = [];
  for (const name of collectionNames) if (name !== 'audit') all.push(...(await host.db[name].find().exec()).map((d) => d.toJSON()));
  return JSON.stringify(all);
}

let server: TestServer;
let host: Host | undefined;
let client: Client | undefined;
const hosts: Host[] = [];
afterAll(async () => {
  client?.close();
  for (const h of hosts) await h.close().catch(() => undefined);
  await server?.close();
});

describe('joining a team with local people', () => {
  let localAda = '';
  let localMax = '';
  let projectId = '';
  let taskId = '';
  let instanceId = '';
  const errand = {
    workflow_code: 'ERRAND',
    name: 'Errand',
    steps: [
      { step_id: 'do', name: 'Do it', type: 'task', assignee_type: 'variable', assignee_value: 'requester', next_steps: ['done'] },
      { step_id: 'done', name: 'Done', type: 'end' },
    ],
    initial_step: 'do',
  };

  beforeAll(async () => {
    process.env.LABFLOW_SYNC_RETRY_MS = '300';
    server = await startTestServer({ db: await openTestDatabase(), listen: true });
    await createTeam(server);
    host = await openSqliteHost(tempDataDir());
    hosts.push(host);
    client = connectTestClient(host);
    // The same people as the team's (same emails), made on this PC before it joined.
    localAda = must(await client.call<{ person: { id: string } }>('auth/create-administrator', { ...adminInput, email: team.admin.email })).person.id;
    localMax = must(await client.call<{ id: string }>('people/create', { name: 'Max on this PC', email: team.member.email, password: 'local password 1', roles: ['member'] })).id;
    const project = must(await client.call<{ id: string }>('projects/create', { code: 'LOCAL-1', name: 'Made before joining', teamIds: [localMax] }));
    projectId = project.id;
    must(await client.call('projects/update', { id: projectId, ownerId: localMax }));
    taskId = must(await client.call<{ id: string }>('tasks/create', { projectId, title: 'Calibrate the balance', assigneeId: localMax, watcherIds: [localAda, localMax] })).id;
    must(await client.call('time/log', { taskId, date: '2026-01-05', hours: 2 }));
    must(await client.call('notifications/set-preferences', defaultPreferences));
    must(await client.call('workflows/definitions/import', { commandId: 'c-def', definition: errand, publish: true }));
    instanceId = must(await client.call<{ id: string }>('workflows/instances/start', { commandId: 'c-start', code: 'ERRAND', entityType: 'order', entityId: 'O-1' })).id;
  });

  it('rewrites the local ids to the team’s on this PC and on the server, and nothing is refused', async () => {
    expect(await everythingButAudit(host!)).toContain(localMax);
    const joined = await client!.call<SyncStatusView>('sync/connect', { serverUrl: server.url, email: team.admin.email, password: team.admin.password });
    expect(joined).toMatchObject({ ok: true, value: { account: { id: team.admin.id } } });

    const project = (await host!.db.projects.findOne(projectId).exec())!.toJSON() as Doc;
    expect(project).toMatchObject({ ownerId: team.member.id, createdBy: team.admin.id });
    expect(project.teamIds).toEqual([team.member.id]);
    const task = (await host!.db.tasks.findOne(taskId).exec())!.toJSON() as Doc;
    expect(task).toMatchObject({ assigneeId: team.member.id, watcherIds: [team.admin.id, team.member.id], createdBy: team.admin.id });
    const [entry] = await host!.db.activity.find({ selector: { kind: 'time_entry' } }).exec();
    expect(entry?.toJSON()).toMatchObject({ personId: team.admin.id, createdBy: team.admin.id });
    expect(await host!.db.notifications.findOne(preferencesId(team.admin.id)).exec()).not.toBeNull();
    // The workflow's history and its state name the team's Ada alike: replaying the events gives the stored state.
    const events = (await host!.db.workflow_events.find({ selector: { instanceId } }).exec()).map((d) => d.get('data') as WorkflowEvent);
    const instance = (await host!.db.workflow_instances.findOne(instanceId).exec())!.get('state') as WorkflowInstance;
    expect(instance).toMatchObject({ startedBy: team.admin.id, requestedBy: team.admin.id, activeSteps: [{ assignees: { users: [team.admin.id] } }] });
    expect(replayEvents(events)).toEqual({ ok: true, value: instance });
    expect(await host!.db.notifications.findOne(preferencesId(localAda)).exec()).toBeNull();
    const everything = await everythingButAudit(host!);
    // As values; a notification's dedup key may still spell the old id inside a longer string.
    expect(everything).not.toContain(`"${localAda}"`);
    expect(everything).not.toContain(`"${localMax}"`);
    expect(await host!.db.getLocal(PERSON_MERGES_KEY)).toBeNull();

    // Every rewritten record names the merge entry that explains it; the history keeps what was written.
    const merges = (await host!.db.audit.find({ selector: { command: 'sync/link-person' } }).exec()).map((d) => d.toJSON() as AuditEntry);
    expect(merges.map((m) => [m.recordId, m.changes])).toEqual(
      expect.arrayContaining([
        [team.admin.id, [{ field: 'id', old: localAda, new: team.admin.id }]],
        [team.member.id, [{ field: 'id', old: localMax, new: team.member.id }]],
      ]),
    );
    expect(merges.map((m) => m.id)).toContain(task.auditId);
    const maxHistory = must(await client!.subscribe('audit/list', { recordId: team.member.id }).next<AuditEntry[]>());
    expect(maxHistory.map((e) => e.command)).toEqual(expect.arrayContaining(['people/create', 'sync/link-person']));

    // The session goes on as the team's Ada: what she does next carries the team's id.
    const status = must(await client!.subscribe('auth/status').next<{ session: { person: { id: string } } | null }>());
    expect(status.session?.person.id).toBe(team.admin.id);
    const later = must(await client!.call<{ createdBy: string }>('projects/create', { code: 'AFTER-1', name: 'Made after joining' }));
    expect(later.createdBy).toBe(team.admin.id);

    const upToDate = await waitUntil(async () => {
      const s = must(await client!.subscribe('sync/status').next<SyncStatusView>());
      return s.phase === 'up_to_date' && s.pendingChanges === 0 ? s : null;
    }, 'up to date');
    expect(upToDate.refused).toEqual([]);
    const token = (await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: team.admin.email, password: team.admin.password } })).json<{ accessToken: string }>().accessToken;
    const onServer = async (collection: string, id: string) => (await pull(server, token, collection, null, 500)).documents.find((d) => d.id === id);
    await waitUntil(async () => onServer('projects', projectId), 'the project on the server');
    expect(await onServer('projects', projectId)).toMatchObject({ ownerId: team.member.id, teamIds: [team.member.id], createdBy: team.admin.id });
    expect(await onServer('tasks', taskId)).toMatchObject({ assigneeId: team.member.id, createdBy: team.admin.id });
    expect(await onServer('workflow_instances', instanceId)).toMatchObject({ state: { requestedBy: team.admin.id } });
    const serverEntries = (await pull(server, token, 'activity', null, 500)).documents.filter((d) => d.kind === 'time_entry');
    expect(serverEntries).toEqual([expect.objectContaining({ personId: team.admin.id, createdBy: team.admin.id })]);
  });

  it('finishes a merge cut short by a crash on the next start', async () => {
    // One RxDB database of a name per process: the first PC closes before this one opens.
    client?.close();
    await hosts.shift()?.close();
    const dataDir = tempDataDir();
    let crashed = await openSqliteHost(dataDir);
    const pc = connectTestClient(crashed);
    const admin = must(await pc.call<{ person: { id: string } }>('auth/create-administrator', adminInput)).person.id;
    const local = must(await pc.call<{ id: string }>('people/create', { name: 'Hana here', email: team.hr.email, password: 'local password 1', roles: ['hr'] })).id;
    const project = must(await pc.call<{ id: string }>('projects/create', { code: 'CUT-1', name: 'Interrupted', teamIds: [local] })).id;
    const task = must(await pc.call<{ id: string }>('tasks/create', { projectId: project, title: 'Half done', assigneeId: local })).id;
    pc.close();
    // The plan was stored and the project already rewritten when the process died.
    const hana = { id: team.hr.id, kind: 'person', name: team.hr.name, email: team.hr.email, roles: team.hr.roles, isActive: true, createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', createdBy: team.admin.id, updatedBy: team.admin.id, auditId: '', passwordHash: (await crashed.db.people.findOne(local).exec())?.get('passwordHash') };
    const pending: PendingMerges = { actor: { id: admin, name: adminInput.name }, at: new Date().toISOString(), merges: [{ from: local, to: team.hr.id, auditId: makeId(Date.now(), randomBytes), person: hana }] };
    await crashed.db.upsertLocal(PERSON_MERGES_KEY, pending);
    await (await crashed.db.projects.findOne(project).exec())!.incrementalPatch({ teamIds: [team.hr.id] });
    await crashed.close();

    crashed = await openSqliteHost(dataDir);
    hosts.push(crashed);
    expect(await crashed.db.getLocal(PERSON_MERGES_KEY)).toBeNull();
    expect((await crashed.db.tasks.findOne(task).exec())?.get('assigneeId')).toBe(team.hr.id);
    expect((await crashed.db.projects.findOne(project).exec())?.get('teamIds')).toEqual([team.hr.id]);
    expect(await crashed.db.people.findOne(local).exec()).toBeNull();
    expect((await crashed.db.people.findOne(team.hr.id).exec())?.get('email')).toBe(team.hr.email);
    expect(await everythingButAudit(crashed)).not.toContain(`"${local}"`);
    expect(await crashed.db.audit.count({ selector: { command: 'sync/link-person' } }).exec()).toBe(1);

    // Hana signs in on this PC with her local password: the hash came along.
    const again = connectTestClient(crashed);
    expect(await again.call('auth/sign-in', { email: team.hr.email, password: 'local password 1' })).toMatchObject({ ok: true, value: { person: { id: team.hr.id } } });
    again.close();
  });
});

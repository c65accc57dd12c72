import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { cancel } from '../../../src-shared/workflows/instance-actions';
import { instanceFields } from '../../../src-shared/workflows/instance-document';
import type { Actor, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { replayEvents } from '../../../src-shared/workflows/replay';
import { startInstance } from '../../../src-shared/workflows/start';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { eventDocument } from '../../../src-main/workflows/workflow-documents';
import { baseFields, createTeam, editRow, leaveRecord, openTestDatabase, pull, push, startTestServer, team, type TestPerson, type TestServer } from './support/test-server';

/**
 * The sync server enforces the engine's and the projects' rules on pushed documents, through
 * `app.inject()` on a real (embedded) PostgreSQL: forged, gapped and late workflow events are
 * refused and logged, two PCs racing for one step leave one winner, a conflict record and an
 * instance equal to the replay, non-members cannot edit tasks, and a comment on an HR record
 * reaches only those who may read the record.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;

const definition: WorkflowDefinition = {
  workflow_code: 'PURCHASE',
  name: 'Purchase',
  version: 1,
  status: 'published',
  initial_step: 'review',
  steps: [
    { step_id: 'review', name: 'Review', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['decide'] },
    { step_id: 'decide', name: 'Decide', type: 'approval', assignee_type: 'user', assignee_value: [team.manager.id, team.admin.id], approval: { quorum: 'any' }, conditions: { approve: ['order'], reject: [] } },
    { step_id: 'order', name: 'Order', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: [] },
  ],
};
const actor = (p: TestPerson): Actor => ({ userId: p.id, name: p.name, roles: p.roles });
const at = (minutes: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + minutes * 60_000).toISOString();
/** The electronic signature the runtime binds into a decision (src-main/workflows/workflow-runtime.ts). */
const signed = (p: TestPerson, when: string, meaning: 'approved' | 'rejected' = 'approved') => ({ signature: { meaning, signerId: p.id, signerName: p.name, signedAt: when } });
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const eventRows = (events: WorkflowEvent[]) => events.map((e) => ({ newDocumentState: { ...eventDocument(e, ''), _deleted: false } as WireDocument }));
const instanceDoc = (instance: WorkflowInstance): WireDocument => ({
  ...baseFields(instance.id, instance.startedBy),
  ...instanceFields(instance, 'wfd-purchase-1'),
  updatedAt: instance.updatedAt,
  _deleted: false,
});

/** Starts an instance and has Max finish the review: it then waits for the manager's or the admin's decision. */
async function instanceAtDecision(id: string) {
  const started = must(startInstance(definition, { entityType: 'purchase', entityId: id, commandId: `${id}-start` }, actor(team.member), at(0), () => id));
  const reviewed = must(advance(definition, started.instance, { commandId: `${id}-review`, action: 'complete' }, actor(team.member), at(1)));
  const events = [...started.events, ...reviewed.events];
  expect((await push(server, tokens.member.accessToken, 'workflow_events', eventRows(events))).refused).toEqual([]);
  return { instance: reviewed.instance, events };
}

const serverEvents = async (instanceId: string) =>
  (await pull(server, tokens.admin.accessToken, 'workflow_events', null, 1000)).documents.filter((d) => d.instanceId === instanceId && !d._deleted).map((d) => d.data as WorkflowEvent);
const serverInstance = async (id: string) => (await pull(server, tokens.admin.accessToken, 'workflow_instances', null, 1000)).documents.find((d) => d.id === id);
const refusalsLogged = (id: string) => server.logs.filter((l) => l.event === 'authz.refused' && l.action === 'write' && l.id === id);

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
  const stored = { ...baseFields('wfd-purchase-1', team.admin.id), code: 'PURCHASE', version: 1, status: 'published', definition, commandIds: [], _deleted: false };
  expect((await push(server, tokens.admin.accessToken, 'workflow_definitions', [{ newDocumentState: stored }])).refused).toEqual([]);
});
afterAll(async () => server?.close());

describe('workflow events', () => {
  it('refuses and logs a vote forged by someone the step is not assigned to, and one sent in another’s name', async () => {
    const { instance, events } = await instanceAtDecision('WI-FORGE');
    // Max is no approver: the engine refuses his vote, so a PC that writes one anyway is refused too.
    const vote = must(advance(definition, instance, { commandId: 'v-mgr', action: 'approve', ...signed(team.manager, at(2)) }, actor(team.manager), at(2))).events;
    const forged = vote.map((e) => ({ ...e, actor: { userId: team.member.id }, ...(e.type === 'vote_recorded' ? { vote: { ...e.vote, userId: team.member.id } } : {}) }) as WorkflowEvent);
    const byMax = await push(server, tokens.member.accessToken, 'workflow_events', eventRows(forged));
    expect(byMax.refused[0]).toMatchObject({ id: forged[0]!.id, code: 'not_your_step' });
    expect(refusalsLogged(forged[0]!.id)).toContainEqual(expect.objectContaining({ personId: team.member.id, collection: 'workflow_events', code: 'not_your_step' }));
    // The manager's own vote, sent from Max's session, is refused too: people send only their own actions.
    expect((await push(server, tokens.member.accessToken, 'workflow_events', eventRows(vote))).refused[0]).toMatchObject({ code: 'forbidden' });
    expect(await serverEvents('WI-FORGE')).toHaveLength(events.length);
    // The manager sends it: taken, and the server's instance is the replay.
    expect((await push(server, tokens.manager.accessToken, 'workflow_events', eventRows(vote))).refused).toEqual([]);
    const held = await serverEvents('WI-FORGE');
    expect((await serverInstance('WI-FORGE'))?.state).toEqual(must(replayEvents(held)));
  });

  it('keeps an event with a gap before it waiting, and takes it once the events before it arrive', async () => {
    const { instance, events } = await instanceAtDecision('WI-GAP');
    const vote = must(advance(definition, instance, { commandId: 'v-gap', action: 'approve', ...signed(team.manager, at(2)) }, actor(team.manager), at(2))).events;
    const result = await push(server, tokens.manager.accessToken, 'workflow_events', eventRows(vote.slice(1)));
    expect(result).toMatchObject({ refused: [], conflicts: [], waiting: vote.slice(1).map((e) => e.id) });
    expect(await serverEvents('WI-GAP')).toHaveLength(events.length);
    expect((await push(server, tokens.manager.accessToken, 'workflow_events', eventRows(vote))).refused).toEqual([]);
    expect(await serverEvents('WI-GAP')).toHaveLength(events.length + vote.length);
  });

  it('refuses an event after the instance has ended', async () => {
    const { instance } = await instanceAtDecision('WI-END');
    const cancelled = must(cancel(definition, instance, { commandId: 'x-end' }, actor(team.member), at(2)));
    expect((await push(server, tokens.member.accessToken, 'workflow_events', eventRows(cancelled.events))).refused).toEqual([]);
    // Made offline on the state before the cancellation, numbered after it.
    const late = must(advance(definition, instance, { commandId: 'v-late', action: 'approve', ...signed(team.manager, at(3)) }, actor(team.manager), at(3))).events[0]!;
    const seq = cancelled.instance.eventCount;
    const moved = { ...late, seq, id: `${late.instanceId}-${String(seq).padStart(6, '0')}` } as WorkflowEvent;
    expect((await push(server, tokens.manager.accessToken, 'workflow_events', eventRows([moved]))).refused[0]).toMatchObject({ code: 'instance_closed' });
    expect((await serverInstance('WI-END'))?.status).toBe('cancelled');
  });

  it('two PCs deciding the same step offline: one wins, the other is kept as a conflict record, and both end on the server’s instance', async () => {
    const { instance } = await instanceAtDecision('WI-RACE');
    const approved = must(advance(definition, instance, { commandId: 'v-mgr-race', action: 'approve', ...signed(team.manager, at(5)) }, actor(team.manager), at(5)));
    const rejected = must(advance(definition, instance, { commandId: 'v-adm-race', action: 'reject', ...signed(team.admin, at(6), 'rejected') }, actor(team.admin), at(6)));
    expect(approved.events[0]!.id).toBe(rejected.events[0]!.id);

    // PC A (the manager) reaches the server first; its instance arrived before its events and is answered with the server's.
    const early = await push(server, tokens.manager.accessToken, 'workflow_instances', [{ newDocumentState: instanceDoc(approved.instance) }]);
    expect(early.conflicts[0]).toMatchObject({ id: 'WI-RACE', eventCount: instance.eventCount });
    expect((await push(server, tokens.manager.accessToken, 'workflow_events', eventRows(approved.events))).refused).toEqual([]);
    expect((await serverInstance('WI-RACE'))?.state).toEqual(approved.instance);

    // PC B (the admin): its run (vote, completion, end) collides with A's and loses event by event;
    // what it would have added after A's run is refused.
    const { actor: byAdmin, at: when, commandId } = rejected.events[0]!;
    const tail = { ...approved.events.at(-1)!, actor: byAdmin, at: when, commandId, seq: 7, id: 'WI-RACE-000007' } as WorkflowEvent;
    const lost = await push(server, tokens.admin.accessToken, 'workflow_events', eventRows([...rejected.events, tail]));
    expect(lost.conflicts.map((d) => d.id)).toEqual([...approved.events.map((e) => e.id), 'WI-RACE-000007']);
    expect(lost.conflicts.at(-1)).toMatchObject({ _deleted: true });
    expect(lost.conflicts[0]).toMatchObject({ data: expect.objectContaining({ vote: expect.objectContaining({ userId: team.manager.id }) }) });
    expect(lost.refused).toEqual([expect.objectContaining({ id: 'WI-RACE-000007', code: 'invalid_input' })]);
    const activity = await pull(server, tokens.admin.accessToken, 'activity', null, 1000);
    expect(activity.documents.find((d) => d.kind === 'conflict' && d.subjectId === rejected.events[0]!.id)).toMatchObject({
      subjectType: 'workflow_events',
      data: expect.objectContaining({ byId: team.admin.id, lostVersion: expect.objectContaining({ data: expect.objectContaining({ vote: expect.objectContaining({ decision: 'reject' }) }) }) }),
    });
    // B's instance (rejected) is answered with the server's, which is the replay of the server's events.
    const answered = await push(server, tokens.admin.accessToken, 'workflow_instances', [{ assumedMasterState: instanceDoc(instance), newDocumentState: instanceDoc(rejected.instance) }]);
    const held = await serverEvents('WI-RACE');
    expect(answered.conflicts[0]).toMatchObject({ id: 'WI-RACE', status: 'running', state: must(replayEvents(held)) });
    expect((await serverInstance('WI-RACE'))?.state).toEqual(must(replayEvents(held)));
    expect(held.every((e) => e.actor.userId !== team.admin.id)).toBe(true);
  });
});

describe('projects and tasks', () => {
  const project = { ...baseFields('PR-RULES', team.member.id), code: 'PR-RULES', name: 'Rules', status: 'active', isArchived: false, ownerId: team.member.id, teamIds: [team.manager.id], _deleted: false };
  const task = { ...baseFields('TK-RULES', team.member.id), projectId: 'PR-RULES', title: 'Calibrate', status: 'todo', kanbanRank: 'm', watcherIds: [], dependsOn: [], _deleted: false };

  it('refuses a task edit by someone outside the team, and takes one by a team member', async () => {
    expect((await push(server, tokens.member.accessToken, 'projects', [{ newDocumentState: project }])).refused).toEqual([]);
    expect((await push(server, tokens.member.accessToken, 'tasks', [{ newDocumentState: task }])).refused).toEqual([]);
    const byHana = await push(server, tokens.hr.accessToken, 'tasks', [editRow(task, { title: 'Taken over' }, team.hr.id)]);
    expect(byHana.refused[0]).toMatchObject({ id: 'TK-RULES', code: 'forbidden', message: expect.stringContaining('PR-RULES team') });
    expect(byHana.conflicts[0]).toMatchObject({ id: 'TK-RULES', title: 'Calibrate' });
    expect(refusalsLogged('TK-RULES')).toContainEqual(expect.objectContaining({ personId: team.hr.id, collection: 'tasks' }));
    expect((await push(server, tokens.manager.accessToken, 'tasks', [editRow(task, { title: 'Calibrate twice' }, team.manager.id)])).refused).toEqual([]);
    // Hana may still follow it, and nothing more.
    const current = (await pull(server, tokens.hr.accessToken, 'tasks', null, 1000)).documents.find((d) => d.id === 'TK-RULES')!;
    expect((await push(server, tokens.hr.accessToken, 'tasks', [editRow(current, { watcherIds: [team.hr.id] }, team.hr.id)])).refused).toEqual([]);
  });

  it('refuses a time entry on the task by someone else, and one logged by a non-member', async () => {
    const entry = { ...baseFields('TE-RULES', team.manager.id), kind: 'time_entry', subjectType: 'task', subjectId: 'TK-RULES', projectId: 'PR-RULES', personId: team.manager.id, at: at(0), data: { hours: 1 }, _deleted: false };
    expect((await push(server, tokens.member.accessToken, 'activity', [{ newDocumentState: entry }])).refused[0]).toMatchObject({ code: 'forbidden' });
    const byAdmin = { ...entry, id: 'TE-RULES-2', createdBy: team.admin.id, updatedBy: team.admin.id, personId: team.admin.id };
    expect((await push(server, tokens.admin.accessToken, 'activity', [{ newDocumentState: byAdmin }])).refused).toEqual([]);
    const byOutsider = { ...entry, id: 'TE-RULES-3', createdBy: 'P-OUT', updatedBy: 'P-OUT', personId: 'P-OUT' };
    expect((await push(server, tokens.manager.accessToken, 'activity', [{ newDocumentState: byOutsider }])).refused[0]).toMatchObject({ code: 'forbidden' });
  });
});

describe('comments on HR records', () => {
  const leave = leaveRecord('LR-NOTE', team.member.id);
  const note = { ...baseFields('CM-NOTE', team.hr.id), kind: 'comment', subjectType: 'records', subjectId: 'LR-NOTE', personId: team.hr.id, at: at(0), data: { body: 'Medical certificate received', subjectScope: { kind: 'equipment' } }, _deleted: false };
  const activityIds = async (token: string, checkpoint?: Parameters<typeof pull>[3]) => {
    const page = await pull(server, token, 'activity', checkpoint ?? null, 1000);
    return { ids: page.documents.filter((d) => !d._deleted).map((d) => d.id), gone: page.documents.filter((d) => d._deleted).map((d) => d.id), checkpoint: page.checkpoint };
  };

  it('reach HR, the person and their manager, and nobody else, whatever scope the PC claimed', async () => {
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: leave }])).refused).toEqual([]);
    expect((await push(server, tokens.hr.accessToken, 'activity', [{ newDocumentState: note }])).refused).toEqual([]);
    expect((await activityIds(tokens.hr.accessToken)).ids).toContain('CM-NOTE');
    expect((await activityIds(tokens.member.accessToken)).ids).toContain('CM-NOTE');
    expect((await activityIds(tokens.admin.accessToken)).ids).not.toContain('CM-NOTE');
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'authz.refused', action: 'read', collection: 'activity', personId: team.admin.id, ids: expect.arrayContaining(['CM-NOTE']) }));
  });

  it('follow the record: a manager who is no longer concerned loses the comment at the next pull', async () => {
    const before = await activityIds(tokens.manager.accessToken);
    expect(before.ids).toContain('CM-NOTE');
    // Max moves to another department: Mia no longer manages him.
    const people = await pull(server, tokens.admin.accessToken, 'people', null, 1000);
    const max = people.documents.find((d) => d.id === team.member.id)!;
    const moved = editRow(max, { departmentId: 'CHEM' }, team.admin.id);
    expect((await push(server, tokens.admin.accessToken, 'people', [moved])).refused).toEqual([]);
    expect((await activityIds(tokens.manager.accessToken, before.checkpoint)).gone).toContain('CM-NOTE');
    expect((await activityIds(tokens.admin.accessToken)).ids).not.toContain('CM-NOTE');
    expect((await push(server, tokens.admin.accessToken, 'people', [editRow(moved.newDocumentState, { departmentId: 'QC' }, team.admin.id)])).refused).toEqual([]);
  });

  it('stay with their author while the record has not reached the server, and refuse writers who may not read the record', async () => {
    const early = { ...note, id: 'CM-EARLY', subjectId: 'LR-LATER' };
    expect((await push(server, tokens.hr.accessToken, 'activity', [{ newDocumentState: early }])).refused).toEqual([]);
    expect((await activityIds(tokens.member.accessToken)).ids).not.toContain('CM-EARLY');
    expect((await activityIds(tokens.hr.accessToken)).ids).toContain('CM-EARLY');
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: leaveRecord('LR-LATER', team.member.id, {}, { startDate: '2026-03-02', endDate: '2026-03-03', days: 2 }) }])).refused).toEqual([]);
    expect((await activityIds(tokens.member.accessToken)).ids).toContain('CM-EARLY');
    const intruder = { ...note, id: 'CM-INTRUDER', createdBy: team.admin.id, updatedBy: team.admin.id, personId: team.admin.id };
    expect((await push(server, tokens.admin.accessToken, 'activity', [{ newDocumentState: { ...intruder, subjectId: 'LR-LATER' } }])).refused[0]).toMatchObject({ code: 'forbidden' });
  });
});

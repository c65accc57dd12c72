import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { Actor, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { snapshotOfRecord, type BoundRecord } from '../../../src-shared/workflows/record-binding';
import { startInstance } from '../../../src-shared/workflows/start';
import { leaveRequest } from '../../../src-shared/workflows/templates/leave-request';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { eventDocument } from '../../../src-main/workflows/workflow-documents';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { baseFields, createTeam, editRow, leaveRecord, openTestDatabase, personDoc, pull, push, signIn, startTestServer, team, type TestPerson, type TestServer } from './support/test-server';

/**
 * Workflows that act on records, enforced by the real sync server (`app.inject()` on PGlite): a
 * leave request's workflow-only "approved" is taken only with the approval event that made it, a
 * forged one is refused and logged, a forged move inside an event too, a run that read the record
 * with other managers than the team's; a start names a record the
 * person may read; and the instance and its events carry the record's scope, so a colleague's
 * pulls never hold them.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
const olga: TestPerson = { id: 'P-OLGA', name: 'Olga Other', email: 'olga@lab.org', roles: ['member'], password: 'olga password 12', departmentId: 'CHEM' };
let olgaToken: SessionTokens;

const definition: WorkflowDefinition = { ...leaveRequest, version: 1, status: 'published' };
const actor = (p: TestPerson): Actor => ({ userId: p.id, name: p.name, roles: p.roles });
const at = (minutes: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + minutes * 60_000).toISOString();
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const eventRows = (events: WorkflowEvent[]) => events.map((e) => ({ newDocumentState: { ...eventDocument(e, ''), _deleted: false } as WireDocument }));
/** The record as Max's PC sees it: his manager is Mia. */
const snapshot = (record: WireDocument, status = String(record.status)) => snapshotOfRecord({ ...(record as unknown as BoundRecord), status, managerIds: [team.manager.id] });
const signed = (meaning: 'approved' | 'rejected', minutes: number) => ({ meaning, signerId: team.manager.id, signerName: team.manager.name, signedAt: at(minutes) });

/** Max starts the leave request's workflow and applies; the events as his PC writes them. */
function applied(record: WireDocument, instanceId: string) {
  const started = must(startInstance(definition, { entityType: 'leave_request', entityId: String(record.id), requestedBy: team.member.id, commandId: `${instanceId}-s` }, actor(team.member), at(0), () => instanceId, { record: snapshot(record) }));
  const apply = must(advance(definition, started.instance, { commandId: `${instanceId}-a`, action: 'complete', data: { balance_checked: true } }, actor(team.member), at(1), { record: snapshot(record) }));
  return { instance: apply.instance, events: [...started.events, ...apply.events] };
}

/** Mia approves (or rejects) with her signature. */
function decided(instance: WorkflowInstance, record: WireDocument, action: 'approve' | 'reject' = 'approve') {
  return must(advance(definition, instance, { commandId: `${instance.id}-d`, action, signature: signed(action === 'approve' ? 'approved' : 'rejected', 3) }, actor(team.manager), at(3), { record: snapshot(record, 'submitted') }));
}

/** A leave request of Max's in its own month of 2026: leave requests refuse overlapping leave. */
const maxLeave = (id: string, month: string) => leaveRecord(id, team.member.id, { date: `2026-${month}-02` }, { startDate: `2026-${month}-02`, endDate: `2026-${month}-04` });
const refusalsLogged = (id: string) => server.logs.filter((l) => l.event === 'authz.refused' && l.action === 'write' && l.id === id);
const ids = async (token: SessionTokens, collection: string) => (await pull(server, token.accessToken, collection, null, 1000)).documents.filter((d) => !d._deleted).map((d) => String(d.id));
const serverRecord = async (id: string) => (await pull(server, tokens.hr.accessToken, 'records', null, 1000)).documents.find((d) => d.id === id);

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
  const stored = { ...baseFields('wfd-leave-1', team.admin.id), code: 'LEAVE_REQUEST', version: 1, status: 'published', definition, commandIds: [], _deleted: false };
  expect((await push(server, tokens.admin.accessToken, 'workflow_definitions', [{ newDocumentState: stored }])).refused).toEqual([]);
  expect((await push(server, tokens.admin.accessToken, 'people', [{ newDocumentState: personDoc(olga, await hashPassword(olga.password)) }])).refused).toEqual([]);
  olgaToken = await signIn(server, olga);
});
afterAll(async () => server?.close());

describe('a record moved by its workflow', () => {
  const draft = maxLeave('LR-WF', '02');
  const submitted = { ...draft, status: 'submitted' };
  let instance: WorkflowInstance;

  it('takes the submission by the person, and refuses and logs an “approved” no approval made', async () => {
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: draft }])).refused).toEqual([]);
    const run = applied(draft, 'WI-LR');
    instance = run.instance;
    expect((await push(server, tokens.member.accessToken, 'workflow_events', eventRows(run.events))).refused).toEqual([]);
    expect((await push(server, tokens.member.accessToken, 'records', [editRow(draft, { status: 'submitted' }, team.member.id)])).refused).toEqual([]);

    const forged = await push(server, tokens.member.accessToken, 'records', [editRow(submitted, { status: 'approved' }, team.member.id)]);
    expect(forged.refused).toEqual([expect.objectContaining({ id: 'LR-WF', code: 'forbidden', message: expect.stringContaining('approval workflow') })]);
    expect(forged.conflicts[0]).toMatchObject({ id: 'LR-WF', status: 'submitted' });
    expect(refusalsLogged('LR-WF')).toContainEqual(expect.objectContaining({ personId: team.member.id, collection: 'records', code: 'forbidden' }));
    expect((await serverRecord('LR-WF'))?.status).toBe('submitted');
  });

  it('takes “approved” with the manager’s approval event, and the record’s scope on the instance and its events', async () => {
    const decision = decided(instance, submitted);
    expect(decision.events.find((e) => e.type === 'step_completed')?.recordChanges).toEqual({ status: { from: 'submitted', to: 'approved' } });
    expect((await push(server, tokens.manager.accessToken, 'workflow_events', eventRows(decision.events))).refused).toEqual([]);
    expect((await push(server, tokens.manager.accessToken, 'records', [editRow(submitted, { status: 'approved' }, team.manager.id)])).refused).toEqual([]);
    expect((await serverRecord('LR-WF'))?.status).toBe('approved');

    const events = (await pull(server, tokens.hr.accessToken, 'workflow_events', null, 1000)).documents.filter((d) => d.instanceId === 'WI-LR');
    expect(events.length).toBe(decision.instance.eventCount);
    expect(events.every((e) => (e.subjectScope as { kind?: string; personId?: string; managerIds?: string[] }).personId === team.member.id)).toBe(true);
    expect(events[0]?.subjectScope).toMatchObject({ kind: 'leave_request', managerIds: [team.manager.id] });
    const onServer = (await pull(server, tokens.hr.accessToken, 'workflow_instances', null, 1000)).documents.find((d) => d.id === 'WI-LR');
    expect(onServer).toMatchObject({ status: 'running', subjectScope: { kind: 'leave_request', personId: team.member.id }, state: decision.instance });
  });

  it('reaches the person, their manager and HR, and nobody else', async () => {
    for (const token of [tokens.member, tokens.manager, tokens.hr]) {
      expect(await ids(token, 'workflow_instances')).toContain('WI-LR');
      expect((await ids(token, 'workflow_events')).filter((id) => id.startsWith('WI-LR-')).length).toBeGreaterThan(0);
    }
    for (const token of [olgaToken, tokens.admin]) {
      expect(await ids(token, 'workflow_instances')).not.toContain('WI-LR');
      expect((await ids(token, 'workflow_events')).filter((id) => id.startsWith('WI-LR-'))).toEqual([]);
    }
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'authz.refused', action: 'read', collection: 'workflow_events', personId: olga.id }));
  });
});

describe('forged workflow events about a record', () => {
  it('refuses an event that moves the record where its step does not', async () => {
    const record = maxLeave('LR-FORGE', '03');
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: record }])).refused).toEqual([]);
    const run = applied(record, 'WI-FORGE');
    const forged = run.events.map((e) => (e.type === 'step_completed' && e.stepId === 'apply' ? { ...e, recordChanges: { status: { from: 'draft', to: 'approved' } } } : e)) as WorkflowEvent[];
    const result = await push(server, tokens.member.accessToken, 'workflow_events', eventRows(forged));
    const index = forged.findIndex((e) => e.recordChanges?.status?.to === 'approved');
    expect(result.refused[0]).toMatchObject({ id: forged[index]!.id, code: 'forbidden', message: expect.stringContaining('which its step does not do') });
    expect(refusalsLogged(forged[index]!.id)).toHaveLength(1);
  });

  it('refuses a run that read the record with a friend as the person’s manager, so the approval would go to them', async () => {
    const record = maxLeave('LR-FRIEND', '04');
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: record }])).refused).toEqual([]);
    const withFriend = { ...snapshot(record), managerIds: [olga.id] };
    const started = must(startInstance(definition, { entityType: 'leave_request', entityId: 'LR-FRIEND', requestedBy: team.member.id, commandId: 'f-s' }, actor(team.member), at(0), () => 'WI-FRIEND', { record: withFriend }));
    const result = await push(server, tokens.member.accessToken, 'workflow_events', eventRows(started.events.slice(0, 1)));
    expect(result.refused[0]).toMatchObject({ id: started.events[0]!.id, code: 'forbidden', message: expect.stringContaining('manager') });
    expect(refusalsLogged(started.events[0]!.id)).toHaveLength(1);
    // The same start with the managers the team's directory has is taken.
    const honest = must(startInstance(definition, { entityType: 'leave_request', entityId: 'LR-FRIEND', requestedBy: team.member.id, commandId: 'h-s' }, actor(team.member), at(0), () => 'WI-HONEST', { record: snapshot(record) }));
    expect((await push(server, tokens.member.accessToken, 'workflow_events', eventRows(honest.events.slice(0, 1)))).refused).toEqual([]);
  });

  it('refuses a start on a record the person may not read, and one of another kind', async () => {
    const record = maxLeave('LR-PRIVATE', '05');
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: record }])).refused).toEqual([]);
    const asOlga = must(startInstance(definition, { entityType: 'leave_request', entityId: 'LR-PRIVATE', commandId: 'o-s' }, actor(olga), at(0), () => 'WI-OLGA'));
    expect((await push(server, olgaToken.accessToken, 'workflow_events', eventRows(asOlga.events.slice(0, 1)))).refused[0]).toMatchObject({ code: 'forbidden', message: expect.stringContaining('not shared with you') });
    const wrongKind = must(startInstance(definition, { entityType: 'purchase_request', entityId: 'PR-1', commandId: 'o-k' }, actor(olga), at(0), () => 'WI-KIND'));
    expect((await push(server, olgaToken.accessToken, 'workflow_events', eventRows(wrongKind.events.slice(0, 1)))).refused[0]).toMatchObject({ code: 'invalid_input' });
  });
});

describe('a request decided while its PC was offline', () => {
  it('takes the record pushed once as approved after the submission and the approval it never sent on their own', async () => {
    const draft = maxLeave('LR-OFFLINE', '06');
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: draft }])).refused).toEqual([]);
    const run = applied(draft, 'WI-OFFLINE');
    const decision = decided(run.instance, { ...draft, status: 'submitted' });
    expect((await push(server, tokens.member.accessToken, 'workflow_events', eventRows(run.events))).refused).toEqual([]);
    expect((await push(server, tokens.manager.accessToken, 'workflow_events', eventRows(decision.events))).refused).toEqual([]);
    expect((await push(server, tokens.manager.accessToken, 'records', [editRow(draft, { status: 'approved' }, team.manager.id)])).refused).toEqual([]);
    expect((await serverRecord('LR-OFFLINE'))?.status).toBe('approved');
  });

  it('keeps events that arrive before their record with the requester, then gives them the record’s scope', async () => {
    const draft = maxLeave('LR-LATE', '07');
    const run = applied(draft, 'WI-LATE');
    expect((await push(server, tokens.member.accessToken, 'workflow_events', eventRows(run.events))).refused).toEqual([]);
    const early = (await pull(server, tokens.member.accessToken, 'workflow_events', null, 1000)).documents.find((d) => d.id === run.events[0]!.id);
    expect(early?.subjectScope).toMatchObject({ kind: 'leave_request', personId: team.member.id, managerIds: [] });
    expect((await ids(olgaToken, 'workflow_events')).filter((id) => id.startsWith('WI-LATE-'))).toEqual([]);

    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: draft }])).refused).toEqual([]);
    const restamped = (await pull(server, tokens.member.accessToken, 'workflow_events', null, 1000)).documents.filter((d) => String(d.id).startsWith('WI-LATE-'));
    expect(restamped.map((d) => d.subjectScope)).toEqual(restamped.map(() => expect.objectContaining({ managerIds: [team.manager.id] })));
    const instance = (await pull(server, tokens.member.accessToken, 'workflow_instances', null, 1000)).documents.find((d) => d.id === 'WI-LATE');
    expect(instance?.subjectScope).toMatchObject({ managerIds: [team.manager.id] });
  });
});

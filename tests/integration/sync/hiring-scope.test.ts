import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateKind } from '../../../src-shared/hr/candidate-kind';
import { interviewScorecardKind } from '../../../src-shared/hr/interview-scorecard-kind';
import { interviewCriteria } from '../../../src-shared/hr/interviews';
import { jobRequisitionKind } from '../../../src-shared/hr/job-requisition-kind';
import type { AnyRecordKind } from '../../../src-shared/records/record-kind';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { Actor, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { snapshotOfRecord, type BoundRecord } from '../../../src-shared/workflows/record-binding';
import { startInstance } from '../../../src-shared/workflows/start';
import { hiring } from '../../../src-shared/workflows/templates/hiring';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { eventDocument } from '../../../src-main/workflows/workflow-documents';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { baseFields, createTeam, editRow, openTestDatabase, personDoc, pull, push, signIn, startTestServer, team, type TestPerson, type TestServer } from './support/test-server';

/**
 * Hiring on the real sync server (PGlite, `app.inject()`): a requisition is opened only through
 * its HIRING run (the server takes the moves from the run's events), and a scorecard is written
 * only by its interviewer — the hiring manager, who reads it, and a colleague are refused, as is
 * a submit with a criterion unscored. The interviewer never receives the candidate.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
let ottoSession: SessionTokens;
const otto: TestPerson = { id: 'P-OTTO', name: 'Otto Other', email: 'otto@lab.org', roles: ['member'], password: 'otto password 12' };
const mia = team.manager;
const ivan = team.member;
const definition: WorkflowDefinition = { ...hiring, version: 1, status: 'published' };
const at = (minutes: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + minutes * 60_000).toISOString();
const actor = (p: TestPerson): Actor => ({ userId: p.id, name: p.name, roles: p.roles });
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const row = (kind: AnyRecordKind, id: string, by: string, parentId: string, data: Record<string, unknown>): WireDocument => ({
  ...baseFields(id, by), kind: kind.kind, kindVersion: kind.version, title: kind.kind, status: kind.initialStatus, number: '', numberState: '',
  parentId, personId: '', managerIds: [], ownerId: '', departmentId: '', date: '', data, _deleted: false,
});
const stored = async (token: SessionTokens, id: string) => (await pull(server, token.accessToken, 'records', null, 1000)).documents.find((d) => d.id === id) as WireDocument;
const received = async (token: SessionTokens) => (await pull(server, token.accessToken, 'records', null, 1000)).documents.map((d) => String(d.id));
const pushEvents = (token: SessionTokens, events: readonly WorkflowEvent[]) =>
  push(server, token.accessToken, 'workflow_events', events.map((e) => ({ newDocumentState: { ...eventDocument(e, ''), _deleted: false } as WireDocument })));
const scores = (n: number) => interviewCriteria.slice(0, n).map((criterion) => ({ criterion, score: 4, comment: '' }));

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
  const wfd = { ...baseFields('wfd-hiring-1', team.admin.id), code: 'HIRING', version: 1, status: 'published', definition, commandIds: [], _deleted: false };
  expect((await push(server, tokens.admin.accessToken, 'workflow_definitions', [{ newDocumentState: wfd }])).refused).toEqual([]);
  expect((await push(server, tokens.admin.accessToken, 'people', [{ newDocumentState: personDoc(otto, await hashPassword(otto.password)) }])).refused).toEqual([]);
  ottoSession = await signIn(server, otto);

  // Mia files the requisition; her HIRING run submits it, HR approves it and it opens.
  const requisition = row(jobRequisitionKind, 'REQ-1', mia.id, '', { jobTitle: 'Analytical chemist', hiringManagerId: mia.id, jobDescription: 'HPLC' });
  expect((await push(server, tokens.manager.accessToken, 'records', [{ newDocumentState: requisition }])).refused).toEqual([]);
  const draft = await stored(tokens.manager, 'REQ-1');
  const snapshot = (status: string) => snapshotOfRecord({ ...(draft as unknown as BoundRecord), status });
  const started = must(startInstance(definition, { entityType: 'job_requisition', entityId: 'REQ-1', requestedBy: mia.id, commandId: 'mia-s' }, actor(mia), at(0), () => 'WI-REQ-1', { record: snapshot('draft') }));
  const submitted = must(advance(definition, started.instance, { commandId: 'mia-c', action: 'complete', data: { budget_agreed: true } }, actor(mia), at(1), { record: snapshot('draft') }));
  expect((await pushEvents(tokens.manager, [...started.events, ...submitted.events])).refused).toEqual([]);
  expect((await push(server, tokens.manager.accessToken, 'records', [editRow(draft, { status: 'submitted' }, mia.id)])).refused).toEqual([]);
  const instance: WorkflowInstance = submitted.instance;
  const approved = must(advance(definition, instance, { commandId: 'hana-a', action: 'approve', signature: { meaning: 'approved', signerId: team.hr.id, signerName: team.hr.name, signedAt: at(2) } }, actor(team.hr), at(2), { record: snapshot('submitted') }));
  expect((await pushEvents(tokens.hr, approved.events)).refused).toEqual([]);
  expect((await push(server, tokens.hr.accessToken, 'records', [editRow(await stored(tokens.hr, 'REQ-1'), { status: 'open' }, team.hr.id)])).refused).toEqual([]);

  // HR adds Clara, moves her to interviews and gives Ivan a scorecard.
  expect((await push(server, tokens.hr.accessToken, 'records', [{ newDocumentState: row(candidateKind, 'CAN-1', team.hr.id, 'REQ-1', { requisitionId: 'REQ-1', hiringManagerId: mia.id, name: 'Clara Chen' }) }])).refused).toEqual([]);
  expect((await push(server, tokens.hr.accessToken, 'records', [editRow(await stored(tokens.hr, 'CAN-1'), { status: 'interviews' }, team.hr.id)])).refused).toEqual([]);
  const scorecard = row(interviewScorecardKind, 'SC-IVAN', team.hr.id, 'CAN-1', { candidateId: 'CAN-1', hiringManagerId: mia.id, interviewerId: ivan.id, candidateName: 'Clara Chen', jobTitle: 'Analytical chemist', meetingId: '', scores: [], recommendation: '', summary: '' });
  expect((await push(server, tokens.hr.accessToken, 'records', [{ newDocumentState: scorecard }])).refused).toEqual([]);
});
afterAll(async () => server?.close());

describe('a requisition on the server', () => {
  it('was opened by its HIRING run, and is not submitted by a push without one', async () => {
    expect((await stored(tokens.hr, 'REQ-1')).status).toBe('open');
    expect((await push(server, tokens.manager.accessToken, 'records', [{ newDocumentState: row(jobRequisitionKind, 'REQ-2', mia.id, '', { jobTitle: 'Technician', hiringManagerId: mia.id, jobDescription: 'QC' }) }])).refused).toEqual([]);
    const pushed = await push(server, tokens.manager.accessToken, 'records', [editRow(await stored(tokens.manager, 'REQ-2'), { status: 'submitted' }, mia.id)]);
    expect(pushed.refused.map((r) => r.id)).toEqual(['REQ-2']);
  });
});

describe('a scorecard on the server', () => {
  it('reaches its interviewer, not the candidate; a colleague receives neither', async () => {
    expect(await received(tokens.member)).toContain('SC-IVAN');
    expect(await received(tokens.member)).not.toContain('CAN-1');
    expect(await received(ottoSession)).not.toContain('SC-IVAN');
  });

  it('is refused from the hiring manager and a colleague, and taken from its interviewer', async () => {
    const current = await stored(tokens.hr, 'SC-IVAN');
    const filled = { data: { ...(current.data as Record<string, unknown>), scores: scores(5), recommendation: 'hire', summary: 'Strong on HPLC' } };
    expect((await push(server, tokens.manager.accessToken, 'records', [editRow(current, filled, mia.id)])).refused.map((r) => r.id)).toEqual(['SC-IVAN']);
    expect((await push(server, ottoSession.accessToken, 'records', [editRow(current, filled, otto.id)])).refused.map((r) => r.id)).toEqual(['SC-IVAN']);
    expect((await push(server, tokens.hr.accessToken, 'records', [editRow(current, filled, team.hr.id)])).refused.map((r) => r.id)).toEqual(['SC-IVAN']);
    expect((await push(server, tokens.member.accessToken, 'records', [editRow(current, { data: { ...filled.data, scores: scores(3) } }, ivan.id)])).refused).toEqual([]);
  });

  it('is submitted only with every criterion scored', async () => {
    const partly = await stored(tokens.member, 'SC-IVAN');
    const early = await push(server, tokens.member.accessToken, 'records', [editRow(partly, { status: 'submitted' }, ivan.id)]);
    expect(early.refused).toEqual([expect.objectContaining({ id: 'SC-IVAN', message: expect.stringContaining('Communication, Teamwork still open') })]);
    const full = { ...(partly.data as Record<string, unknown>), scores: scores(5) };
    expect((await push(server, tokens.member.accessToken, 'records', [editRow(partly, { status: 'submitted', data: full }, ivan.id)])).refused).toEqual([]);
    expect((await stored(tokens.member, 'SC-IVAN')).status).toBe('submitted');
  });
});

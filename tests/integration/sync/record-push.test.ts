import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens } from '../../../src-shared/sync/protocol';
import { createTeam, editRow, leaveRecord, openTestDatabase, pull, push, startTestServer, team, type TestServer } from './support/test-server';

/**
 * Records pushed to the real sync server (embedded PostgreSQL): judged by their kind's declaration
 * with the server's own directory and documents — derived columns restamped, team numbers given in
 * the push transaction, the kind's invariant checked on the server's data.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
});
afterAll(async () => server?.close());

const request = (id: string, by: string, fields: Record<string, unknown> = {}) => ({
  ...leaveRecord(id, by, { kind: 'purchase_request', date: '' }),
  data: { itemName: `Item ${id}`, requesterId: by, quantity: 1, description: '', justification: '', supplierName: '' },
  ...fields,
});

describe('records pushed to the sync server', () => {
  it('replaces provisional numbers from two offline PCs with the team’s next numbers, and tells each PC', async () => {
    const a = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: request('PR-A', team.member.id, { number: 'PR-2026-PAAA-0001', numberState: 'provisional', createdAt: '2026-03-01T09:00:00.000Z' }) }]);
    const b = await push(server, tokens.manager.accessToken, 'records', [{ newDocumentState: request('PR-B', team.manager.id, { number: 'PR-2026-PBBB-0001', numberState: 'provisional', createdAt: '2026-03-01T09:05:00.000Z' }) }]);
    expect(a.refused).toEqual([]);
    expect(a.conflicts).toEqual([expect.objectContaining({ id: 'PR-A', number: 'PR-2026-0001', numberState: 'final' })]);
    expect(b.conflicts).toEqual([expect.objectContaining({ id: 'PR-B', number: 'PR-2026-0002', numberState: 'final' })]);
    // A later push of the PC's provisional copy never takes the number back.
    const again = await push(server, tokens.member.accessToken, 'records', [editRow(a.conflicts[0]!, { number: 'PR-2026-PAAA-0001', numberState: 'provisional', data: { ...(a.conflicts[0]!.data as object), quantity: 2 } }, team.member.id)]);
    expect(again.refused).toEqual([]);
    const stored = (await pull(server, tokens.admin.accessToken, 'records', null, 1000)).documents.find((d) => d.id === 'PR-A');
    expect(stored).toMatchObject({ number: 'PR-2026-0001', numberState: 'final', data: { quantity: 2 } });
  });

  it('keeps a final number from before a PC joined when it is free, and numbers past it', async () => {
    const kept = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: request('PR-OLD', team.member.id, { number: 'PR-2026-0040', numberState: 'final', createdAt: '2026-02-01T09:00:00.000Z' }) }]);
    expect(kept.refused).toEqual([]);
    expect(kept.conflicts.map((d) => d.number)).not.toContain('PR-2026-0041');
    expect((await pull(server, tokens.admin.accessToken, 'records', null, 1000)).documents.find((d) => d.id === 'PR-OLD')).toMatchObject({ number: 'PR-2026-0040', numberState: 'final' });
    const taken = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: request('PR-DUP', team.member.id, { number: 'PR-2026-0040', numberState: 'final', createdAt: '2026-02-01T09:00:00.000Z' }) }]);
    expect(taken.conflicts).toEqual([expect.objectContaining({ id: 'PR-DUP', number: 'PR-2026-0041' })]);
  });

  it('derives subject and managers from the data and its own directory, whatever the PC claims', async () => {
    const claimed = { ...leaveRecord('LR-CLAIM', team.member.id), personId: team.hr.id, managerIds: [team.admin.id] };
    const result = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: claimed }]);
    expect(result.refused).toEqual([]);
    expect(result.conflicts).toEqual([expect.objectContaining({ personId: team.member.id, managerIds: [team.manager.id], number: expect.stringMatching(/^LR-2026-\d{4}$/) })]);
    const adminSees = (await pull(server, tokens.admin.accessToken, 'records', null, 1000)).documents.map((d) => d.id);
    expect(adminSees).not.toContain('LR-CLAIM');
  });

  it('refuses what the kind forbids: a draft created approved, an approval by hand, another’s name, an unknown kind', async () => {
    type Row = { newDocumentState: Record<string, unknown>; assumedMasterState?: Record<string, unknown>; auditIds?: string[] };
    const refused = async (token: string, row: Row) => (await push(server, token, 'records', [row as never])).refused.map((r) => r.message);
    const created = (doc: Record<string, unknown>): Row => ({ newDocumentState: doc });
    expect(await refused(tokens.member.accessToken, created(leaveRecord('LR-X1', team.member.id, { status: 'approved' }, { startDate: '2026-09-01', endDate: '2026-09-01', days: 1 })))).toEqual([expect.stringContaining('starts as Draft')]);
    // Max files leave for Hana in his own name: the kind lets only the person or HR file it.
    const forHana = leaveRecord('LR-X2', team.hr.id, { createdBy: team.member.id, updatedBy: team.member.id }, { startDate: '2026-09-02', endDate: '2026-09-02', days: 1 });
    expect(await refused(tokens.member.accessToken, created(forHana))).toEqual([expect.stringContaining('can create')]);
    // … or in Hana's name: he is not its author (issue 18 §1).
    expect(await refused(tokens.member.accessToken, created(leaveRecord('LR-X2', team.hr.id, {}, { startDate: '2026-09-02', endDate: '2026-09-02', days: 1 })))).toEqual([expect.stringContaining('names someone else (createdBy)')]);
    const draft = leaveRecord('LR-X3', team.member.id, {}, { startDate: '2026-09-03', endDate: '2026-09-03', days: 1 });
    await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: draft }]);
    const stored = (await pull(server, tokens.member.accessToken, 'records', null, 1000)).documents.find((d) => d.id === 'LR-X3')!;
    const submit = editRow(stored, { status: 'submitted' }, team.member.id);
    expect((await push(server, tokens.member.accessToken, 'records', [submit])).refused).toEqual([]);
    const submitted = submit.newDocumentState;
    // The subject cannot approve their own request, write HR's note, or change it once submitted (issue 18 §2); nor can HR approve by hand.
    expect(await refused(tokens.member.accessToken, editRow(submitted, { status: 'approved' }, team.member.id))).toEqual([expect.stringContaining('approval workflow')]);
    expect(await refused(tokens.member.accessToken, editRow(submitted, { data: { ...(submitted.data as object), hrNote: 'Approved by HR' } }, team.member.id))).toEqual([expect.stringMatching(/^Only HR .*can change hr note/i)]);
    expect(await refused(tokens.member.accessToken, editRow(submitted, { data: { ...(submitted.data as object), days: 0.5 } }, team.member.id))).toEqual([expect.stringContaining('can be changed only while the leave request is Draft')]);
    expect(await refused(tokens.hr.accessToken, editRow(submitted, { status: 'approved' }, team.hr.id))).toEqual([expect.stringContaining('approval workflow')]);
    expect(await refused(tokens.hr.accessToken, editRow(submitted, { data: { ...(submitted.data as object), hrNote: 'Balance checked' } }, team.hr.id))).toEqual([]);
    expect(await refused(tokens.member.accessToken, created({ ...draft, id: 'XX-1', kind: 'time_machine' }))).toEqual([expect.stringContaining('does not know')]);
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'authz.refused', action: 'write', collection: 'records', id: 'XX-1' }));
  });

  it('runs the kind’s invariant on the server’s own documents: overlapping leave is refused', async () => {
    const first = leaveRecord('LR-OV1', team.member.id, {}, { startDate: '2026-10-05', endDate: '2026-10-09', days: 5 });
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: first }])).refused).toEqual([]);
    const second = leaveRecord('LR-OV2', team.member.id, {}, { startDate: '2026-10-09', endDate: '2026-10-12', days: 2 });
    const result = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: second }]);
    expect(result.refused).toEqual([expect.objectContaining({ id: 'LR-OV2', code: 'forbidden', message: expect.stringContaining('overlaps') })]);
  });
});

describe('a record a PC cannot have made', () => {
  it('refuses a record whose data lacks what its title is made from, and answers the rest of the push', async () => {
    const broken = { ...leaveRecord('SC-BROKEN', team.member.id, { kind: 'interview_scorecard', date: '' }), data: {} };
    const result = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: broken }, { newDocumentState: request('PR-NEXT', team.member.id, { number: 'PR-2026-PNXT-0001', numberState: 'provisional' }) }]);
    expect(result.refused).toEqual([expect.objectContaining({ id: 'SC-BROKEN', code: 'invalid_input', message: expect.stringContaining('missing information') })]);
    expect(result.conflicts.find((d) => d.id === 'PR-NEXT')).toMatchObject({ numberState: 'final' });
  });
});

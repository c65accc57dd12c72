import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetKind } from '../../../src-shared/finance/budget-kind';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { baseFields, createTeam, openTestDatabase, personDoc, pull, push, signIn, startTestServer, team, type TestPerson, type TestServer } from './support/test-server';

/**
 * Budgets on the real sync server (PGlite, `app.inject()`): the server runs the kind's rules and
 * invariant on a push — a project budget is held by the project's manager, nobody drafts one in
 * another's name, and nobody approves one by hand — and on a pull hands a budget only to its
 * holder, their manager, finance and administrators.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
const fay: TestPerson = { id: 'P-FAY', name: 'Fay Finance', email: 'fay@lab.org', roles: ['finance'], password: 'finance password 1' };
let fayToken: SessionTokens;

const budgetRow = (id: string, by: string, data: Record<string, unknown>, status = 'draft'): WireDocument => ({
  ...baseFields(id, by), kind: budgetKind.kind, kindVersion: budgetKind.version, title: 'budget', status, number: '', numberState: '',
  parentId: '', personId: '', managerIds: [], ownerId: '', departmentId: '', date: '', _deleted: false,
  data: { holder: 'project', projectId: 'PR-PCR', personId: team.member.id, year: 2027, lines: [{ category: 'personnel', amountMinor: 600_000, note: '' }], total: { amountMinor: 600_000, currency: 'EUR' }, version: 1, ...data },
});
const received = async (token: SessionTokens) => (await pull(server, token.accessToken, 'records', null, 1000)).documents.filter((d) => !d._deleted).map((d) => String(d.id));

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
  expect((await push(server, tokens.admin.accessToken, 'people', [{ newDocumentState: personDoc(fay, await hashPassword(fay.password)) }])).refused).toEqual([]);
  fayToken = await signIn(server, fay);
  const project = { ...baseFields('PR-PCR', team.member.id), code: 'PCR-2027', name: 'PCR assay', description: '', status: 'active', isArchived: false, ownerId: team.member.id, teamIds: [], tags: [], _deleted: false };
  expect((await push(server, tokens.member.accessToken, 'projects', [{ newDocumentState: project }])).refused).toEqual([]);
});
afterAll(async () => server?.close());

describe('a budget pushed to the sync server', () => {
  it('is refused when it is not held by the project manager, drafted in another\'s name, or approved by hand', async () => {
    const notTheManager = await push(server, tokens.manager.accessToken, 'records', [{ newDocumentState: budgetRow('BUD-MIA', team.manager.id, { personId: team.manager.id }) }]);
    expect(notTheManager.refused).toEqual([expect.objectContaining({ id: 'BUD-MIA', message: expect.stringContaining('held by the project manager') })]);
    const inHisName = await push(server, tokens.hr.accessToken, 'records', [{ newDocumentState: budgetRow('BUD-HR', team.hr.id, {}) }]);
    expect(inHisName.refused).toEqual([expect.objectContaining({ id: 'BUD-HR' })]);
    const approvedByHand = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: budgetRow('BUD-SELF', team.member.id, {}, 'approved') }]);
    expect(approvedByHand.refused).toEqual([expect.objectContaining({ id: 'BUD-SELF' })]);
    const badTotal = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: budgetRow('BUD-SUM', team.member.id, { total: { amountMinor: 1, currency: 'EUR' } }) }]);
    expect(badTotal.refused).toEqual([expect.objectContaining({ id: 'BUD-SUM' })]);
  });

  it('is taken from its holder and reaches only him, his manager, finance and administrators', async () => {
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: budgetRow('BUD-MAX', team.member.id, {}) }])).refused).toEqual([]);
    expect(await received(tokens.member)).toContain('BUD-MAX');
    expect(await received(tokens.manager)).toContain('BUD-MAX');
    expect(await received(fayToken)).toContain('BUD-MAX');
    expect(await received(tokens.admin)).toContain('BUD-MAX');
    expect(await received(tokens.hr)).not.toContain('BUD-MAX');
  });
});

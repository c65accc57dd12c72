import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expenseClaimKind } from '../../../src-shared/finance/expense-claim-kind';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { baseFields, createTeam, openTestDatabase, personDoc, pull, push, signIn, startTestServer, team, type TestPerson, type TestServer } from './support/test-server';

/**
 * Expense claims on the real sync server (PGlite, `app.inject()`): the claimant, their manager (head
 * of Max's department, whose claims she approves) and finance receive a claim at pull; a colleague,
 * HR and the administrator do not. The server enforces the claim's rules itself: nobody submits a
 * claim by a push (only the EXPENSE_CLAIM workflow does), a receipt must be a file of the claim,
 * and a claim cannot be pushed in someone else's name.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
const fay: TestPerson = { id: 'P-FAY', name: 'Fay Finance', email: 'fay@lab.org', roles: ['finance'], password: 'finance password 1' };
const otto: TestPerson = { id: 'P-OTTO', name: 'Otto Other', email: 'otto@lab.org', roles: ['member'], password: 'otto password 12', departmentId: 'QC' };
const session: Record<'fay' | 'otto', SessionTokens> = {} as Record<'fay' | 'otto', SessionTokens>;

const line = { id: 'l1', date: '2026-03-02', category: 'meals', description: 'Dinner with the auditor', amountMinor: 2_000, currency: 'EUR', costCentre: 'QC' };
const claimRow = (id: string, personId: string, extra: Record<string, unknown> = {}, data: Record<string, unknown> = {}): WireDocument => ({
  ...baseFields(id, personId), kind: expenseClaimKind.kind, kindVersion: expenseClaimKind.version, title: 'Claim', status: 'draft', number: '', numberState: '',
  parentId: '', personId, managerIds: [], ownerId: '', departmentId: '', date: '',
  data: { personId, purpose: 'Audit visit', lines: [line], total: { amountMinor: 2_000, currency: 'EUR' }, reimbursementReference: '', ...data }, _deleted: false, ...extra,
});

/** A receipt: an attachment entry on a claim (its bytes are not needed to judge the entry). */
const receiptRow = (id: string, personId: string, claimId: string): WireDocument => ({
  ...baseFields(id, personId), kind: 'attachment', subjectType: 'records', subjectId: claimId, at: '2026-03-02T10:00:00.000Z', personId,
  data: { name: 'receipt.pdf', mediaType: 'application/pdf', size: 4, sha256: 'a'.repeat(64), source: 'upload' }, _deleted: false,
});

async function received(token: SessionTokens): Promise<string[]> {
  return (await pull(server, token.accessToken, 'records', null, 1000)).documents.filter((d) => !d._deleted).map((d) => String(d.id));
}

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
  const hashes = await Promise.all([fay, otto].map((p) => hashPassword(p.password)));
  expect((await push(server, tokens.admin.accessToken, 'people', [fay, otto].map((p, i) => ({ newDocumentState: personDoc(p, hashes[i]) })))).refused).toEqual([]);
  session.fay = await signIn(server, fay);
  session.otto = await signIn(server, otto);
  expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: claimRow('EXP-MAX', team.member.id) }])).refused).toEqual([]);
});
afterAll(async () => server?.close());

describe('who receives an expense claim at pull', () => {
  it('the claimant, the manager who approves it and finance', async () => {
    expect(await received(tokens.member)).toContain('EXP-MAX');
    expect(await received(tokens.manager)).toContain('EXP-MAX');
    expect(await received(session.fay)).toContain('EXP-MAX');
  });

  it('not a colleague in the same department, HR or the administrator', async () => {
    expect(await received(session.otto)).not.toContain('EXP-MAX');
    expect(await received(tokens.hr)).not.toContain('EXP-MAX');
    expect(await received(tokens.admin)).not.toContain('EXP-MAX');
  });
});

describe('a claim made offline with its receipt', () => {
  it('is taken as a draft before its receipt arrives, and the receipt after it', async () => {
    // The PC pushes records before activity (a receipt's entry needs its claim on the server first).
    const claim = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: claimRow('EXP-OFFLINE', team.member.id, {}, { lines: [{ ...line, receiptAttachmentId: 'AT-OFFLINE' }] }) }]);
    expect(claim).toMatchObject({ refused: [], waiting: [] });
    const receipt = await push(server, tokens.member.accessToken, 'activity', [{ newDocumentState: receiptRow('AT-OFFLINE', team.member.id, 'EXP-OFFLINE') }]);
    expect(receipt.refused).toEqual([]);
    const stored = (await pull(server, tokens.member.accessToken, 'records', null, 1000)).documents.find((d) => d.id === 'EXP-OFFLINE');
    expect((stored?.data as { lines: { receiptAttachmentId?: string }[] }).lines[0]?.receiptAttachmentId).toBe('AT-OFFLINE');
  });
});

describe('what the server refuses of a pushed claim', () => {
  it('a claim submitted or approved by a push instead of the workflow', async () => {
    const submitted = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: claimRow('EXP-SUB', team.member.id, { status: 'submitted' }) }]);
    expect(submitted.refused.map((r) => r.id)).toEqual(['EXP-SUB']);
    const approved = await push(server, session.fay.accessToken, 'records', [{ newDocumentState: claimRow('EXP-MAX', team.member.id, { status: 'approved' }) }]);
    expect(approved.refused.map((r) => r.id)).toEqual(['EXP-MAX']);
  });

  it('a receipt that is a file of another claim, and a claim in someone else\'s name', async () => {
    const onOther = await push(server, tokens.member.accessToken, 'activity', [{ newDocumentState: receiptRow('AT-OF-MAX', team.member.id, 'EXP-MAX') }]);
    expect(onOther.refused).toEqual([]);
    const stray = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: claimRow('EXP-STRAY', team.member.id, {}, { lines: [{ ...line, receiptAttachmentId: 'AT-OF-MAX' }] }) }]);
    expect(stray.refused).toEqual([expect.objectContaining({ id: 'EXP-STRAY', message: 'The receipt of line 1 is not a file of this claim; attach it here and choose it again.' })]);
    const forged = await push(server, session.otto.accessToken, 'records', [{ newDocumentState: { ...claimRow('EXP-FORGED', team.member.id), createdBy: otto.id, updatedBy: otto.id } }]);
    expect(forged.refused.map((r) => r.id)).toEqual(['EXP-FORGED']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens } from '../../../src-shared/sync/protocol';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { createTeam, editRow, leaveRecord, openTestDatabase, pull, push, startTestServer, team, type TestServer } from './support/test-server';

/**
 * Invoices on the real sync server: gapless numbers given only by the server, in the order issued
 * invoices reach it (whatever number a PC claims), finance-only scope on push and pull, and the
 * payment kind's allocation rule judged on the server's own documents — a voided payment no longer
 * counting, and a reimbursement paying only an expense claim.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
});
afterAll(async () => server?.close());

const line = { id: 'l1', description: 'Stability study', unit: 'each', quantity: 1, unitPriceMinor: 100_000, discountPercent: 0, taxRatePercent: 19 };
const invoice = (id: string, by: string): WireDocument => ({
  ...leaveRecord(id, by, { kind: 'invoice', title: 'Stability study', personId: '', date: '' }),
  data: { organisationId: 'ORG-1', currency: 'EUR', lines: [line], taxRounding: 'per_line', total: { amountMinor: 119_000, currency: 'EUR' }, paymentTermsDays: 30, customerReference: '', notes: '' },
});
const issuedData = (doc: WireDocument) => ({ ...(doc.data as object), issuedOn: '2026-03-02', dueOn: '2026-04-01' });
const stored = async (id: string) => (await pull(server, tokens.admin.accessToken, 'records', null, 1000)).documents.find((d) => d.id === id)!;

describe('invoices on the sync server', () => {
  it('numbers issued invoices without gaps in the order they arrive, ignoring a number a PC claims', async () => {
    const drafts = await push(server, tokens.admin.accessToken, 'records', ['INV-A', 'INV-B', 'INV-C'].map((id) => ({ newDocumentState: invoice(id, team.admin.id) })));
    expect(drafts.refused).toEqual([]);
    expect((await stored('INV-A')).number).toBe('');
    // Two PCs issued while offline; B reaches the server first, then A claiming a number of its own, then C.
    const b = await push(server, tokens.admin.accessToken, 'records', [editRow(await stored('INV-B'), { status: 'issued', data: issuedData(await stored('INV-B')) }, team.admin.id)]);
    const a = await push(server, tokens.admin.accessToken, 'records', [editRow(await stored('INV-A'), { status: 'issued', number: 'INV-2026-0040', numberState: 'final', data: issuedData(await stored('INV-A')) }, team.admin.id)]);
    const c = await push(server, tokens.admin.accessToken, 'records', [editRow(await stored('INV-C'), { status: 'issued', data: issuedData(await stored('INV-C')) }, team.admin.id)]);
    expect([b, a, c].flatMap((r) => r.refused)).toEqual([]);
    const numbers = [await stored('INV-B'), await stored('INV-A'), await stored('INV-C')].map((d) => [d.number, d.numberState]);
    const year = String(numbers[0]![0]).slice(4, 8);
    expect(numbers).toEqual([[`INV-${year}-0001`, 'final'], [`INV-${year}-0002`, 'final'], [`INV-${year}-0003`, 'final']]);
  });

  it('keeps invoices from people outside finance, on push and on pull', async () => {
    const pushed = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: invoice('INV-MAX', team.member.id) }]);
    expect(pushed.refused.map((r) => r.id)).toEqual(['INV-MAX']);
    const seen = (await pull(server, tokens.member.accessToken, 'records', null, 1000)).documents.map((d) => d.kind);
    expect(seen).not.toContain('invoice');
  });

  it('refuses a payment that allocates more than an invoice owes, judged on the server’s documents', async () => {
    const payment = (id: string, amountMinor: number): WireDocument => ({
      ...leaveRecord(id, team.admin.id, { kind: 'payment', title: 'Received', status: 'recorded', personId: '', parentId: 'ORG-1', date: '2026-03-10' }),
      data: { direction: 'incoming', organisationId: 'ORG-1', amount: { amountMinor, currency: 'EUR' }, paidOn: '2026-03-10', reference: '', allocations: [{ invoiceId: 'INV-B', amountMinor }] },
    });
    const part = await push(server, tokens.admin.accessToken, 'records', [{ newDocumentState: payment('PAY-1', 100_000) }]);
    expect(part.refused).toEqual([]);
    const beyond = await push(server, tokens.admin.accessToken, 'records', [{ newDocumentState: payment('PAY-2', 20_000) }]);
    expect(beyond.refused).toEqual([expect.objectContaining({ id: 'PAY-2', message: expect.stringMatching(/owes less than that/) })]);
    // Marking the invoice paid while it still owes 190.00 is refused too; partly paid is what it is.
    const paid = await push(server, tokens.admin.accessToken, 'records', [editRow(await stored('INV-B'), { status: 'paid' }, team.admin.id)]);
    expect(paid.refused).toEqual([expect.objectContaining({ id: 'INV-B', message: expect.stringMatching(/still owes money/) })]);
    const partly = await push(server, tokens.admin.accessToken, 'records', [editRow(await stored('INV-B'), { status: 'partly_paid' }, team.admin.id)]);
    expect(partly.refused).toEqual([]);
  });

  it('takes a voided payment: the invoice owes it again and goes back to issued; a reimbursement pays only an expense claim', async () => {
    const voided = await push(server, tokens.admin.accessToken, 'records', [editRow(await stored('PAY-1'), { status: 'voided' }, team.admin.id)]);
    expect(voided.refused).toEqual([]);
    // The server counts the voided payment no more: the invoice is neither paid nor partly paid.
    const stillPaid = await push(server, tokens.admin.accessToken, 'records', [editRow(await stored('INV-B'), { status: 'paid' }, team.admin.id)]);
    expect(stillPaid.refused).toEqual([expect.objectContaining({ id: 'INV-B', message: 'Nothing has been paid or credited on this invoice yet.' })]);
    const back = await push(server, tokens.admin.accessToken, 'records', [editRow(await stored('INV-B'), { status: 'issued' }, team.admin.id)]);
    expect(back.refused).toEqual([]);
    const reimbursement: WireDocument = {
      ...leaveRecord('PAY-R', team.admin.id, { kind: 'payment', title: 'Reimbursed', status: 'recorded', personId: '', parentId: 'INV-A', date: '2026-03-10' }),
      data: { direction: 'outgoing', expenseClaimId: 'INV-A', payeeId: team.member.id, amount: { amountMinor: 100, currency: 'EUR' }, paidOn: '2026-03-10', reference: '', allocations: [] },
    };
    const refused = await push(server, tokens.admin.accessToken, 'records', [{ newDocumentState: reimbursement }]);
    expect(refused.refused).toEqual([expect.objectContaining({ id: 'PAY-R', message: expect.stringContaining('Only an expense claim is reimbursed') })]);
  });
});

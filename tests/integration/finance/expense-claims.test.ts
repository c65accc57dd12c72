import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { ExpenseReport } from '../../../src-shared/finance/expense-report';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { attach } from '../files/file-fixture';
import { openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { handClock, value, type Client } from '../tasks/project-fixture';
import { createFinanceTeam, type FinanceTeam } from './finance-team';

/**
 * Expense claims on a real host and SQLite file, through the commands the screens use
 * (`records/create|update`, `workflows/instances/start|advance`, `attachments/add`): bad input is
 * refused at its field, nobody claims for someone else, finance's policy refuses the submit step
 * until the receipt is attached to the claim, the manager and finance approve (above 250.00), and
 * finance reimburses it: an outgoing payment recorded against the claim (`finance/expenses/reimburse`,
 * once, its whole total), after which the payment step makes the claim reimbursed.
 */
const password = 'long enough password';
const cid = () => `c-${Math.random().toString(36).slice(2)}`;
let host: Host;
let people: FinanceTeam;

const hotel = { id: 'l1', date: '2026-03-02', category: 'accommodation', description: 'Hotel, two nights', amountMinor: 19_000, currency: 'EUR', costCentre: 'QC' };
const drive = { id: 'l2', date: '2026-03-02', category: 'mileage', description: 'To the airport', amountMinor: 7_500, currency: 'EUR', costCentre: 'QC', distanceKm: 250, rateMinorPerKm: 30 };
const claimData = (lines: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  personId: people.max.id, purpose: 'Audit visit in Berlin', lines, total: { amountMinor: lines.reduce((s, l) => s + Number(l.amountMinor), 0), currency: 'EUR' }, ...extra,
});

const read = async (id: string) => value(await people.max.client.subscribe('records/get', { id }).next<RecordView>());

beforeAll(async () => {
  host = await openSqliteHost(tempDataDir(), { clock: handClock('2026-03-05T09:00:00.000Z').clock, sessionTimeoutMs: 86_400_000 });
  ({ people } = await createFinanceTeam(host, password, 'EXPENSE_CLAIM'));
});
afterAll(async () => host?.close());

describe('filling in a claim', () => {
  it('refuses bad input at its field: no purpose, a total that is not the lines, a mileage amount that is not km × rate, a line charged to nothing', async () => {
    const max = people.max.client;
    expect(await max.call('records/create', { kind: 'expense_claim', data: claimData([hotel], { purpose: ' ' }) })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.purpose' } });
    expect(await max.call('records/create', { kind: 'expense_claim', data: { ...claimData([hotel]), total: { amountMinor: 1, currency: 'EUR' } } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.total' } });
    expect(await max.call('records/create', { kind: 'expense_claim', data: claimData([{ ...drive, amountMinor: 9_000 }]) })).toMatchObject({ ok: false, error: { field: 'data.lines.0.amountMinor' } });
    expect(await max.call('records/create', { kind: 'expense_claim', data: claimData([{ ...hotel, costCentre: '' }]) })).toMatchObject({ ok: false, error: { field: 'data.lines.0.costCentre', message: 'Charge it to a project or a cost centre.' } });
    expect(await max.call('records/create', { kind: 'expense_claim', data: claimData([{ ...hotel, amountMinor: -5 }]) })).toMatchObject({ ok: false, error: { field: 'data.lines.0.amountMinor' } });
  });

  it('refuses a claim in someone else\'s name, and hides a claim from a colleague', async () => {
    expect(await people.otto.client.call('records/create', { kind: 'expense_claim', data: claimData([hotel]) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const claim = value(await people.max.client.call<RecordView>('records/create', { kind: 'expense_claim', data: claimData([]) }));
    expect(claim).toMatchObject({ status: 'draft', kindLabel: 'Expense claim', number: expect.stringMatching(/^EXP-2026-\d{4}$/) });
    expect(await people.otto.client.subscribe('records/get', { id: claim.id }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await people.max.client.call('records/transition', { id: claim.id, to: 'submitted' })).toMatchObject({ ok: false });
  });
});

describe('a claim through its approval', () => {
  it('is refused at submit without its receipt, then approved by the manager and finance and reimbursed by finance', async () => {
    const max = people.max.client;
    const claim = value(await max.call<RecordView>('records/create', { kind: 'expense_claim', data: claimData([hotel, drive]) }));
    const run = value(await max.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'EXPENSE_CLAIM', entityType: 'expense_claim', entityId: claim.id }));
    const submit = { commandId: cid(), instanceId: run.id, action: 'complete', data: { receipts_complete: true } };
    expect(await max.call('workflows/instances/advance', submit)).toMatchObject({ ok: false, error: { message: expect.stringContaining('Line 1: Accommodation: every line needs a receipt') } });
    expect((await read(claim.id)).status).toBe('draft');

    // A receipt on another record does not count; the one attached to the claim does.
    const other = value(await max.call<RecordView>('records/create', { kind: 'expense_claim', data: claimData([]) }));
    const stray = value(await attach(host, max, { subjectType: 'records', subjectId: other.id }, 'stray.pdf', Buffer.from('%PDF-1.4 stray')));
    expect(await max.call('records/update', { id: claim.id, data: claimData([{ ...hotel, receiptAttachmentId: stray.id }, drive]) })).toMatchObject({ ok: false, error: { field: 'data.lines.0.receiptAttachmentId' } });
    const receipt = value(await attach(host, max, { subjectType: 'records', subjectId: claim.id }, 'hotel.pdf', Buffer.from('%PDF-1.4 hotel')));
    value(await max.call('records/update', { id: claim.id, data: claimData([{ ...hotel, receiptAttachmentId: receipt.id }, drive]) }));
    value(await max.call('workflows/instances/advance', { ...submit, commandId: cid() }));
    expect((await read(claim.id)).status).toBe('submitted');
    // Submitted: the claimant can no longer change it.
    expect(await max.call('records/update', { id: claim.id, data: claimData([{ ...hotel, receiptAttachmentId: receipt.id }]) })).toMatchObject({ ok: false });

    // 265.00 is above the finance level: the manager, then finance, each signing.
    const approve = (client: Client) => client.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'approve', signature: { password, meaning: 'approved' } });
    expect(await approve(people.otto.client)).toMatchObject({ ok: false });
    value(await approve(people.mia.client));
    expect((await read(claim.id)).status).toBe('submitted');
    value(await approve(people.fay.client));
    expect((await read(claim.id)).status).toBe('approved');

    // Finance pays: the payment step refuses to make the claim reimbursed before its payment is recorded.
    const pay = (data: Record<string, unknown>) => people.fay.client.call('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'complete', data });
    expect(await pay({ reimbursed_on: '2026-03-06' })).toMatchObject({ ok: false, error: { field: 'data.payment_reference' } });
    expect(await pay({ reimbursed_on: '2026-03-06', payment_reference: 'SEPA-0815' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Record the reimbursement payment first') } });
    expect((await read(claim.id)).status).toBe('approved');

    // The reimbursement: bad input refused at its field, only finance pays, and only the whole total, once.
    const reimburse = (client: Client, input: Record<string, unknown>) => client.call<{ payment: RecordView; instanceId: string | null }>('finance/expenses/reimburse', { claimId: claim.id, paidOn: '2026-03-06', reference: 'SEPA-0815', ...input });
    expect(await reimburse(people.fay.client, { reference: ' ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reference' } });
    expect(await reimburse(people.fay.client, { paidOn: '6 March' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'paidOn' } });
    expect(await reimburse(people.fay.client, { amount: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await reimburse(people.otto.client, {})).toMatchObject({ ok: false, error: { field: 'claimId' } });
    expect(await reimburse(people.max.client, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await people.fay.client.call('records/create', { kind: 'payment', data: { direction: 'outgoing', expenseClaimId: claim.id, payeeId: people.max.id, amount: { amountMinor: 1_000, currency: 'EUR' }, paidOn: '2026-03-06' } }))
      .toMatchObject({ ok: false, error: { field: 'data.amount', message: expect.stringContaining('with its total, in EUR') } });
    expect(await people.fay.client.call('records/create', { kind: 'payment', data: { direction: 'outgoing', expenseClaimId: claim.id, payeeId: people.fay.id, amount: { amountMinor: 26_500, currency: 'EUR' }, paidOn: '2026-03-06' } }))
      .toMatchObject({ ok: false, error: { field: 'data.payeeId' } });
    const { payment, instanceId } = value(await reimburse(people.fay.client, {}));
    expect(payment).toMatchObject({ kind: 'payment', status: 'recorded', title: 'Reimbursed: SEPA-0815', data: { direction: 'outgoing', expenseClaimId: claim.id, payeeId: people.max.id, amount: { amountMinor: 26_500, currency: 'EUR' } } });
    expect(instanceId).toBe(run.id);
    expect(await reimburse(people.fay.client, {})).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('reimbursed already') } });
    expect(await people.fay.client.call('records/create', { kind: 'payment', data: { direction: 'outgoing', expenseClaimId: claim.id, payeeId: people.max.id, amount: { amountMinor: 26_500, currency: 'EUR' }, paidOn: '2026-03-06' } }))
      .toMatchObject({ ok: false, error: { message: expect.stringContaining('reimbursed already') } });

    // With the payment recorded, the step makes the claim reimbursed; the date and reference land on it.
    value(await pay({ reimbursed_on: '2026-03-06', payment_reference: 'SEPA-0815' }));
    const paid = await read(claim.id);
    expect(paid).toMatchObject({ status: 'reimbursed', statusLabel: 'Reimbursed', data: { reimbursedOn: '2026-03-06', reimbursementReference: 'SEPA-0815' } });
  });
});

describe('the expense report', () => {
  it('sums approved and reimbursed lines by cost centre and category for finance, and a claimant\'s own only for them', async () => {
    const report = (client: Client, input: Record<string, unknown> = {}) => client.subscribe('finance/expense-report', input).next<ExpenseReport>();
    const forFinance = value(await report(people.fay.client, { from: '2026-03-01', to: '2026-03-31' }));
    expect(forFinance.claims).toBe(1);
    expect(forFinance.rows.map((r) => [r.chargedTo, r.categoryLabel, r.lines, r.amountMinor, r.currency])).toEqual([
      ['Cost centre QC', 'Mileage (own car)', 1, 7_500, 'EUR'],
      ['Cost centre QC', 'Accommodation', 1, 19_000, 'EUR'],
    ]);
    expect(value(await report(people.max.client)).rows).toHaveLength(2);
    expect(value(await report(people.otto.client))).toMatchObject({ rows: [], claims: 0 });
    expect(value(await report(people.fay.client, { from: '2026-04-01' }))).toMatchObject({ rows: [], claims: 0 });
  });

  it('refuses a range whose first day is after its last, and a date not written as YYYY-MM-DD', async () => {
    expect(await people.fay.client.subscribe('finance/expense-report', { from: '2026-04-01', to: '2026-03-01' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } });
    expect(await people.fay.client.subscribe('finance/expense-report', { from: '1 March' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'from' } });
  });
});

describe('the expense policy', () => {
  it('is set by finance only, once, and a claim is then judged by it at submit', async () => {
    const settings = { policies: [{ category: 'meals', limitMinor: 3_000, receiptAboveMinor: null }], mileageRateMinorPerKm: 30 };
    expect(await people.otto.client.call('records/create', { kind: 'expense_settings', data: settings })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await people.fay.client.call('records/create', { kind: 'expense_settings', data: settings }));
    expect(await people.fay.client.call('records/create', { kind: 'expense_settings', data: settings })).toMatchObject({ ok: false, error: { message: 'The expense settings exist already; change those instead.' } });

    const dinner = { id: 'd1', date: '2026-03-04', category: 'meals', description: 'Dinner', amountMinor: 4_000, currency: 'EUR', costCentre: 'QC' };
    const claim = value(await people.max.client.call<RecordView>('records/create', { kind: 'expense_claim', data: claimData([dinner]) }));
    const run = value(await people.max.client.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'EXPENSE_CLAIM', entityType: 'expense_claim', entityId: claim.id }));
    expect(await people.max.client.call('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'complete', data: { receipts_complete: true } })).toMatchObject({
      ok: false, error: { message: expect.stringContaining('Line 1: Meals: at most') },
    });
  });
});

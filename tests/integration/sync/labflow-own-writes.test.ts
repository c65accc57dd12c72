import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { preventiveWorkOrderId } from '../../../src-shared/equipment/maintenance-schedule';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { upsertDocument } from '../../../sync-server/replication/document-store';
import { auditedChange, baseFields, createTeam, openTestDatabase, pull, push, signIn, startTestServer, team, type TestServer } from './support/test-server';

/**
 * LabFlow's own record writes on the sync server (PGlite, `app.inject()`): the scheduler's quotation
 * expiry and preventive work orders, made as the system on whichever PC noticed the moment first and
 * pushed with that PC's account. The server takes each only when it is exactly that write and due by
 * its own clock and documents; before that the PC is told to wait, and anything else — another
 * transition, other data, a PC that cannot read the record — is refused.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
let now = Date.parse('2026-05-05T08:00:00.000Z');

const columns = { kindVersion: 1, numberState: 'final', personId: '', managerIds: [], departmentId: '', _deleted: false };
const record = (id: string, kind: string, status: string, data: Record<string, unknown>, fields: Record<string, unknown>, by: string): WireDocument =>
  ({ ...baseFields(id, by), ...columns, kind, title: id, number: id, status, ownerId: '', parentId: '', date: '', data, ...fields }) as WireDocument;

const lines = [{ id: 'l1', description: 'Stability study, 12 batches', unit: 'batch', quantity: 12, unitPriceMinor: 90_000, discountPercent: 0, taxRatePercent: 19 }];
const quotationData = { organisationId: 'ORG-1', ownerId: team.admin.id, currency: 'EUR', lines, taxRounding: 'per_line', total: { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' }, validUntil: '2026-05-05', terms: '', revision: 1, rejectedReason: '', sentAt: '2026-04-20T09:00:00.000Z' };
const sentQuotation = record('Q-1', 'quotation', 'sent', quotationData, { ownerId: team.admin.id, parentId: 'ORG-1', date: '2026-05-05' }, team.admin.id);

const instrument = record('EQ-1', 'equipment', 'in_service', { name: 'HPLC 2', custodianId: team.member.id, authorisedUserIds: [], category: 'hplc', location: { site: '', building: '', room: '', bench: '' }, siteChecklist: [], isGxpCritical: false, manufacturer: '', model: '', serialNumber: '', notes: '' }, {}, team.member.id);
const plan = record('MP-1', 'maintenance_plan', 'active', { equipmentId: 'EQ-1', custodianId: team.member.id, name: 'Quarterly service', interval: { count: 3, unit: 'months' }, firstDueDate: '2026-07-01', leadDays: 7, tasks: ['Flush the pump seals'] }, { parentId: 'EQ-1' }, team.member.id);
const workOrder = (dueDate: string, data: Record<string, unknown> = {}): WireDocument => ({
  ...record(preventiveWorkOrderId('MP-1', dueDate), 'work_order', 'open', { equipmentId: 'EQ-1', custodianId: team.member.id, type: 'preventive', summary: 'Quarterly service', planId: 'MP-1', dueDate, assigneeId: team.member.id, tasks: [{ text: 'Flush the pump seals', isDone: false }], ...data }, { parentId: 'EQ-1', number: '', numberState: '' }, 'system'),
  createdBy: 'system', updatedBy: 'system',
});

/** The expiry as the PC's scheduler writes it: status only, as the system, with its audit entry. */
const expiry = (stored: WireDocument, entryId: string, changes: Record<string, unknown> = {}) =>
  auditedChange('records', { ...stored, status: 'expired', updatedBy: 'system', updatedAt: new Date(now).toISOString(), ...changes }, { id: 'system', name: 'LabFlow' }, { entryId, assumed: stored, pc: 'PC-ADA', command: 'scheduler/quotation-expiry' });

const stored = async (id: string) => (await pull(server, tokens.admin.accessToken, 'records', null, 100)).documents.find((d) => d.id === id);
/** Moves the server's clock; everyone signs in afresh, as access tokens are short-lived. */
async function serverTimeIs(iso: string) {
  now = Date.parse(iso);
  tokens = { admin: await signIn(server, team.admin), member: await signIn(server, team.member), hr: await signIn(server, team.hr), manager: await signIn(server, team.manager) };
}

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), services: { clock: () => new Date(now) } });
  tokens = await createTeam(server);
  await server.services.db.transaction(async (tx) => {
    for (const doc of [sentQuotation, instrument, plan]) await upsertDocument(tx, 'records', String(doc.id), doc);
  });
});
afterAll(async () => server?.close());

describe('a quotation expired by a PC’s scheduler', () => {
  it('waits while the server’s clock says it is still valid, and nothing is stored', async () => {
    const early = expiry(sentQuotation, 'AE-EXP-0');
    const answer = await push(server, tokens.admin.accessToken, 'records', [early.row]);
    expect(answer.refused).toEqual([]);
    expect(answer.waiting).toEqual(['Q-1']);
    expect((await stored('Q-1'))?.status).toBe('sent');
  });

  it('is refused from a PC whose account may not read the quotation', async () => {
    const answer = await push(server, tokens.member.accessToken, 'records', [expiry(sentQuotation, 'AE-EXP-1').row]);
    expect(answer.refused).toEqual([expect.objectContaining({ id: 'Q-1', code: 'forbidden' })]);
  });

  it('refuses another transition, or other changes, passed off as LabFlow’s', async () => {
    await serverTimeIs('2026-05-06T12:00:00.000Z');
    const accepted = await push(server, tokens.admin.accessToken, 'records', [expiry(sentQuotation, 'AE-EXP-2', { status: 'accepted', data: { ...quotationData, decidedOn: '2026-05-06' } }).row]);
    expect(accepted.refused).toEqual([expect.objectContaining({ id: 'Q-1', code: 'forbidden', message: 'LabFlow itself only ever expires a sent quotation.' })]);
    const rewritten = await push(server, tokens.admin.accessToken, 'records', [expiry(sentQuotation, 'AE-EXP-3', { data: { ...quotationData, terms: 'Prices doubled' } }).row]);
    expect(rewritten.refused).toEqual([expect.objectContaining({ id: 'Q-1', message: 'Expiring a quotation changes nothing but its status.' })]);
    expect((await stored('Q-1'))?.status).toBe('sent');
  });

  it('is taken with its audit entry once its last valid day is over by the server’s clock', async () => {
    const change = expiry(sentQuotation, 'AE-EXP-4');
    const answer = await push(server, tokens.admin.accessToken, 'records', [change.row]);
    expect(answer.refused).toEqual([]);
    expect(answer.waiting ?? []).toEqual([]);
    expect(await stored('Q-1')).toMatchObject({ status: 'expired', updatedBy: 'system' });
    const entry = await push(server, tokens.admin.accessToken, 'audit', [{ newDocumentState: change.entry }]);
    expect(entry.refused).toEqual([]);
    // A second PC of the team noticing the same morning sends the same expiry: nothing changes, nothing is refused.
    const twice = await push(server, tokens.admin.accessToken, 'records', [expiry(sentQuotation, 'AE-EXP-5').row]);
    expect(twice.refused).toEqual([]);
  });
});

describe('a preventive work order opened by a PC’s scheduler', () => {
  it('waits until the plan’s lead day on the server’s clock, then is taken once', async () => {
    await serverTimeIs('2026-06-20T12:00:00.000Z');
    const early = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: workOrder('2026-07-01') }]);
    expect(early).toMatchObject({ refused: [], waiting: [preventiveWorkOrderId('MP-1', '2026-07-01')] });

    await serverTimeIs('2026-06-24T00:30:00.000Z');
    const onTime = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: workOrder('2026-07-01') }]);
    expect(onTime.refused).toEqual([]);
    expect(await stored(preventiveWorkOrderId('MP-1', '2026-07-01'))).toMatchObject({ status: 'open', createdBy: 'system', number: expect.stringMatching(/^WO-2026-/) });
    // The same order from a second PC: the server has it, nothing is refused or duplicated.
    const again = await push(server, tokens.manager.accessToken, 'records', [{ newDocumentState: workOrder('2026-07-01') }]);
    expect(again.refused).toEqual([]);
  });

  it.each([
    ['another summary', workOrder('2026-10-01', { summary: 'Replace the column' }), 'This work order is not the one its maintenance plan describes.'],
    ['a due date off the plan', { ...workOrder('2026-08-15'), id: preventiveWorkOrderId('MP-1', '2026-08-15') }, 'This is not the maintenance plan’s next work order.'],
    ['a corrective order', workOrder('2026-10-01', { type: 'corrective' }), 'LabFlow itself opens only preventive work orders from a maintenance plan.'],
  ])('refuses one with %s', async (_name, doc, message) => {
    const answer = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: doc }]);
    expect(answer.refused).toEqual([expect.objectContaining({ id: doc.id, code: 'forbidden', message })]);
  });

  it('refuses LabFlow’s name on kinds it never writes', async () => {
    const claim = { ...record('EXP-1', 'expense_claim', 'draft', { personId: team.member.id, purpose: 'Conference', lines: [], total: { amountMinor: 0, currency: 'EUR' } }, {}, 'system') };
    const answer = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: claim }]);
    expect(answer.refused).toEqual([expect.objectContaining({ id: 'EXP-1', code: 'forbidden' })]);
  });
});

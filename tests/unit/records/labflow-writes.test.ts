import { describe, expect, it } from 'vitest';
import { expiryProblem } from '../../../src-shared/crm/quotation-expiry';
import { preventiveWorkOrderId } from '../../../src-shared/equipment/maintenance-schedule';
import { preventiveOrderProblem } from '../../../src-shared/equipment/preventive-order-check';
import type { WorkOrderData } from '../../../src-shared/equipment/work-order-kind';
import type { RecordLookup } from '../../../src-shared/records/record-kind';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import { isLabflowRecordWrite } from '../../../src-shared/records/labflow-writes';
import { checkAuthorship } from '../../../src-shared/sync/authorship';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

/**
 * LabFlow's own record writes as the sync server judges them: the scheduler's quotation expiry and
 * preventive work orders, pushed by whichever PC noticed the moment first, taken only when they are
 * exactly that write and due on the server's clock; a write the server's clock has not reached waits.
 */
const pc: SyncPerson = { id: 'P-PC', email: 'pc@lab.org', name: 'Lab PC', roles: ['member'], isActive: true };
const message = (problem: { message: string; isWaiting?: true } | null) => (problem ? `${problem.isWaiting ? 'waits: ' : ''}${problem.message}` : 'ok');

describe('who may push a record written as LabFlow itself', () => {
  const quotation = { id: 'Q1', kind: 'quotation', status: 'expired', createdBy: 'P-SAM', updatedBy: 'system', data: {} };
  it('lets the scheduler’s own writes past the author check, for kinds that declare them', () => {
    expect(isLabflowRecordWrite(quotation, 'update')).toBe(true);
    expect(checkAuthorship(pc, 'records', 'update', quotation).isAllowed).toBe(true);
    expect(isLabflowRecordWrite({ id: 'W1', kind: 'work_order', createdBy: 'system', updatedBy: 'system' }, 'create')).toBe(true);
  });

  it.each([
    ['a kind whose records LabFlow never writes', { ...quotation, kind: 'expense_claim' }, 'update'],
    ['a create of a kind LabFlow only changes', { ...quotation, createdBy: 'system' }, 'create'],
    ['an update of a kind LabFlow only creates', { ...quotation, kind: 'work_order' }, 'update'],
    ['a create by a person passed off as updated by LabFlow', { id: 'W1', kind: 'work_order', createdBy: 'P-SAM', updatedBy: 'system' }, 'create'],
  ] as const)('refuses %s', (_name, doc, action) => {
    expect(isLabflowRecordWrite(doc, action)).toBe(false);
    expect(checkAuthorship(pc, 'records', action, doc).isAllowed).toBe(false);
  });
});

describe('a quotation expiry pushed as LabFlow’s', () => {
  const data = { validUntil: '2026-05-05', lines: [{ id: 'l1' }], ownerId: 'P-SAM' };
  const sent = { status: 'sent', data };
  const expired = { status: 'expired', data };

  it('waits until the last valid day is over in every zone, then is taken', () => {
    // UTC+14 starts 6 May at 10:00 UTC on 5 May: the earliest midnight any lab has.
    expect(message(expiryProblem(sent, expired, '2026-05-05T09:59:59.000Z'))).toBe('waits: This quotation is valid until 2026-05-05 on the sync server’s clock; it expires after that.');
    expect(message(expiryProblem(sent, expired, '2026-05-05T10:00:00.000Z'))).toBe('ok');
    expect(message(expiryProblem(sent, expired, '2026-06-01T00:00:00.000Z'))).toBe('ok');
  });

  it.each([
    ['of a draft', { status: 'draft', data }, expired, 'LabFlow itself only ever expires a sent quotation.'],
    ['of one accepted meanwhile', { status: 'accepted', data }, expired, 'LabFlow itself only ever expires a sent quotation.'],
    ['to another status', sent, { status: 'accepted', data }, 'LabFlow itself only ever expires a sent quotation.'],
    ['that changes its lines too', sent, { status: 'expired', data: { ...data, lines: [] } }, 'Expiring a quotation changes nothing but its status.'],
    ['that moves its validity back', sent, { status: 'expired', data: { ...data, validUntil: '2026-01-01' } }, 'Expiring a quotation changes nothing but its status.'],
  ])('refuses one %s', (_name, before, after, expected) => {
    expect(message(expiryProblem(before, after, '2026-06-01T00:00:00.000Z'))).toBe(expected);
  });

  it('refuses a quotation the server never had as sent', () => {
    expect(message(expiryProblem(null, expired, '2026-06-01T00:00:00.000Z'))).toBe('LabFlow itself only ever expires a sent quotation.');
  });
});

describe('a preventive work order pushed as LabFlow’s', () => {
  const plan = { id: 'MP1', kind: 'maintenance_plan', status: 'active', data: { equipmentId: 'EQ1', custodianId: 'P-CUS', name: 'Quarterly service', interval: { count: 3, unit: 'months' }, firstDueDate: '2026-03-01', leadDays: 7, tasks: ['Clean optics', 'Check seals'] } };
  const orderData = (dueDate: string, extra: Partial<WorkOrderData> = {}): WorkOrderData =>
    ({ equipmentId: 'EQ1', custodianId: 'P-CUS', type: 'preventive', summary: 'Quarterly service', planId: 'MP1', dueDate, assigneeId: 'P-CUS', tasks: [{ text: 'Clean optics', isDone: false }, { text: 'Check seals', isDone: false }], ...extra }) as WorkOrderData;
  const order = (dueDate: string, extra: Partial<WorkOrderData> = {}, id = preventiveWorkOrderId('MP1', dueDate)) =>
    ({ id, kind: 'work_order', status: 'open', data: orderData(dueDate, extra) }) as unknown as RecordDocument & { data: WorkOrderData };
  const lookupWith = (docs: Record<string, unknown>[], orders: Record<string, unknown>[] = []): RecordLookup => ({
    get: (_collection, id) => docs.find((d) => d.id === id) ?? null,
    byParent: (kind) => (kind === 'work_order' ? orders : []),
    byPerson: () => [],
  });
  const judge = (record: ReturnType<typeof order>, now: string, options: { plan?: Record<string, unknown> | null; orders?: Record<string, unknown>[]; previous?: RecordDocument } = {}) =>
    message(preventiveOrderProblem({ record, previous: options.previous ?? null, lookup: lookupWith(options.plan === null ? [] : [options.plan ?? plan], options.orders), now, actorId: 'system' }));
  const shape = (interval = plan.data.interval) => ({ ...plan, data: { ...plan.data, interval } });

  it('takes the plan’s first order from its lead day on the server’s clock, and waits before', () => {
    expect(judge(order('2026-03-01'), '2026-02-21T23:00:00.000Z')).toBe('waits: The work order due 2026-03-01 is opened 7 days ahead by the sync server’s clock, which has not reached that day.');
    expect(judge(order('2026-03-01'), '2026-02-22T00:00:00.000Z')).toBe('ok');
  });

  it('takes the next one after those the server has', () => {
    const first = order('2026-03-01') as unknown as Record<string, unknown>;
    expect(judge(order('2026-06-01'), '2026-05-30T08:00:00.000Z', { orders: [first] })).toBe('ok');
    // A later due date on the plan's cadence, still ahead of the server's clock: waits.
    expect(judge(order('2026-09-01'), '2026-05-30T08:00:00.000Z', { orders: [first] })).toMatch(/^waits: /);
  });

  it('waits for a plan that has not reached the server', () => {
    expect(judge(order('2026-03-01'), '2026-03-01T00:00:00.000Z', { plan: null })).toBe('waits: The maintenance plan of this work order has not reached the sync server yet.');
  });

  it.each([
    ['a corrective order', order('2026-03-01', { type: 'corrective' }), 'LabFlow itself opens only preventive work orders from a maintenance plan.'],
    ['another id than its plan and due date give', order('2026-03-01', {}, 'WO-MADE-UP'), 'This work order does not carry the id its maintenance plan and due date give it.'],
    ['another summary', order('2026-03-01', { summary: 'Replace the lamp' }), 'This work order is not the one its maintenance plan describes.'],
    ['someone else assigned', order('2026-03-01', { assigneeId: 'P-MAX' }), 'This work order is not the one its maintenance plan describes.'],
    ['tasks already ticked', order('2026-03-01', { tasks: [{ text: 'Clean optics', isDone: true }, { text: 'Check seals', isDone: false }] }), 'This work order is not the one its maintenance plan describes.'],
    ['a due date off the plan’s cadence', order('2026-04-15'), 'This is not the maintenance plan’s next work order.'],
    ['another instrument', order('2026-03-01', { equipmentId: 'EQ2' }), 'This work order’s maintenance plan is not an active plan of its instrument.'],
  ])('refuses %s', (_name, record, expected) => {
    expect(judge(record, '2026-03-01T00:00:00.000Z')).toBe(expected);
  });

  it('refuses an order of a plan that was stopped, and any change to an existing order', () => {
    expect(judge(order('2026-03-01'), '2026-03-01T00:00:00.000Z', { plan: { ...plan, status: 'retired' } })).toBe('This work order’s maintenance plan is not an active plan of its instrument.');
    expect(judge(order('2026-03-01'), '2026-03-01T00:00:00.000Z', { previous: order('2026-03-01') })).toBe('LabFlow itself opens preventive work orders; it never changes one.');
    expect(judge(order('2026-03-01'), '2026-03-01T00:00:00.000Z', { plan: shape({ count: 1, unit: 'months' }) })).toBe('ok');
  });
});

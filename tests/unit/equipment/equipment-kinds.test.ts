import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../../src-shared/format/display-format';
import { bookingKind } from '../../../src-shared/equipment/booking-kind';
import { calibrationKind } from '../../../src-shared/equipment/calibration-kind';
import { equipmentKind } from '../../../src-shared/equipment/equipment-kind';
import { purchaseOrderKind } from '../../../src-shared/equipment/purchase-order-kind';
import { qualificationKind } from '../../../src-shared/equipment/qualification-kind';
import { rfqKind } from '../../../src-shared/equipment/rfq-kind';
import { trainingCoursesParent } from '../../../src-shared/hr/training-kinds';
import { parseData } from '../../../src-shared/records/record-data';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import type { AnyRecordKind, RecordLookup } from '../../../src-shared/records/record-kind';
import { recordKinds } from '../../../src-shared/records/record-kinds';
import { checkRecordWrite } from '../../../src-shared/records/record-rules';
import type { RecordActor } from '../../../src-shared/records/who';

const actor = (id: string, roles: string[] = ['member']): RecordActor => ({ id, roles, isActive: true });
const qa = actor('quinn', ['qa_manager']);
const cara = actor('cara');

type Doc = Record<string, unknown>;
const record = (kind: string, id: string, status: string, data: Doc, fields: Doc = {}): RecordDocument & Doc =>
  ({ id, kind, kindVersion: 1, title: id, status, number: '', numberState: '', parentId: String(data.equipmentId ?? ''), personId: '', managerIds: [], ownerId: '', departmentId: '', date: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: 'x', updatedBy: 'x', auditId: '', data, ...fields }) as RecordDocument & Doc;

const lookupOf = (docs: Doc[]): RecordLookup => ({
  get: (_c, id) => docs.find((d) => d.id === id) ?? null,
  byParent: (kind, parentId) => docs.filter((d) => d.kind === kind && d.parentId === parentId),
  byPerson: (kind, personId) => docs.filter((d) => d.kind === kind && d.personId === personId),
});

const instrumentData = { name: 'Balance', custodianId: 'cara', authorisedUserIds: ['ben'] };
const instrument = (status = 'in_service') => record('equipment', 'EQ1', status, instrumentData, { number: 'EQ-0001' });
const plan = record('calibration_plan', 'CP1', 'active', { equipmentId: 'EQ1', name: 'Annual', firstDueDate: '2026-01-31', interval: { count: 12, unit: 'months' }, points: [{ id: 'p1', name: '10 g', unit: 'g', nominal: 10, tolerance: 0.001 }] });
const invariant = (kind: AnyRecordKind, rec: RecordDocument, previous: RecordDocument | null, docs: Doc[], actorId = 'cara', now = '2026-01-10T09:00:00.000Z') =>
  kind.invariant?.check({ record: rec, previous, lookup: lookupOf(docs), now, actorId }) ?? null;

describe('the declared kinds', () => {
  it('are all registered once, each with its statuses, a start status and fields', () => {
    const equipment = recordKinds.filter((k) => k.module === 'equipment').map((k) => k.kind).sort();
    expect(equipment).toEqual(['bid', 'bid_evaluation', 'booking', 'calibration', 'calibration_plan', 'decommissioning', 'deviation', 'equipment', 'maintenance_plan', 'purchase_order', 'purchase_request', 'qualification', 'qualification_protocol', 'rfq', 'supplier', 'usage_log', 'work_order']);
    for (const kind of recordKinds) {
      expect(kind.statuses.map((s) => s.id)).toContain(kind.initialStatus);
      for (const t of kind.transitions) for (const s of [...t.from, t.to]) expect(kind.statuses.map((x) => x.id)).toContain(s);
    }
  });
});

describe('equipment', () => {
  it('lets QA release it only with an approved qualification and a last calibration that passed', () => {
    const released = { ...instrument('in_qualification'), status: 'in_service' } as RecordDocument;
    expect(checkRecordWrite({ kind: equipmentKind, actor: cara, before: instrument('in_qualification'), after: released }).ok).toBe(false);
    expect(checkRecordWrite({ kind: equipmentKind, actor: qa, before: instrument('in_qualification'), after: released }).ok).toBe(true);
    expect(invariant(equipmentKind, released, instrument('in_qualification'), [])).toMatchObject({ message: expect.stringContaining('only after a qualification') });
    const approved = record('qualification', 'Q1', 'approved', { equipmentId: 'EQ1' });
    expect(invariant(equipmentKind, released, instrument('in_qualification'), [approved])).toBeNull();
    const failed = record('calibration', 'C1', 'recorded', { equipmentId: 'EQ1', planId: 'CP1', performedOn: '2026-01-05', result: 'fail' });
    expect(invariant(equipmentKind, released, instrument('quarantined'), [approved, plan, failed])).toMatchObject({ message: expect.stringContaining('failed its last calibration') });
  });

  it('is decommissioned only through an approved request whose checks are done', () => {
    const after = { ...instrument(), status: 'decommissioned' } as RecordDocument;
    expect(invariant(equipmentKind, after, instrument(), [])).toMatchObject({ message: expect.stringContaining('approved decommissioning request') });
    const request = record('decommissioning', 'D1', 'approved', { equipmentId: 'EQ1', dataArchived: true, dataArchiveLocation: '', disposalMethod: 'recycled' });
    const booking = record('booking', 'B1', 'booked', { equipmentId: 'EQ1', start: '2026-02-01T09:00:00.000Z', end: '2026-02-01T10:00:00.000Z' });
    expect(invariant(equipmentKind, after, instrument(), [request, booking])?.message).toBe('Before EQ-0001 Balance is decommissioned: cancel its 1 open booking; say where its data is archived.');
    const ready = record('decommissioning', 'D1', 'approved', { equipmentId: 'EQ1', dataArchived: true, dataArchiveLocation: 'LIMS archive', disposalMethod: 'recycled' });
    expect(invariant(equipmentKind, after, instrument(), [ready, { ...booking, status: 'cancelled' }])).toBeNull();
  });

  it('keeps a decommissioned instrument read-only except for its disposal details', () => {
    const before = instrument('decommissioned');
    expect(checkRecordWrite({ kind: equipmentKind, actor: qa, before, after: { ...before, data: { ...before.data, name: 'Renamed' } } })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(checkRecordWrite({ kind: equipmentKind, actor: qa, before, after: { ...before, data: { ...before.data, disposalMethod: 'recycled' } } }).ok).toBe(true);
  });
});

describe('bookings', () => {
  const booking = (fields: Doc = {}) => record('booking', 'B2', 'booked', { equipmentId: 'EQ1', custodianId: 'cara', personId: 'ben', start: '2026-01-12T09:00:00.000Z', end: '2026-01-12T11:00:00.000Z', ...fields });
  const calibrated = record('calibration', 'C1', 'recorded', { equipmentId: 'EQ1', planId: 'CP1', performedOn: '2026-01-05', result: 'pass' });

  it('are refused for an unfit instrument, a clash, or a wrong custodian copy; cancelling is always allowed', () => {
    expect(invariant(bookingKind, booking(), null, [instrument(), plan, calibrated])).toBeNull();
    expect(invariant(bookingKind, booking({ start: '2026-02-03T09:00:00.000Z', end: '2026-02-03T10:00:00.000Z' }), null, [instrument(), plan], 'ben', '2026-02-02T09:00:00.000Z')).toMatchObject({ message: expect.stringContaining('overdue for calibration') });
    expect(invariant(bookingKind, booking(), null, [instrument('quarantined'), plan, calibrated])).toMatchObject({ message: expect.stringContaining('quarantined') });
    const other = record('booking', 'B1', 'booked', { equipmentId: 'EQ1', personId: 'cara', start: '2026-01-12T10:00:00.000Z', end: '2026-01-12T12:00:00.000Z' });
    expect(invariant(bookingKind, booking(), null, [instrument(), plan, calibrated, other])).toMatchObject({ field: 'data.start', message: expect.stringContaining(`is booked from ${formatDateTime('2026-01-12T10:00:00.000Z', { timeZone: 'UTC' })}`) });
    expect(invariant(bookingKind, booking({ custodianId: 'ben' }), null, [instrument(), plan, calibrated])).toMatchObject({ field: 'data.custodianId' });
    const stored = booking();
    expect(invariant(bookingKind, { ...stored, status: 'cancelled' } as RecordDocument, stored, [instrument('quarantined'), plan])).toBeNull();
  });

  it('follow valid training: a course the instrument requires, expired or never completed, refuses the person; another instrument is not affected', () => {
    const course = record('training_course', 'TC1', 'active', { title: 'Balance handling', validityMonths: 12, requiredForEquipmentIds: ['EQ1'], requiredForRoles: [] }, { parentId: trainingCoursesParent });
    const completion = (completedOn: string, expiresOn: string) => record('training_completion', `TR-${completedOn}`, 'recorded', { personId: 'ben', courseId: 'TC1', completedOn, expiresOn }, { parentId: 'TC1', personId: 'ben' });
    const ben = { id: 'ben', kind: 'person', name: 'Ben Bench' };
    const docs = [instrument(), plan, calibrated, course, ben];
    expect(invariant(bookingKind, booking(), null, docs)).toMatchObject({ field: 'data.personId', message: `Ben Bench has no valid training for EQ-0001 Balance on ${formatDay('2026-01-12')}: “Balance handling” is expired or not recorded. HR records training; it can be used once the training is valid.` });
    expect(invariant(bookingKind, booking(), null, [...docs, completion('2024-12-01', '2025-11-30')])).toMatchObject({ field: 'data.personId', message: expect.stringContaining('no valid training') });
    expect(invariant(bookingKind, booking(), null, [...docs, completion('2025-12-01', '2026-11-30')])).toBeNull();
    // A withdrawn completion (recorded in error) does not count.
    expect(invariant(bookingKind, booking(), null, [...docs, { ...completion('2025-12-01', '2026-11-30'), status: 'withdrawn' }])).toMatchObject({ field: 'data.personId' });
    expect(invariant(bookingKind, booking(), null, [instrument(), plan, calibrated, { ...course, data: { ...course.data, requiredForEquipmentIds: ['EQ2'] } }, ben])).toBeNull();
  });

  it('end after they start, for at most 31 days', () => {
    expect(parseData(bookingKind, booking({ end: '2026-01-12T08:00:00.000Z' }).data)).toMatchObject({ ok: false, error: { field: 'data.end' } });
    expect(parseData(bookingKind, booking({ end: '2026-03-12T08:00:00.000Z' }).data)).toMatchObject({ ok: false, error: { message: 'Book at most 31 days at a time.' } });
  });
});

describe('calibrations', () => {
  const data = (asLeft: number, fields: Doc = {}) => ({
    equipmentId: 'EQ1', custodianId: 'cara', planId: 'CP1', performedOn: '2026-01-05', performedById: 'cara',
    readings: [{ pointId: 'p1', name: '10 g', unit: 'g', nominal: 10, tolerance: 0.001, asFound: 10.0005, asLeft }],
    asFoundResult: 'pass', result: 'pass', ...fields,
  });

  it('store only the verdicts the readings give', () => {
    expect(parseData(calibrationKind, data(10.0004)).ok).toBe(true);
    expect(parseData(calibrationKind, data(10.002))).toMatchObject({ ok: false, error: { field: 'data.result' } });
    expect(parseData(calibrationKind, data(10.002, { result: 'fail' })).ok).toBe(true);
  });

  it('are judged against the plan’s own tolerances', () => {
    const loose = record('calibration', 'C9', 'recorded', { ...data(10.4), readings: [{ pointId: 'p1', name: '10 g', unit: 'g', nominal: 10, tolerance: 0.5, asFound: 10, asLeft: 10.4 }] });
    expect(invariant(calibrationKind, loose, null, [instrument(), plan])).toMatchObject({ message: expect.stringContaining('differs from the plan') });
    expect(invariant(calibrationKind, record('calibration', 'C9', 'recorded', data(10.0004)), null, [instrument(), plan])).toBeNull();
  });
});

describe('qualifications', () => {
  const steps = [{ id: 's1', text: 'Level the balance', acceptanceCriteria: 'Bubble centred', result: 'pass' }, { id: 's2', text: 'Linearity', acceptanceCriteria: '±0.1 mg', result: 'fail', deviationId: 'DV1' }];
  const q = (status: string, signatures: Doc[]) => record('qualification', 'Q1', status, { equipmentId: 'EQ1', custodianId: 'cara', protocolId: 'QP1', stage: 'SAT', protocolTitle: 'SAT', executorIds: [], steps, signatures });
  const sig = (meaning: string, personId: string) => ({ meaning, personId, name: personId, at: '2026-01-10T10:00:00.000Z' });
  const devOpen = record('deviation', 'DV1', 'investigating', { equipmentId: 'EQ1' });

  it('move only with the mover’s own signature of that meaning, reviewed and approved by someone else than the executor', () => {
    expect(invariant(qualificationKind, q('executed', []), q('planned', []), [instrument('in_qualification')])).toMatchObject({ message: expect.stringContaining('needs your electronic signature') });
    expect(invariant(qualificationKind, q('executed', [sig('executed', 'cara')]), q('planned', []), [instrument('in_qualification')], 'cara')).toBeNull();
    expect(invariant(qualificationKind, q('reviewed', [sig('executed', 'cara'), sig('reviewed', 'cara')]), q('executed', [sig('executed', 'cara')]), [instrument('in_qualification')], 'cara')).toMatchObject({ message: expect.stringContaining('cannot also sign it as reviewer') });
    expect(invariant(qualificationKind, q('planned', [sig('reviewed', 'ben')]), q('planned', []), [instrument('in_qualification')], 'ben')).toMatchObject({ message: expect.stringContaining('given together with the step') });
    expect(invariant(qualificationKind, q('reviewed', [sig('executed', 'ben')]), q('reviewed', [sig('executed', 'cara')]), [instrument('in_qualification')], 'ben')).toMatchObject({ message: expect.stringContaining('cannot be changed') });
  });

  it('are approved with a failed step only once its deviation is closed', () => {
    const reviewed = q('reviewed', [sig('executed', 'cara'), sig('reviewed', 'ben')]);
    const approved = q('approved', [sig('executed', 'cara'), sig('reviewed', 'ben'), sig('approved', 'quinn')]);
    expect(invariant(qualificationKind, approved, reviewed, [instrument('in_qualification'), devOpen], 'quinn')).toMatchObject({ message: expect.stringContaining('deviation must be closed') });
    expect(invariant(qualificationKind, approved, reviewed, [instrument('in_qualification'), { ...devOpen, status: 'closed' }], 'quinn')).toBeNull();
  });
});

describe('purchase orders and RFQs', () => {
  const line = { id: 'l1', description: 'Balance', quantity: 2, unitPriceMinor: 100_000, taxRatePercent: 10, receivedQuantity: 0, isEquipment: true };
  it('keep their total equal to the lines and their received quantities equal to the receipts', () => {
    const ok = { supplierId: 'S1', currency: 'EUR', lines: [line], total: { amountMinor: 220_000, currency: 'EUR' } };
    expect(parseData(purchaseOrderKind, ok).ok).toBe(true);
    expect(parseData(purchaseOrderKind, { ...ok, total: { amountMinor: 200_000, currency: 'EUR' } })).toMatchObject({ ok: false, error: { field: 'data.total' } });
    expect(parseData(purchaseOrderKind, { ...ok, lines: [{ ...line, receivedQuantity: 1 }] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('does not match the goods receipts') } });
  });

  it('need a written justification to award a bid that is not the top score', () => {
    const criteria = [{ id: 'price', name: 'Price', weight: 1 }];
    const rfq = (status: string, fields: Doc = {}) => record('rfq', 'R1', status, { purchaseRequestId: 'PR1', subject: 'Balance', supplierIds: ['S1', 'S2'], responseDue: '2026-02-01', criteria, evaluatorIds: ['ben'], awardJustification: '', ...fields });
    const bids = [record('bid', 'BA', 'received', { rfqId: 'R1' }, { parentId: 'R1' }), record('bid', 'BB', 'received', { rfqId: 'R1' }, { parentId: 'R1' })];
    const evaluation = record('bid_evaluation', 'E1', 'submitted', { rfqId: 'R1', scores: [{ bidId: 'BA', criterionId: 'price', score: 9 }, { bidId: 'BB', criterionId: 'price', score: 5 }] }, { parentId: 'R1', personId: 'ben' });
    const docs = [record('purchase_request', 'PR1', 'approved', {}), ...bids, evaluation];
    expect(invariant(rfqKind, rfq('awarded', { awardedBidId: 'BB' }), rfq('evaluation'), docs)).toMatchObject({ field: 'data.awardJustification' });
    expect(invariant(rfqKind, rfq('awarded', { awardedBidId: 'BB', awardJustification: 'Only BB has the service contract we need on site.' }), rfq('evaluation'), docs)).toBeNull();
    expect(invariant(rfqKind, rfq('awarded', { awardedBidId: 'BA' }), rfq('evaluation'), docs)).toBeNull();
    expect(invariant(rfqKind, rfq('draft'), null, [record('purchase_request', 'PR1', 'submitted', {})])).toMatchObject({ message: expect.stringContaining('approved purchase request') });
  });
});

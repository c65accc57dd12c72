import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../../src-shared/format/display-format';
import type { EquipmentDashboard } from '../../../src-shared/equipment/equipment-dashboard';
import type { BookingItem, HistoryView, InstrumentOverview, InstrumentRow } from '../../../src-shared/equipment/equipment-views';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, PASSWORD, type EquipmentWorld } from './equipment-world';

/**
 * An instrument's life through the equipment commands on a real host: installation, moves,
 * qualification with signatures and a failed step, release, bookings and use under usage gating,
 * calibrations (out of tolerance as found, failed as left), a fault, the register, dashboard,
 * instrument page and history card.
 */
let world: EquipmentWorld;
let instrument: RecordView;
let plan: RecordView;

beforeAll(async () => {
  world = await openEquipmentWorld();
  ({ instrument, plan } = await world.instrumentInService());
});
afterAll(async () => world?.close());

const day = 86_400_000;
const iso = (date: string, time = '09:00') => `${date}T${time}:00.000Z`;

describe('qualification', () => {
  it('raises a deviation for a failed step, refuses a wrong password and keeps the attempt, and is approved only once the deviation is closed', async () => {
    const { cara, ben, quinn } = world;
    const protocol = await world.protocol();
    const oq = value(await cara.client.call<RecordView>('equipment/qualification/start', { equipmentId: instrument.id, protocolId: protocol.id }));
    expect(await cara.client.call('equipment/qualification/record-step', { id: oq.id, stepId: 's2', result: 'fail' })).toMatchObject({ ok: false, error: { field: 'comment' } });
    const failed = value(await cara.client.call<{ qualification: RecordView; deviation: RecordView }>('equipment/qualification/record-step', { id: oq.id, stepId: 's2', result: 'fail', comment: 'Read 100.0004 g' }));
    expect(failed.deviation).toMatchObject({ kind: 'deviation', status: 'open', number: expect.stringMatching(/^DEV-2026-\d{4}$/) });
    expect(await cara.client.call('equipment/qualification/sign', { id: oq.id, meaning: 'executed', password: PASSWORD })).toMatchObject({ ok: false, error: { message: expect.stringContaining('every step') } });
    value(await cara.client.call('equipment/qualification/record-step', { id: oq.id, stepId: 's1', result: 'na' }));
    expect(await cara.client.call('equipment/qualification/sign', { id: oq.id, meaning: 'executed', password: 'wrong password' })).toMatchObject({ ok: false, error: { code: 'signature_invalid' } });
    const attempts = await world.host.db.activity.find({ selector: { kind: 'signature_refused', subjectId: oq.id } }).exec();
    expect(attempts).toHaveLength(1);
    value(await cara.client.call('equipment/qualification/sign', { id: oq.id, meaning: 'executed', password: PASSWORD }));
    expect(await cara.client.call('equipment/qualification/sign', { id: oq.id, meaning: 'reviewed', password: PASSWORD })).toMatchObject({ ok: false, error: { message: expect.stringContaining('cannot also sign') } });
    value(await ben.client.call('equipment/qualification/sign', { id: oq.id, meaning: 'reviewed', password: PASSWORD }));
    expect(await quinn.client.call('equipment/qualification/sign', { id: oq.id, meaning: 'approved', password: PASSWORD })).toMatchObject({ ok: false, error: { message: expect.stringContaining('deviation must be closed') } });
    value(await quinn.client.call('records/update', { id: failed.deviation.id, data: { rootCause: 'Draft shield left open', correctiveAction: 'Repeated with shield closed', closedOn: '2026-04-01' } }));
    await world.transition(quinn.client, failed.deviation.id, 'closed');
    const approved = value(await quinn.client.call<RecordView>('equipment/qualification/sign', { id: oq.id, meaning: 'approved', password: PASSWORD }));
    expect(approved).toMatchObject({ status: 'approved', data: { signatures: [expect.objectContaining({ meaning: 'executed', name: 'Cara Custodian' }), expect.objectContaining({ meaning: 'reviewed', name: 'Ben Bench' }), expect.objectContaining({ meaning: 'approved', name: 'Quinn QA' })] } });
  });

  it('lets QA release an instrument only after a qualification is approved', async () => {
    const other = await world.record(world.quinn.client, 'equipment', { name: 'pH meter', custodianId: world.cara.id });
    await world.transition(world.quinn.client, other.id, 'received');
    value(await world.cara.client.call('equipment/install', { id: other.id, installedOn: '2026-04-01', installedById: world.cara.id, location: { site: 'Main', building: 'B', room: '2.15', bench: '' } }));
    await world.transition(world.cara.client, other.id, 'in_qualification');
    expect(await world.quinn.client.call('records/transition', { id: other.id, to: 'in_service' })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('only after a qualification') } });
  });
});

describe('bookings and use (usage gating)', () => {
  it('books an instrument fit for use, refuses a clash, someone not authorised, and a booking past the due date', async () => {
    const { ben, olga, cara } = world;
    const booked = value(await ben.client.call<RecordView>('equipment/book', { equipmentId: instrument.id, start: iso('2026-04-02'), end: iso('2026-04-02', '11:00'), purpose: 'Assay weighing' }));
    expect(booked).toMatchObject({ kind: 'booking', status: 'booked', personId: ben.id, parentId: instrument.id });
    expect(await cara.client.call('equipment/book', { equipmentId: instrument.id, start: iso('2026-04-02', '10:00'), end: iso('2026-04-02', '12:00') })).toMatchObject({ ok: false, error: { code: 'invalid_state', field: 'data.start', message: expect.stringContaining(`is booked from ${formatDateTime('2026-04-02T09:00:00.000Z', { timeZone: 'UTC' })}`) } });
    expect(await olga.client.call('equipment/book', { equipmentId: instrument.id, start: iso('2026-04-03'), end: iso('2026-04-03', '10:00') })).toMatchObject({ ok: false, error: { message: 'Olga Other is not an authorised user of EQ-0001 Analytical balance; its custodian can add them.' } });
    expect(await ben.client.call('equipment/book', { equipmentId: instrument.id, start: iso('2026-06-30', '20:00'), end: iso('2026-07-01', '08:00') })).toMatchObject({ ok: false, error: { message: expect.stringContaining(`is due on ${formatDay('2026-06-30')}, before this booking ends`) } });
    // Someone else's booking is not Ben's to cancel; the custodian may.
    expect(await olga.client.call('records/transition', { id: booked.id, to: 'cancelled' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('logs a use, and refuses one by a person who is not authorised', async () => {
    const used = value(await world.ben.client.call<RecordView>('equipment/log-use', { equipmentId: instrument.id, startedAt: iso('2026-04-01', '10:00'), endedAt: iso('2026-04-01', '10:30'), reference: 'Batch 42' }));
    expect(used).toMatchObject({ kind: 'usage_log', status: 'logged' });
    expect(await world.olga.client.call('equipment/log-use', { equipmentId: instrument.id, startedAt: iso('2026-04-01', '10:00') })).toMatchObject({ ok: false, error: { field: 'data.personId' } });
  });
});

describe('project allocations (usage gating)', () => {
  it('allocates an instrument fit for use when the allocation starts, and refuses one starting after its calibration falls due', async () => {
    const project = value(await world.cara.client.call<{ id: string }>('projects/create', { code: 'STAB-26', name: 'Stability study' }));
    const allocation = (periodStart: string) => ({ projectId: project.id, kind: 'resource_allocation', title: 'Balance time', data: { resourceType: 'equipment', equipmentId: instrument.id, hours: 12, periodStart, periodEnd: '2026-12-31' } });
    const fit = value(await world.cara.client.call<{ id: string }>('plan-items/create', allocation('2026-04-10')));
    expect(await world.cara.client.call('plan-items/create', allocation('2026-07-01'))).toMatchObject({ ok: false, error: { code: 'invalid_state', field: 'data.equipmentId', message: expect.stringContaining(`is due on ${formatDay('2026-06-30')}, before the allocation starts`) } });
    // Changing only the hours of an allocation made is not judged again.
    expect(await world.cara.client.call('plan-items/update', { id: fit.id, ...allocation('2026-04-10'), data: { ...allocation('2026-04-10').data, hours: 20 } })).toMatchObject({ ok: true });
  });
});

describe('calibration', () => {
  it('records readings judged against the plan, opens an impact assessment listing the uses since the last good calibration, and quarantines on a failed result', async () => {
    const { cara, ben, quinn } = world;
    expect(await cara.client.call('equipment/calibration/record', { equipmentId: instrument.id, planId: plan.id, performedOn: '2026-04-01', readings: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const good = value(await cara.client.call<{ calibration: RecordView; isQuarantined: boolean }>('equipment/calibration/record', { equipmentId: instrument.id, planId: plan.id, performedOn: '2026-04-01', readings: [{ pointId: 'p100', asFound: 100.0001, asLeft: 100.0001 }] }));
    expect(good).toMatchObject({ calibration: { number: 'CAL-2026-0001', data: { result: 'pass', asFoundResult: 'pass' } }, isQuarantined: false });
    world.moveClock(2 * day);
    const bad = value(await cara.client.call<{ calibration: RecordView; impactAssessment: RecordView; isQuarantined: boolean }>('equipment/calibration/record', {
      equipmentId: instrument.id, planId: plan.id, performedOn: '2026-04-03', provider: 'external', performedByName: 'Mettler Service', certificateNumber: 'C-77',
      readings: [{ pointId: 'p100', asFound: 100.0009, asLeft: 100.0005 }],
    }));
    expect(bad.calibration.data).toMatchObject({ result: 'fail', asFoundResult: 'fail', impactDeviationId: bad.impactAssessment.id });
    expect(bad.isQuarantined).toBe(true);
    const impacts = (bad.impactAssessment.data as { impacts: { kind: string; label: string }[] }).impacts;
    expect(impacts.map((i) => [i.kind, i.label])).toEqual([['usage', 'Used by Ben Bench (Batch 42)'], ['booking', 'Booking by Ben Bench: Assay weighing']]);
    // Quarantined: no booking; QA cannot release it while its last calibration failed.
    expect(await ben.client.call('equipment/book', { equipmentId: instrument.id, start: iso('2026-04-05'), end: iso('2026-04-05', '10:00') })).toMatchObject({ ok: false, error: { message: expect.stringContaining('is quarantined') } });
    expect(await quinn.client.call('records/transition', { id: instrument.id, to: 'in_service' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('failed its last calibration') } });
    value(await cara.client.call('equipment/calibration/record', { equipmentId: instrument.id, planId: plan.id, performedOn: '2026-04-03', readings: [{ pointId: 'p100', asLeft: 100.0001 }] }));
    await world.transition(quinn.client, instrument.id, 'in_service');
    expect(value(await ben.client.call<RecordView>('equipment/book', { equipmentId: instrument.id, start: iso('2026-04-05'), end: iso('2026-04-05', '10:00') })).status).toBe('booked');
  });
});

describe('moves, faults and the views', () => {
  it('logs moves and faults in the history card, and shows the register, dashboard, page and calendar', async () => {
    const { cara, olga, ben } = world;
    value(await cara.client.call('equipment/move', { id: instrument.id, location: { site: 'Main', building: 'C', room: '3.01', bench: '2' } }));
    expect(await olga.client.call('equipment/move', { id: instrument.id, location: { site: 'Home', building: '', room: '', bench: '' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fault = value(await olga.client.call<RecordView>('equipment/report-fault', { equipmentId: instrument.id, summary: 'Display flickers' }));
    expect(fault).toMatchObject({ kind: 'work_order', status: 'open', number: expect.stringMatching(/^WO-2026-/), data: { type: 'corrective', reportedById: olga.id } });
    expect(await olga.client.call('equipment/report-fault', { equipmentId: instrument.id, summary: 'Again', takeOutOfService: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const list = value(await ben.client.subscribe('equipment/list', { text: 'balance' }).next<InstrumentRow[]>());
    expect(list).toEqual([expect.objectContaining({ number: 'EQ-0001', custodianName: 'Cara Custodian', location: 'Main · C · 3.01 · 2', fitness: { isFit: true }, nextDue: expect.objectContaining({ dueDate: '2027-04-03' }) })]);
    const board = value(await ben.client.subscribe('equipment/dashboard', {}).next<EquipmentDashboard>());
    expect(board.total).toBe(2);
    expect(board.onTime.months).toHaveLength(12);
    const page = value(await ben.client.subscribe('equipment/instrument', { id: instrument.id }).next<InstrumentOverview>());
    expect(page).toMatchObject({ custodianName: 'Cara Custodian', fitness: { isFit: true }, calibrationPlans: [expect.objectContaining({ dueDate: '2027-04-03', lastCalibration: expect.objectContaining({ result: 'pass' }) })] });
    expect(page.calibrations.map((c) => `${c.performedOn} ${c.result}`).sort()).toEqual(['2026-04-01 pass', '2026-04-03 fail', '2026-04-03 pass']);
    expect(page.workOrders.map((w) => w.title)).toEqual(['Display flickers']);
    const calendar = value(await ben.client.subscribe('equipment/bookings', { from: iso('2026-04-01', '00:00'), to: iso('2026-04-10', '00:00') }).next<BookingItem[]>());
    expect(calendar.map((b) => [b.personName, b.start, b.canCancel])).toEqual([['Ben Bench', iso('2026-04-02'), true], ['Ben Bench', iso('2026-04-05'), true]]);
    const history = value(await ben.client.subscribe('equipment/history', { id: instrument.id }).next<HistoryView>());
    const titles = history.events.map((e) => e.title);
    for (const expected of ['Registered as EQ-0001', 'Installed by Cara Custodian', 'SAT executed', 'SAT approved', 'In qualification → In service', 'Moved to Main · C · 3.01 · 2', 'Fault reported: Display flickers']) expect(titles).toContain(expected);
    expect(titles.filter((t) => t.startsWith('Calibration CAL-2026'))).toHaveLength(3);
  });
});

describe('bad input', () => {
  it('is refused with the field it is about, and unknown instruments as not found', async () => {
    const { ben, cara } = world;
    expect(await ben.client.call('equipment/book', { equipmentId: instrument.id, start: iso('2026-04-09', '10:00'), end: iso('2026-04-09', '09:00') })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.end' } });
    expect(await ben.client.call('equipment/book', { equipmentId: instrument.id, start: 'tomorrow', end: iso('2026-04-09') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await cara.client.call('equipment/install', { id: 'nope', installedOn: '2026-04-01', installedById: cara.id, location: { site: '', building: '', room: '', bench: '' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await cara.client.call('equipment/calibration/record', { equipmentId: instrument.id, planId: plan.id, performedOn: '2026-02-30', readings: [{ pointId: 'p100', asLeft: 100 }] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'performedOn' } });
    expect(await cara.client.call('equipment/calibration/record', { equipmentId: instrument.id, planId: instrument.id, performedOn: '2026-04-02', readings: [{ pointId: 'p100', asLeft: 100 }] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await cara.client.call('equipment/add-record', { kind: 'equipment', equipmentId: instrument.id, data: {} })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'kind' } });
    expect(await cara.client.call('equipment/qualification/sign', { id: instrument.id, meaning: 'signed', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'meaning' } });
  });
});

describe('decommissioning', () => {
  it('decommissions only through an approved request with its checks done, cancels open bookings, and keeps the record read-only', async () => {
    const { cara, quinn, ben } = world;
    const future = value(await ben.client.call<RecordView>('equipment/book', { equipmentId: instrument.id, start: iso('2026-04-20'), end: iso('2026-04-20', '10:00') }));
    const request = value(await cara.client.call<RecordView>('equipment/add-record', { kind: 'decommissioning', equipmentId: instrument.id, data: { reason: 'Replaced by the new XPR balance', plannedDate: '2026-04-30' } }));
    expect(request).toMatchObject({ status: 'draft', number: 'DEC-2026-0001', personId: cara.id });
    await world.transition(cara.client, request.id, 'submitted');
    expect(await quinn.client.call('equipment/decommission', { requestId: request.id })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('must be approved first') } });
    const approved = await world.approveThroughWorkflow('EQUIPMENT_DECOMMISSIONING', request.id, 'decommissioning', cara, [
      { who: quinn, action: 'complete' },
      { who: quinn, action: 'approve', meaning: 'approved' },
    ]);
    expect(approved.status).toBe('approved');
    expect(await quinn.client.call('equipment/decommission', { requestId: request.id })).toMatchObject({ ok: false, error: { message: 'Before the instrument is decommissioned: archive its data; choose how it will be disposed of.' } });
    value(await cara.client.call('records/update', { id: request.id, data: { dataArchived: true, dataArchiveLocation: 'LIMS archive, volume 7', disposalMethod: 'recycled' } }));
    expect(await cara.client.call('equipment/decommission', { requestId: request.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const done = value(await quinn.client.call<{ equipment: RecordView; request: RecordView; cancelledBookings: number }>('equipment/decommission', { requestId: request.id }));
    expect(done).toMatchObject({ equipment: { status: 'decommissioned' }, request: { status: 'completed' }, cancelledBookings: 2 });
    expect((await world.host.db.records.findOne(future.id).exec())?.get('status')).toBe('cancelled');
    expect(await ben.client.call('equipment/book', { equipmentId: instrument.id, start: iso('2026-04-21'), end: iso('2026-04-21', '10:00') })).toMatchObject({ ok: false, error: { message: expect.stringContaining('has been decommissioned') } });
    expect(await cara.client.call('records/update', { id: instrument.id, data: { name: 'Renamed' } })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    value(await quinn.client.call('records/update', { id: instrument.id, data: { disposalMethod: 'recycled', disposalCertificateNumber: 'WEEE-2026-118', disposedOn: '2026-05-01' } }));
    expect((await world.transition(quinn.client, instrument.id, 'disposed')).status).toBe('disposed');
    const history = value(await ben.client.subscribe('equipment/history', { id: instrument.id }).next<HistoryView>());
    expect(history.events.map((e) => e.title)).toEqual(expect.arrayContaining(['Decommissioning requested (DEC-2026-0001)', 'In service → Decommissioned', 'Decommissioned → Disposed']));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { AttendanceMonthView, AttendanceTodayView, AttendanceWeekView } from '../../../src-shared/hr/attendance-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { SignedInPerson } from '../support/lab-people';
import { openHrLab } from './hr-lab';
import { value } from '../tasks/project-fixture';

/**
 * Attendance on a real host and SQLite file. The hand clock starts at 08:05 on Wednesday 1 April
 * 2026 in the host's own time zone, so the times the host stamps read the same wherever this runs.
 * Max checks in and out, asks for a correction; Olga, his manager by his employee record, sees it
 * in her month and approves it; a colleague sees and decides nothing of his.
 */
let host: Host;
let advanceMinutes: (m: number) => void;
let hana: SignedInPerson;
let max: SignedInPerson;
let olga: SignedInPerson;
let otto: SignedInPerson;

beforeAll(async () => {
  ({ host, advanceMinutes, hana, max, olga, otto } = await openHrLab(new Date(2026, 3, 1, 8, 5).toISOString()));
});
afterAll(async () => host?.close());

const today = async (who: SignedInPerson) => value(await who.client.subscribe('hr/attendance-today', {}).next<AttendanceTodayView>());

describe('checking in and out', () => {
  it('checks in at the PC’s time, once a day', async () => {
    expect(await today(max)).toEqual({ today: '2026-04-01', record: null });
    const day = value(await max.client.call<RecordView>('hr/check-in', {}));
    expect(day).toMatchObject({ status: 'checked_in', data: { personId: max.id, date: '2026-04-01', checkIn: '08:05', checkOut: '' } });
    expect(await max.client.call('hr/check-in', {})).toMatchObject({ ok: false, error: { code: 'invalid_state', message: 'You have been checked in since 08:05 today.' } });
    // The generic record command meets the kind's one-a-day invariant too.
    expect(await max.client.call('records/create', { kind: 'attendance', data: { personId: max.id, date: '2026-04-01', checkIn: '07:00' } })).toMatchObject({ ok: false, error: { field: 'data.date' } });
    expect((await today(max)).record).toMatchObject({ checkIn: '08:05', status: 'checked_in', statusLabel: 'Checked in' });
  });

  it('refuses a check-out with bad breaks or before checking in', async () => {
    expect(await max.client.call('hr/check-out', { breakMinutes: -5 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'breakMinutes' } });
    expect(await max.client.call('hr/check-out', { breakMinutes: 'half an hour' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'breakMinutes' } });
    expect(await otto.client.call('hr/check-out', {})).toMatchObject({ ok: false, error: { code: 'invalid_state', message: 'You have not checked in today.' } });
  });

  it('checks out at the PC’s time with the breaks taken', async () => {
    advanceMinutes(8 * 60 + 40);
    const day = value(await max.client.call<RecordView>('hr/check-out', { breakMinutes: 30 }));
    expect(day).toMatchObject({ status: 'closed', data: { checkIn: '08:05', checkOut: '16:45', breakMinutes: 30 } });
    expect(await max.client.call('hr/check-out', { breakMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await max.client.call('hr/check-in', {})).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });
});

describe('corrections', () => {
  const maxDay = async () => value(await max.client.subscribe('hr/attendance-week', { weekStart: '2026-03-30' }).next<AttendanceWeekView>()).timesheet.days[2]!;

  it('refuses bad corrections with the field to fix', async () => {
    const { attendance } = await maxDay();
    const id = attendance!.id;
    expect(await max.client.call('hr/attendance/ask-correction', { id, checkIn: '09:00', checkOut: '08:00', reason: 'Forgot' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'checkOut' } });
    expect(await max.client.call('hr/attendance/ask-correction', { id, checkIn: '25:00', checkOut: '17:00', reason: 'Forgot' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'checkIn' } });
    expect(await max.client.call('hr/attendance/ask-correction', { id, checkIn: '08:00', checkOut: '17:00', reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    expect(await max.client.call('hr/attendance/ask-correction', { id: 'no-such-day', checkIn: '08:00', checkOut: '17:00', reason: 'Forgot' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Someone else's day is not even readable.
    expect(await otto.client.call('hr/attendance/ask-correction', { id, checkIn: '08:00', checkOut: '17:00', reason: 'Forgot' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await max.client.call('hr/attendance/decide-correction', { id, isApproved: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('is asked by the person and approved by the manager: the corrected times become the day’s', async () => {
    const { attendance } = await maxDay();
    const asked = value(await max.client.call<RecordView>('hr/attendance/ask-correction', { id: attendance!.id, checkIn: '08:00', checkOut: '17:00', reason: 'The terminal was down in the morning.' }));
    expect(asked).toMatchObject({ status: 'correction_requested', data: { checkIn: '08:05', correctedCheckIn: '08:00', correctedCheckOut: '17:00' } });
    expect(await max.client.call('hr/attendance/ask-correction', { id: attendance!.id, checkIn: '08:00', checkOut: '17:00', reason: 'Again' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

    expect(value(await otto.client.subscribe('hr/attendance-month', { month: '2026-04' }).next<AttendanceMonthView>())).toMatchObject({ rows: [{ personName: 'Otto Other' }], corrections: [] });
    expect(await otto.client.call('hr/attendance/decide-correction', { id: attendance!.id, isApproved: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const month = value(await olga.client.subscribe('hr/attendance-month', { month: '2026-04' }).next<AttendanceMonthView>());
    expect(month.rows.map((r) => r.personName)).toEqual(['Olga Lead', 'Max Member']);
    expect(month.rows[1]).toMatchObject({ daysPresent: 1, correctionsWaiting: 1 });
    expect(month.corrections).toEqual([expect.objectContaining({ personName: 'Max Member', entry: expect.objectContaining({ correctionReason: 'The terminal was down in the morning.' }) })]);
    const approved = value(await olga.client.call<RecordView>('hr/attendance/decide-correction', { id: month.corrections[0]!.id, isApproved: true }));
    expect(approved).toMatchObject({ status: 'closed', data: { checkIn: '08:00', checkOut: '17:00', correctedCheckIn: '', correctedCheckOut: '' } });
    expect(await olga.client.call('hr/attendance/decide-correction', { id: approved.id, isApproved: true })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });

  it('is declined without changing the day', async () => {
    const { attendance } = await maxDay();
    value(await max.client.call('hr/attendance/ask-correction', { id: attendance!.id, checkIn: '06:00', checkOut: '20:00', reason: 'Long day' }));
    const declined = value(await hana.client.call<RecordView>('hr/attendance/decide-correction', { id: attendance!.id, isApproved: false }));
    expect(declined).toMatchObject({ status: 'closed', data: { checkIn: '08:00', checkOut: '17:00', correctedCheckIn: '' } });
  });
});

describe('timesheets', () => {
  it('shows the manager their person’s week, with hours against the pattern and time tracking', async () => {
    const week = value(await olga.client.subscribe('hr/attendance-week', { personId: max.id, weekStart: '2026-03-30' }).next<AttendanceWeekView>());
    expect(week).toMatchObject({ personId: max.id, personName: 'Max Member', hasEmployeeRecord: true });
    expect(week.timesheet.days[2]).toMatchObject({ date: '2026-04-01', expectedHours: 8, workedHours: 8.5, trackedHours: 0, differenceHours: 0.5, untrackedHours: 8.5 });
  });

  it('refuses someone else’s timesheet to a colleague, and bad input', async () => {
    expect(await otto.client.subscribe('hr/attendance-week', { personId: max.id, weekStart: '2026-03-30' }).next()).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'personId' } });
    expect(await otto.client.subscribe('hr/attendance-week', { weekStart: '30 March' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'weekStart' } });
    expect(await otto.client.subscribe('hr/attendance-month', { month: '2026-4' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'month' } });
  });
});

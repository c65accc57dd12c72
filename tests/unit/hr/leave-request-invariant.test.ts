import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../src-shared/format/display-format';
import { employeeKind } from '../../../src-shared/hr/employee-kind';
import { holidayCalendarKind } from '../../../src-shared/hr/holiday-calendar-kind';
import { leaveRequestKind } from '../../../src-shared/hr/leave-request-kind';
import { upgradeData } from '../../../src-shared/records/record-data';
import { checkInvariant } from '../../../src-shared/records/record-invariants';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import { checkRecordWrite } from '../../../src-shared/records/record-rules';
import { actor, hrRecord, lookupOf, personDoc } from './hr-fixtures';

// Max works full time in Bavaria since 2025 with 25 days up front, 5 carried until 31 March.
const employee = hrRecord(employeeKind, 'E1', 'active', { personId: 'max', jobTitle: 'Lab technician', startDate: '2025-01-01', location: 'DE-BY' });
const bavaria = hrRecord(holidayCalendarKind, 'H1', 'current', {
  location: 'DE-BY',
  holidays: [
    { date: '2026-12-24', name: 'Christmas Eve', isHalfDay: true },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2027-01-01', name: "New Year's Day" },
  ],
});
const people = [personDoc('hana', ['hr']), personDoc('mia', ['department_head'])];
let next = 0;
const leave = (data: Record<string, unknown>, status = 'draft', id = `L${++next}`) => hrRecord(leaveRequestKind, id, status, { personId: 'max', leaveType: 'annual', ...data });
const judge = (rec: RecordDocument, docs: Record<string, unknown>[], previous: RecordDocument | null = null, actorId = 'max') =>
  checkInvariant(leaveRequestKind, rec, previous, lookupOf([employee, bavaria, ...people, ...docs]), '2026-02-01T09:00:00Z', actorId);

describe('a leave request against the person\'s pattern, holidays and balance', () => {
  it('takes a request whose days are what the dates cost, over New Year and with half days', () => {
    // 21 Dec – 1 Jan: 3 + 0.5 (Christmas Eve) + 0 (Christmas) + 4 + 0 (New Year) = 7.5; starting at noon → 7.
    const request = leave({ startDate: '2026-12-21', endDate: '2027-01-01', days: 7, isFirstDayHalf: true });
    expect(judge(request, [])).toBeNull();
    expect(judge(leave({ startDate: '2026-12-21', endDate: '2027-01-01', days: 10 }), [])).toEqual({ message: 'These dates are 7.5 days of leave for this person (days off and public holidays do not count), not 10 days.', field: 'data.days' });
  });

  it('refuses annual leave the balance does not cover, naming the day and how much is missing', () => {
    const summer = leave({ startDate: '2026-07-06', endDate: '2026-07-31', days: 20 }, 'approved');
    const autumn = leave({ startDate: '2026-10-05', endDate: '2026-10-13', days: 7 });
    expect(judge(autumn, [summer])).toEqual({
      message: `The leave balance does not cover this: on ${formatDay('2026-10-12')} it is 1 day short (days not yet earned or carried days that have lapsed count as missing). Ask HR to allow it.`,
      field: 'data.days',
    });
    // Withdrawn and refused requests give their days back.
    expect(judge(autumn, [{ ...summer, status: 'cancelled' }])).toBeNull();
  });

  it('counts last year\'s unused days until the cut-off only', () => {
    const last = leave({ startDate: '2025-06-02', endDate: '2025-06-13', days: 10 }, 'approved'); // 15 unused → 5 carried
    expect(judge(leave({ startDate: '2026-03-02', endDate: '2026-04-03', days: 25 }), [last])).toBeNull(); // 30 available until 31 March
    expect(judge(leave({ startDate: '2026-04-06', endDate: '2026-05-08', days: 25 }), [last])).toBeNull(); // carried days lapsed: 25 left
    expect(judge(leave({ startDate: '2026-04-06', endDate: '2026-05-11', days: 26 }), [last])).toMatchObject({ field: 'data.days' });
  });

  it('leaves sick and other unbalanced leave out of the balance', () => {
    expect(judge(leave({ leaveType: 'sick', startDate: '2026-03-02', endDate: '2026-05-29', days: 65 }), [])).toBeNull();
  });

  it('accepts an override only from an active HR person, in their own name', () => {
    const big = { startDate: '2026-03-02', endDate: '2026-05-29', days: 65 };
    expect(judge(leave({ ...big, balanceOverride: { byId: 'hana', reason: 'Sabbatical agreed with the director' } }), [], null, 'hana')).toBeNull();
    expect(judge(leave({ ...big, balanceOverride: { byId: 'hana', reason: 'I said so' } }), [], null, 'max')).toEqual({ message: 'Only HR can allow leave beyond the balance, in their own name.', field: 'data.balanceOverride' });
    expect(judge(leave({ ...big, balanceOverride: { byId: 'mia', reason: 'Boss said so' } }), [], null, 'mia')).toMatchObject({ field: 'data.balanceOverride' });
    // Once HR allowed it, the person may still withdraw or submit the request.
    const allowed = leave({ ...big, balanceOverride: { byId: 'hana', reason: 'Sabbatical' } });
    expect(judge({ ...allowed, status: 'submitted' }, [], allowed, 'max')).toBeNull();
  });

  it('still refuses overlapping leave, and skips the balance when HR has not set up an employee record', () => {
    const first = leave({ startDate: '2026-06-01', endDate: '2026-06-05', days: 5 }, 'submitted', 'LR-A');
    expect(judge(leave({ startDate: '2026-06-05', endDate: '2026-06-08', days: 2 }), [first])).toMatchObject({ field: 'data.startDate' });
    const stranger = hrRecord(leaveRequestKind, 'L-X', 'draft', { personId: 'zoe', startDate: '2026-06-01', endDate: '2026-12-31', days: 150 });
    expect(judge(stranger, [])).toBeNull();
  });

  it('lets only HR set the override on an existing request', () => {
    const draft = leave({ startDate: '2026-06-01', endDate: '2026-06-05', days: 5 });
    const overridden = { ...draft, data: { ...draft.data, balanceOverride: { byId: 'max', reason: 'please' } } };
    expect(checkRecordWrite({ kind: leaveRequestKind, actor: actor('max'), before: draft, after: overridden })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'data.balanceOverride' } });
  });

  it('upgrades version 1 requests to whole days without an override', () => {
    const v1 = { personId: 'max', leaveType: 'annual', startDate: '2026-06-01', endDate: '2026-06-05', days: 5, reason: '', hrNote: '' };
    expect(upgradeData(leaveRequestKind, 1, v1)).toMatchObject({ data: { ...v1, isFirstDayHalf: false, isLastDayHalf: false, balanceOverride: null } });
  });
});

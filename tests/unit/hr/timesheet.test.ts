import { describe, expect, it } from 'vitest';
import { monthSummaryRow, timesheet, weekStartOf, type AttendanceEntry, type TimesheetSources } from '../../../src-shared/hr/timesheet';
import { standardWorkingPattern } from '../../../src-shared/hr/working-pattern';

// The week of Monday 4 May 2026; Thursday 7 May is a public holiday in this calendar.
const day = (date: string, checkIn: string, checkOut: string, breakMinutes = 30, status = 'closed'): AttendanceEntry => ({
  id: `a-${date}`, date, checkIn, checkOut, breakMinutes, status, statusLabel: status, correctedCheckIn: '', correctedCheckOut: '', correctionReason: '',
});

const sources = (over: Partial<TimesheetSources> = {}): TimesheetSources => ({
  terms: { pattern: standardWorkingPattern, holidays: [{ date: '2026-05-07', name: 'Ascension', isHalfDay: false }] },
  attendance: [],
  approvedLeave: [],
  timeEntries: [],
  ...over,
});

describe('the week a timesheet shows', () => {
  it('starts on the Monday of the ISO week, also across a year', () => {
    expect(weekStartOf('2026-05-07')).toBe('2026-05-04');
    expect(weekStartOf('2026-05-04')).toBe('2026-05-04');
    expect(weekStartOf('2027-01-03')).toBe('2026-12-28');
  });
});

describe('timesheet maths', () => {
  it('expects the pattern less public holidays, and counts worked hours less breaks', () => {
    const sheet = timesheet(sources({ attendance: [day('2026-05-04', '08:00', '16:45', 45), day('2026-05-05', '08:10', '16:00', 30)] }), '2026-05-04', '2026-05-10', '2026-05-31');
    expect(sheet.days.map((d) => d.expectedHours)).toEqual([8, 8, 8, 0, 8, 0, 0]);
    expect(sheet.days[3]).toMatchObject({ contractedHours: 8, holidayHours: 8, expectedHours: 0 });
    expect(sheet.days.slice(0, 2).map((d) => d.workedHours)).toEqual([8, 7.33]);
    expect(sheet.totals).toMatchObject({ contractedHours: 40, holidayHours: 8, expectedHours: 32, workedHours: 15.33, differenceHours: -16.67 });
  });

  it('frees approved leave by its cost, half days as half the day’s hours, and names it', () => {
    const approvedLeave = [{ startDate: '2026-05-05', endDate: '2026-05-08', isLastDayHalf: true, leaveTypeLabel: 'Annual leave' }];
    const sheet = timesheet(sources({ terms: { pattern: [8, 8, 8, 8, 6, 0, 0], holidays: [{ date: '2026-05-07', name: 'Ascension', isHalfDay: false }] }, approvedLeave }), '2026-05-04', '2026-05-10', '2026-05-31');
    expect(sheet.days.map((d) => d.leaveHours)).toEqual([0, 8, 8, 0, 3, 0, 0]);
    expect(sheet.days.map((d) => d.expectedHours)).toEqual([8, 0, 0, 0, 3, 0, 0]);
    expect(sheet.days[1]?.leaveLabel).toBe('Annual leave');
    expect(sheet.days[3]?.leaveLabel).toBe('');
    // Contracted hours are always worked, on holiday, on leave or still expected.
    expect(sheet.totals.holidayHours + sheet.totals.leaveHours + sheet.totals.expectedHours).toBe(sheet.totals.contractedHours);
  });

  it('reconciles hours with time tracking: what was worked but not booked, and a running timer counts nothing', () => {
    const timeEntries = [{ date: '2026-05-04', hours: 5.5 }, { date: '2026-05-04', hours: 1.25 }, { date: '2026-05-05', hours: 0 }, { date: '2026-05-06', hours: 2 }];
    const sheet = timesheet(sources({ attendance: [day('2026-05-04', '08:00', '16:30', 30), day('2026-05-05', '09:00', '12:00', 0)], timeEntries }), '2026-05-04', '2026-05-10', '2026-05-31');
    expect(sheet.days.slice(0, 3).map((d) => [d.workedHours, d.trackedHours, d.untrackedHours])).toEqual([[8, 6.75, 1.25], [3, 0, 3], [0, 2, -2]]);
    expect(sheet.totals).toMatchObject({ workedHours: 11, trackedHours: 8.75, untrackedHours: 2.25 });
  });

  it('does not call days after today short: they are expected, not missed yet', () => {
    const sheet = timesheet(sources({ attendance: [day('2026-05-04', '08:00', '16:30')], timeEntries: [{ date: '2026-05-06', hours: 1 }] }), '2026-05-04', '2026-05-10', '2026-05-05');
    expect(sheet.days.map((d) => d.differenceHours)).toEqual([0, -8, 0, 0, 0, 0, 0]);
    expect(sheet.totals).toMatchObject({ expectedHours: 32, differenceHours: -8, untrackedHours: 7 });
  });

  it('counts a day still checked in as nothing worked yet', () => {
    const sheet = timesheet(sources({ attendance: [day('2026-05-04', '08:00', '', 0, 'checked_in')] }), '2026-05-04', '2026-05-04', '2026-05-31');
    expect(sheet.days[0]).toMatchObject({ workedHours: 0, differenceHours: -8 });
  });

  it('keeps hundredths exact over many short days', () => {
    const attendance = ['04', '05', '06', '08'].map((d) => day(`2026-05-${d}`, '08:00', '08:10', 0));
    expect(timesheet(sources({ attendance }), '2026-05-04', '2026-05-10', '2026-05-31').totals.workedHours).toBe(0.68);
  });
});

describe('the monthly summary', () => {
  it('adds up the whole month and counts days present, left open and corrections waiting', () => {
    const attendance = [
      day('2026-05-04', '08:00', '16:30'), day('2026-05-05', '08:00', '', 0, 'checked_in'), day('2026-05-29', '08:00', '12:00', 0, 'correction_requested'),
      day('2026-06-01', '08:00', '16:30'),
    ];
    const row = monthSummaryRow({ personId: 'max', personName: 'Max' }, sources({ attendance, approvedLeave: [{ startDate: '2026-05-11', endDate: '2026-05-15', leaveTypeLabel: 'Annual leave' }] }), '2026-05', '2026-06-02');
    // May 2026 has 21 weekdays: one a holiday, five on leave.
    expect(row).toMatchObject({ personId: 'max', contractedHours: 168, holidayHours: 8, leaveHours: 40, expectedHours: 120, workedHours: 12, daysPresent: 3, daysOpen: 1, correctionsWaiting: 1 });
  });

  it('handles December into the next year', () => {
    expect(monthSummaryRow({ personId: 'max', personName: 'Max' }, sources(), '2026-12', '2026-12-31').contractedHours).toBe(23 * 8);
  });
});

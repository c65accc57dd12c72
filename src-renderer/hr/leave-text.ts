import { formatDay } from '../../src-shared/format/display-format';
import type { LeaveRow } from '../../src-shared/hr/leave-views';

/** "1 day", "2.5 days". */
export const daysText = (days: number): string => `${days} day${days === 1 ? '' : 's'}`;

/** "6 Jul 2026 – 8 Jul 2026", with half days said. */
export function leaveDatesText(row: Pick<LeaveRow, 'startDate' | 'endDate' | 'isFirstDayHalf' | 'isLastDayHalf'>): string {
  const first = `${formatDay(row.startDate)}${row.isFirstDayHalf ? ' (from noon)' : ''}`;
  if (row.endDate === row.startDate) return row.isLastDayHalf && !row.isFirstDayHalf ? `${formatDay(row.startDate)} (until noon)` : first;
  return `${first} – ${formatDay(row.endDate)}${row.isLastDayHalf ? ' (until noon)' : ''}`;
}

/** "7.5 h", "−0.5 h" with `signed` ("+1 h"): hours as the timesheets show them. */
export function hoursText(hours: number, signed = false): string {
  const sign = signed && hours > 0 ? '+' : hours < 0 ? '−' : '';
  return `${sign}${Math.abs(hours)} h`;
}

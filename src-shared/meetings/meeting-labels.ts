import type { AttendanceMark, AttendeeResponse, AttendeeRole, MeetingType, Recurrence, RecurrenceFrequency, WeekdayCode } from './meeting-model';

/**
 * The lab's words for meeting codes, in one place: the UI, emails, the minutes' PDF and calendar
 * files all say "QA review", never `qa_review`.
 */

export const meetingTypeLabels: Record<MeetingType, string> = {
  project_review: 'Project review',
  qa_review: 'QA review',
  department: 'Department meeting',
  one_to_one: '1:1',
  other: 'Meeting',
};

export const responseLabels: Record<AttendeeResponse, string> = {
  needs_action: 'Not answered',
  accepted: 'Accepted',
  tentative: 'Tentative',
  declined: 'Declined',
};

export const roleLabels: Record<AttendeeRole, string> = { required: 'Required', optional: 'Optional' };

export const attendanceLabels: Record<AttendanceMark | 'unknown', string> = { present: 'Present', absent: 'Absent', excused: 'Excused', unknown: 'Not recorded' };

export const frequencyLabels: Record<RecurrenceFrequency, string> = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' };

export const weekdayLabels: Record<WeekdayCode, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

/** A plain date and time as the lab reads it in text (emails, PDFs): "Mon 16 Mar 2026, 10:00 (Europe/Berlin)". */
export function describeWhen(iso: string, timeZone: string, endIso?: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
  const time = (at: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
  return `${day}, ${time(iso)}${endIso ? `–${time(endIso)}` : ''} (${timeZone})`;
}

const list = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** "Weekly on Monday and Thursday, every 2 weeks, 6 times" / "Monthly, until 2026-12-31". */
export function describeRecurrence(recurrence: Recurrence | undefined): string {
  if (!recurrence) return '';
  const unit = { daily: 'day', weekly: 'week', monthly: 'month' }[recurrence.frequency];
  const days = recurrence.frequency === 'weekly' && recurrence.weekdays.length > 0 ? ` on ${list(recurrence.weekdays.map((d) => weekdayLabels[d]))}` : '';
  const every = recurrence.interval > 1 ? `, every ${recurrence.interval} ${unit}s` : '';
  const end = recurrence.end.type === 'count' ? `, ${recurrence.end.count} times` : recurrence.end.type === 'until' ? `, until ${recurrence.end.date}` : '';
  return `${frequencyLabels[recurrence.frequency]}${days}${every}${end}`;
}

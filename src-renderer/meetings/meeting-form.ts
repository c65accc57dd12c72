import type { AttendeeInput } from '../../src-shared/meetings/meeting-contract';
import type { MeetingType, Recurrence, WeekdayCode } from '../../src-shared/meetings/meeting-model';
import type { MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { instantOfLocal, localDateTimeOf } from '../../src-shared/meetings/time-zones';
import { localTimeZone } from '../format/date-time';

/** The meeting form's state and its translation to command input, apart from the components. */

export interface ExternalGuest {
  email: string;
  name: string;
  role: 'required' | 'optional';
}

export interface MeetingFormState {
  title: string;
  type: MeetingType;
  date: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  roomId: string;
  place: string;
  videoUrl: string;
  description: string;
  /** The project the meeting is about ('' for none): action items become its tasks by default. */
  projectId: string;
  requiredIds: string[];
  optionalIds: string[];
  guests: ExternalGuest[];
  minuteTakerIds: string[];
  isPrivate: boolean | null;
  repeat: 'none' | Recurrence['frequency'];
  interval: number;
  weekdays: WeekdayCode[];
  endType: Recurrence['end']['type'];
  untilDate: string;
  count: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A new meeting: the slot chosen on the calendar, or the next full hour, for an hour. */
export function newMeetingForm(initial: { startsAt?: string; endsAt?: string }, now = new Date()): MeetingFormState {
  const timeZone = localTimeZone();
  const next = new Date(now);
  next.setMinutes(0, 0, 0);
  next.setHours(next.getHours() + 1);
  const startsAt = initial.startsAt ?? next.toISOString();
  const endsAt = initial.endsAt ?? new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  const start = localDateTimeOf(startsAt, timeZone);
  return {
    title: '', type: 'project_review', date: start.date, startTime: start.time, endTime: localDateTimeOf(endsAt, timeZone).time, timeZone,
    roomId: '', place: '', videoUrl: '', description: '', projectId: '', requiredIds: [], optionalIds: [], guests: [], minuteTakerIds: [], isPrivate: null,
    repeat: 'none', interval: 1, weekdays: [], endType: 'never', untilDate: '', count: 10,
  };
}

/** The form for changing a meeting: this occurrence's times, or with `isSeries` the series' first meeting and rule. */
export function editMeetingForm(detail: MeetingDetail, isSeries: boolean): MeetingFormState {
  const startsAt = isSeries && detail.seriesStartsAt ? detail.seriesStartsAt : detail.startsAt;
  const endsAt = isSeries && detail.seriesEndsAt ? detail.seriesEndsAt : detail.endsAt;
  const start = localDateTimeOf(startsAt, detail.timeZone);
  const recurrence = isSeries ? detail.recurrence : undefined;
  const people = detail.attendees.filter((a) => a.personId && a.personId !== detail.organiser.id);
  return {
    title: detail.title, type: detail.type, date: start.date, startTime: start.time, endTime: localDateTimeOf(endsAt, detail.timeZone).time, timeZone: detail.timeZone,
    roomId: detail.roomId, place: detail.place, videoUrl: detail.videoUrl, description: detail.description, projectId: detail.projectId ?? '',
    requiredIds: people.filter((a) => a.role === 'required').map((a) => a.personId as string),
    optionalIds: people.filter((a) => a.role === 'optional').map((a) => a.personId as string),
    guests: detail.attendees.filter((a) => !a.personId && a.email).map((a) => ({ email: a.email as string, name: a.name, role: a.role })),
    minuteTakerIds: detail.minuteTakers.map((p) => p.id),
    isPrivate: detail.isPrivate,
    repeat: recurrence?.frequency ?? 'none', interval: recurrence?.interval ?? 1, weekdays: recurrence?.weekdays ?? [],
    endType: recurrence?.end.type ?? 'never', untilDate: recurrence?.end.type === 'until' ? recurrence.end.date : '', count: recurrence?.end.type === 'count' ? recurrence.end.count : 10,
  };
}

/** Start and end instants of the form; an end at or before the start is taken as the next day (a meeting past midnight). */
export function instantsOf(form: MeetingFormState): { startsAt: string; endsAt: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || !/^\d{2}:\d{2}$/.test(form.startTime) || !/^\d{2}:\d{2}$/.test(form.endTime)) return null;
  const startsAt = instantOfLocal(form.date, form.startTime, form.timeZone);
  let endsAt = instantOfLocal(form.date, form.endTime, form.timeZone);
  if (endsAt <= startsAt) {
    const next = new Date(Date.parse(`${form.date}T12:00:00Z`) + 86_400_000);
    endsAt = instantOfLocal(`${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`, form.endTime, form.timeZone);
  }
  return { startsAt, endsAt };
}

export function recurrenceOf(form: MeetingFormState): Recurrence | undefined {
  if (form.repeat === 'none') return undefined;
  const end: Recurrence['end'] = form.endType === 'until' ? { type: 'until', date: form.untilDate } : form.endType === 'count' ? { type: 'count', count: form.count } : { type: 'never' };
  return { frequency: form.repeat, interval: form.interval, weekdays: form.repeat === 'weekly' ? form.weekdays : [], end, exceptions: [] };
}

export const attendeesOf = (form: MeetingFormState): AttendeeInput[] => [
  ...form.requiredIds.map((personId) => ({ personId, role: 'required' as const })),
  ...form.optionalIds.filter((id) => !form.requiredIds.includes(id)).map((personId) => ({ personId, role: 'optional' as const })),
  ...form.guests.map((g) => ({ email: g.email, name: g.name, role: g.role })),
];

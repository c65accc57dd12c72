import { meetingTypeLabels } from '../meeting-labels';
import type { AttendeeResponse, MeetingDocument } from '../meeting-model';
import { isoOf, rruleValue } from '../recurrence';
import { wallTimeAt } from '../time-zones';
import { contentLine, dateValue, localDateTime, mailto, textLine, utcDateTime } from './ical-text';

/**
 * Meetings as VEVENTs (RFC 5545 §3.6.1): one per one-off meeting; a series as its main event with
 * RRULE and EXDATE plus one event per occurrence that differs from the series (moved, renamed …),
 * with the series' UID and a RECURRENCE-ID. The UID is the meeting's id and never changes, so
 * every later invitation, change and cancellation updates the same entry in the attendee's
 * calendar; SEQUENCE is the meeting's own count of changes.
 */

export interface IcalPerson {
  name: string;
  email: string;
}

export interface IcalContext {
  /** DTSTAMP: when this calendar object was made. */
  now: Date;
  person(personId: string): IcalPerson | undefined;
  roomName(roomId: string): string | undefined;
  /** The app's address for a link back; none when ''. */
  appUrl: string;
}

export const meetingUid = (meetingId: string): string => `${meetingId}@labflow`;

const partstat: Record<AttendeeResponse, string> = { needs_action: 'NEEDS-ACTION', accepted: 'ACCEPTED', tentative: 'TENTATIVE', declined: 'DECLINED' };

const zonedLine = (name: string, iso: string, timeZone: string): string =>
  timeZone === 'UTC' ? contentLine(name, utcDateTime(iso)) : contentLine(name, localDateTime(wallTimeAt(Date.parse(iso), timeZone)), { TZID: timeZone });

/** Where the meeting is, as one line: the room, the place, the video link. */
export function locationOf(doc: MeetingDocument, context: Pick<IcalContext, 'roomName'>): string {
  return [doc.roomId ? context.roomName(doc.roomId) : undefined, doc.data.place, doc.data.videoUrl].filter((part): part is string => !!part).join(' · ');
}

function descriptionOf(doc: MeetingDocument, context: IcalContext): string {
  const agenda = doc.data.agenda.map((item, i) => `${i + 1}. ${item.title}${item.minutes ? ` (${item.minutes} min)` : ''}`);
  return [
    doc.data.description,
    agenda.length ? `Agenda:\n${agenda.join('\n')}` : '',
    doc.data.videoUrl ? `Join: ${doc.data.videoUrl}` : '',
    context.appUrl ? `Open in LabFlow: ${context.appUrl.replace(/[#/]+$/, '')}/#/meetings/${doc.id}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function peopleLines(doc: MeetingDocument, context: IcalContext): string[] {
  const lines: string[] = [];
  const organiser = context.person(doc.organiserId);
  if (organiser?.email) lines.push(contentLine('ORGANIZER', mailto(organiser.email), { CN: organiser.name }));
  for (const attendee of doc.data.attendees) {
    const known = attendee.personId ? context.person(attendee.personId) : undefined;
    const email = known?.email ?? attendee.email;
    if (!email) continue;
    lines.push(
      contentLine('ATTENDEE', mailto(email), {
        CUTYPE: 'INDIVIDUAL',
        ROLE: attendee.role === 'required' ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT',
        PARTSTAT: partstat[attendee.response],
        RSVP: attendee.response === 'needs_action' ? 'TRUE' : 'FALSE',
        CN: known?.name ?? attendee.name,
      }),
    );
  }
  return lines;
}

/** The lines every event of a meeting has, whatever its kind. */
function commonLines(doc: MeetingDocument, uidOf: string, context: IcalContext, sequence: number, isCancelled: boolean): string[] {
  const location = locationOf(doc, context);
  return [
    contentLine('UID', meetingUid(uidOf)),
    contentLine('DTSTAMP', utcDateTime(context.now.toISOString())),
    contentLine('CREATED', utcDateTime(doc.createdAt)),
    contentLine('LAST-MODIFIED', utcDateTime(doc.updatedAt)),
    zonedLine('DTSTART', doc.startsAt, doc.data.timeZone),
    zonedLine('DTEND', doc.endsAt, doc.data.timeZone),
    textLine('SUMMARY', doc.title),
    ...(location ? [textLine('LOCATION', location)] : []),
    ...(doc.data.videoUrl ? [contentLine('URL', doc.data.videoUrl)] : []),
    textLine('DESCRIPTION', descriptionOf(doc, context)),
    textLine('CATEGORIES', meetingTypeLabels[doc.data.type]),
    contentLine('SEQUENCE', String(sequence)),
    contentLine('STATUS', isCancelled ? 'CANCELLED' : 'CONFIRMED'),
    contentLine('TRANSP', 'OPAQUE'),
    ...(doc.data.isPrivate ? [contentLine('CLASS', 'PRIVATE')] : []),
    ...peopleLines(doc, context),
  ];
}

/** Whether an occurrence document says anything its series does not (time, wording, place, attendees, status). */
export function differsFromSeries(occurrence: MeetingDocument, series: MeetingDocument): boolean {
  const duration = Date.parse(series.endsAt) - Date.parse(series.startsAt);
  const recurrenceId = occurrence.data.recurrenceId ?? occurrence.startsAt;
  return (
    occurrence.startsAt !== isoOf(recurrenceId) ||
    Date.parse(occurrence.endsAt) - Date.parse(occurrence.startsAt) !== duration ||
    occurrence.title !== series.title ||
    occurrence.roomId !== series.roomId ||
    occurrence.data.place !== series.data.place ||
    occurrence.data.videoUrl !== series.data.videoUrl ||
    occurrence.data.description !== series.data.description ||
    JSON.stringify(occurrence.data.attendees) !== JSON.stringify(series.data.attendees) ||
    occurrence.status !== series.status
  );
}

/**
 * The VEVENTs of a one-off meeting, or of a series with its occurrence documents. Cancelled
 * occurrences become EXDATEs of the series (with the series' exceptions); with `onlyOccurrence`
 * just that occurrence's event is written (an invitation or cancellation of one occurrence).
 */
export function meetingEvents(doc: MeetingDocument, occurrences: readonly MeetingDocument[], context: IcalContext, options: { onlyOccurrence?: MeetingDocument; isCancelled?: boolean } = {}): string[] {
  const { timeZone } = doc.data;
  const sequence = (d: MeetingDocument) => Math.max(d.data.sequence, doc.data.sequence);
  const occurrenceEvent = (occurrence: MeetingDocument): string[] => [
    'BEGIN:VEVENT',
    ...commonLines(occurrence, doc.id, context, sequence(occurrence), options.isCancelled === true || occurrence.status === 'cancelled'),
    zonedLine('RECURRENCE-ID', occurrence.data.recurrenceId ?? occurrence.startsAt, timeZone),
    'END:VEVENT',
  ];
  if (options.onlyOccurrence) return occurrenceEvent(options.onlyOccurrence);
  const lines = ['BEGIN:VEVENT', ...commonLines(doc, doc.id, context, doc.data.sequence, options.isCancelled === true || doc.status === 'cancelled')];
  if (doc.data.recurrence) {
    lines.push(contentLine('RRULE', rruleValue({ startsAt: doc.startsAt, endsAt: doc.endsAt, timeZone, recurrence: doc.data.recurrence })));
    const cancelled = occurrences.filter((o) => o.status === 'cancelled').map((o) => o.data.recurrenceId ?? o.startsAt);
    const exdates = [...new Set([...doc.data.recurrence.exceptions, ...cancelled].map(isoOf))].sort();
    for (const exdate of exdates) lines.push(zonedLine('EXDATE', exdate, timeZone));
  }
  lines.push('END:VEVENT');
  for (const occurrence of occurrences) {
    if (occurrence.status !== 'cancelled' && differsFromSeries(occurrence, doc)) lines.push(...occurrenceEvent(occurrence));
  }
  return lines;
}

/** An all-day entry (a task's due date, a milestone) for the calendar feed. */
export function allDayEvent(input: { uid: string; date: string; summary: string; description: string; now: Date; updatedAt: string; category: string }): string[] {
  const next = new Date(Date.parse(`${input.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return [
    'BEGIN:VEVENT',
    contentLine('UID', input.uid),
    contentLine('DTSTAMP', utcDateTime(input.now.toISOString())),
    contentLine('LAST-MODIFIED', utcDateTime(input.updatedAt)),
    contentLine('DTSTART', dateValue(input.date), { VALUE: 'DATE' }),
    contentLine('DTEND', dateValue(next), { VALUE: 'DATE' }),
    textLine('SUMMARY', input.summary),
    textLine('DESCRIPTION', input.description),
    textLine('CATEGORIES', input.category),
    contentLine('TRANSP', 'TRANSPARENT'),
    'END:VEVENT',
  ];
}

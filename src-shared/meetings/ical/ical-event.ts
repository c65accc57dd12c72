import { meetingTypeLabels } from '../meeting-labels';
import type { AttendeeResponse, MeetingDocument } from '../meeting-model';
import { isoOf, rruleValue } from '../recurrence';
import { offsetMinutesAt, wallTimeAt } from '../time-zones';
import { compactDateTime, contentLine, dateValue, localDateTime, mailto, textLine, utcDateTime } from './ical-text';

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

/**
 * What the events of one calendar object share, worked out once per object rather than once per
 * event: the DTSTAMP, and the ORGANIZER/ATTENDEE lines of people who appear in many meetings (a
 * feed of 10,000 meetings names the same colleagues 60,000 times). Made anew for each object, so
 * nothing outlives it.
 */
export interface EventMemo {
  stamp: string;
  peopleLines: Map<string, string>;
}

export const eventMemo = (context: IcalContext): EventMemo => ({ stamp: contentLine('DTSTAMP', utcDateTime(context.now.toISOString())), peopleLines: new Map() });

/** `DTSTART;TZID=Europe/Berlin:` and the like, written once per property and zone. */
const zonedPrefixes = new Map<string, string>();
const zonedPrefix = (name: string, timeZone: string): string => {
  const key = `${name}\u0000${timeZone}`;
  let prefix = zonedPrefixes.get(key);
  if (prefix === undefined) zonedPrefixes.set(key, (prefix = contentLine(name, '', { TZID: timeZone })));
  return prefix;
};

/** DATE-TIME of `iso` in `timeZone` (UTC form for UTC): the zone's offset from its yearly table, the digits from one ISO string. */
function zonedLine(name: string, iso: string, timeZone: string): string {
  if (timeZone === 'UTC') return contentLine(name, utcDateTime(iso));
  const instant = Date.parse(iso);
  const local = new Date(instant + offsetMinutesAt(instant, timeZone) * 60_000);
  const year = local.getUTCFullYear();
  const value = year >= 0 && year <= 9999 ? compactDateTime(local.toISOString()) : localDateTime(wallTimeAt(instant, timeZone));
  const prefix = zonedPrefix(name, timeZone);
  return prefix.length + value.length <= 75 ? prefix + value : contentLine(name, value, { TZID: timeZone });
}

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

/** A line of the memo, made the first time it is needed. */
function remembered(memo: EventMemo, key: string, make: () => string): string {
  let line = memo.peopleLines.get(key);
  if (line === undefined) memo.peopleLines.set(key, (line = make()));
  return line;
}

function writePeople(out: string[], doc: MeetingDocument, context: IcalContext, memo: EventMemo): void {
  const organiser = remembered(memo, `O\u0000${doc.organiserId}`, () => {
    const person = context.person(doc.organiserId);
    return person?.email ? contentLine('ORGANIZER', mailto(person.email), { CN: person.name }) : '';
  });
  if (organiser) out.push(organiser);
  for (const attendee of doc.data.attendees) {
    const key = `A\u0000${attendee.personId ?? ''}\u0000${attendee.email ?? ''}\u0000${attendee.name}\u0000${attendee.role}\u0000${attendee.response}`;
    const line = remembered(memo, key, () => {
      const known = attendee.personId ? context.person(attendee.personId) : undefined;
      const email = known?.email ?? attendee.email;
      if (!email) return '';
      return contentLine('ATTENDEE', mailto(email), {
        CUTYPE: 'INDIVIDUAL',
        ROLE: attendee.role === 'required' ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT',
        PARTSTAT: partstat[attendee.response],
        RSVP: attendee.response === 'needs_action' ? 'TRUE' : 'FALSE',
        CN: known?.name ?? attendee.name,
      });
    });
    if (line) out.push(line);
  }
}

const categoryLines = new Map<string, string>();
const categoryLine = (type: MeetingDocument['data']['type']): string => {
  let line = categoryLines.get(type);
  if (line === undefined) categoryLines.set(type, (line = textLine('CATEGORIES', meetingTypeLabels[type])));
  return line;
};

/** The lines every event of a meeting has, whatever its kind, appended to `out`. */
function writeCommon(out: string[], doc: MeetingDocument, uidOf: string, context: IcalContext, memo: EventMemo, sequence: number, isCancelled: boolean): void {
  const location = locationOf(doc, context);
  out.push(
    contentLine('UID', meetingUid(uidOf)),
    memo.stamp,
    contentLine('CREATED', utcDateTime(doc.createdAt)),
    contentLine('LAST-MODIFIED', utcDateTime(doc.updatedAt)),
    zonedLine('DTSTART', doc.startsAt, doc.data.timeZone),
    zonedLine('DTEND', doc.endsAt, doc.data.timeZone),
    textLine('SUMMARY', doc.title),
  );
  if (location) out.push(textLine('LOCATION', location));
  if (doc.data.videoUrl) out.push(contentLine('URL', doc.data.videoUrl));
  out.push(textLine('DESCRIPTION', descriptionOf(doc, context)), categoryLine(doc.data.type), `SEQUENCE:${sequence}`, isCancelled ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED', 'TRANSP:OPAQUE');
  if (doc.data.isPrivate) out.push('CLASS:PRIVATE');
  writePeople(out, doc, context, memo);
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
  const out: string[] = [];
  writeMeetingEvents(out, doc, occurrences, context, eventMemo(context), options);
  return out;
}

/** `meetingEvents`, appended to `out` (a feed writes all its events into one list of lines). */
export function writeMeetingEvents(out: string[], doc: MeetingDocument, occurrences: readonly MeetingDocument[], context: IcalContext, memo: EventMemo, options: { onlyOccurrence?: MeetingDocument; isCancelled?: boolean } = {}): void {
  const { timeZone } = doc.data;
  const sequence = (d: MeetingDocument) => Math.max(d.data.sequence, doc.data.sequence);
  const writeOccurrence = (occurrence: MeetingDocument): void => {
    out.push('BEGIN:VEVENT');
    writeCommon(out, occurrence, doc.id, context, memo, sequence(occurrence), options.isCancelled === true || occurrence.status === 'cancelled');
    out.push(zonedLine('RECURRENCE-ID', occurrence.data.recurrenceId ?? occurrence.startsAt, timeZone), 'END:VEVENT');
  };
  if (options.onlyOccurrence) return writeOccurrence(options.onlyOccurrence);
  out.push('BEGIN:VEVENT');
  writeCommon(out, doc, doc.id, context, memo, doc.data.sequence, options.isCancelled === true || doc.status === 'cancelled');
  if (doc.data.recurrence) {
    out.push(contentLine('RRULE', rruleValue({ startsAt: doc.startsAt, endsAt: doc.endsAt, timeZone, recurrence: doc.data.recurrence })));
    const cancelled = occurrences.filter((o) => o.status === 'cancelled').map((o) => o.data.recurrenceId ?? o.startsAt);
    const exdates = [...new Set([...doc.data.recurrence.exceptions, ...cancelled].map(isoOf))].sort();
    for (const exdate of exdates) out.push(zonedLine('EXDATE', exdate, timeZone));
  }
  out.push('END:VEVENT');
  for (const occurrence of occurrences) {
    if (occurrence.status !== 'cancelled' && differsFromSeries(occurrence, doc)) writeOccurrence(occurrence);
  }
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

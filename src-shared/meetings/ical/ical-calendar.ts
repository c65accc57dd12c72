import type { MeetingDocument } from '../meeting-model';
import { allDayEvent, eventMemo, meetingEvents, writeMeetingEvents, type IcalContext } from './ical-event';
import { CRLF, contentLine, joinLines, textLine } from './ical-text';
import { vtimezoneLines } from './vtimezone';

/**
 * Whole iCalendar objects: an invitation or cancellation of one meeting (iTIP methods REQUEST and
 * CANCEL, RFC 5546), a meeting's `.ics` download, and a person's subscribable feed (PUBLISH).
 */

export type IcalMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export const PRODID = '-//LabFlow//Meetings 1.0//EN';

/** One meeting with its occurrence documents (none for a one-off meeting). */
export interface MeetingWithOccurrences {
  meeting: MeetingDocument;
  occurrences: readonly MeetingDocument[];
}

export interface AllDayEntry {
  uid: string;
  date: string;
  summary: string;
  description: string;
  updatedAt: string;
  category: string;
}

function calendar(method: IcalMethod | null, name: string | null, meetings: readonly MeetingWithOccurrences[], body: string[]): string {
  const zones = new Map<string, { from: number; to: number }>();
  for (const { meeting, occurrences } of meetings) {
    for (const doc of [meeting, ...occurrences]) {
      const zone = doc.data.timeZone;
      if (zone === 'UTC') continue;
      const until = doc.untilAt.startsWith('9999') ? Date.parse(doc.endsAt) + 5 * 365 * 86_400_000 : Date.parse(doc.untilAt);
      const known = zones.get(zone);
      zones.set(zone, { from: Math.min(known?.from ?? Infinity, Date.parse(doc.startsAt)), to: Math.max(known?.to ?? -Infinity, until) });
    }
  }
  const header = [
    'BEGIN:VCALENDAR',
    contentLine('VERSION', '2.0'),
    contentLine('PRODID', PRODID),
    contentLine('CALSCALE', 'GREGORIAN'),
    ...(method ? [contentLine('METHOD', method)] : []),
    ...(name ? [textLine('X-WR-CALNAME', name)] : []),
    ...[...zones.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([zone, span]) => vtimezoneLines(zone, span.from, span.to)),
  ];
  // One join of the body, never spread into another list: a feed's body has hundreds of thousands of lines.
  return joinLines(header) + (body.length ? joinLines(body) : '') + 'END:VCALENDAR' + CRLF;
}

/**
 * An invitation (REQUEST) or cancellation (CANCEL) of a meeting, or of one occurrence of a series
 * (`onlyOccurrence`, with RECURRENCE-ID). A cancellation says STATUS:CANCELLED.
 */
export function meetingInvitation(method: 'REQUEST' | 'CANCEL', item: MeetingWithOccurrences, context: IcalContext, onlyOccurrence?: MeetingDocument): string {
  const isCancelled = method === 'CANCEL';
  const events = meetingEvents(item.meeting, item.occurrences, context, { ...(onlyOccurrence ? { onlyOccurrence } : {}), isCancelled });
  return calendar(method, null, [item], events);
}

/** A meeting as a file to open in a calendar (no method: the client imports it). */
export const meetingFile = (item: MeetingWithOccurrences, context: IcalContext): string => calendar(null, null, [item], meetingEvents(item.meeting, item.occurrences, context));

/** A person's feed: their meetings, and their tasks' due dates and milestones as all-day entries. */
export function calendarFeed(name: string, meetings: readonly MeetingWithOccurrences[], allDay: readonly AllDayEntry[], context: IcalContext): string {
  const body: string[] = [];
  const memo = eventMemo(context);
  for (const item of meetings) writeMeetingEvents(body, item.meeting, item.occurrences, context, memo);
  for (const entry of allDay) for (const line of allDayEvent({ ...entry, now: context.now })) body.push(line);
  return calendar('PUBLISH', name, meetings, body);
}

import { attendeePersonIds } from './meeting-model';
import type { MeetingOccurrence } from './occurrences';

/**
 * Clashes: a person with two meetings at once (a warning: people do double-book themselves), or a
 * room booked twice (refused). Intervals are half-open, so a meeting ending at 11:00 does not clash
 * with one starting at 11:00; declined attendees and cancelled meetings clash with nothing.
 */

export interface PlannedSlot {
  startsAt: string;
  endsAt: string;
}

export interface Clash {
  kind: 'person' | 'room';
  /** The person's or the room's id. */
  whoId: string;
  /** The other meeting (its occurrence id) and when it is. */
  occurrenceId: string;
  title: string;
  startsAt: string;
  endsAt: string;
}

export interface ClashQuery {
  /** The occurrences being planned (one for a meeting, several for a series). */
  slots: readonly PlannedSlot[];
  personIds: readonly string[];
  roomId: string;
  /** Occurrences of the meeting itself (its series, its occurrence documents) are not clashes with it. */
  ignoreMeetingIds: ReadonlySet<string>;
}

const busyPeople = (occurrence: MeetingOccurrence): string[] =>
  attendeePersonIds({ attendees: occurrence.doc.data.attendees.filter((a) => a.response !== 'declined') }).concat(occurrence.doc.organiserId);

/**
 * Every clash of the planned slots with `existing`, once per person or room and other occurrence,
 * in time order. Sorted sweeps: O((n + m) log(n + m)) for n slots and m existing occurrences.
 */
export function findClashes(query: ClashQuery, existing: readonly MeetingOccurrence[]): Clash[] {
  const people = new Set(query.personIds);
  const slots = [...query.slots].map((s) => ({ start: Date.parse(s.startsAt), end: Date.parse(s.endsAt) })).sort((a, b) => a.start - b.start);
  const others = existing
    .filter((o) => !o.isCancelled && !query.ignoreMeetingIds.has(o.doc.id) && !query.ignoreMeetingIds.has(o.seriesId))
    .map((o) => ({ occurrence: o, start: Date.parse(o.startsAt), end: Date.parse(o.endsAt) }))
    .sort((a, b) => a.start - b.start);
  const found = new Map<string, Clash>();
  // Sweep: `active` holds the others that started before the current slot ends and have not ended
  // before it starts; slots come in start order, so an other that ended is done for every later slot.
  let active: typeof others = [];
  let next = 0;
  for (const slot of slots) {
    while (next < others.length && others[next]!.start < slot.end) active.push(others[next++]!);
    active = active.filter((other) => other.end > slot.start);
    for (const other of active) {
      if (other.start >= slot.end) continue;
      const base = { occurrenceId: other.occurrence.id, title: other.occurrence.doc.title, startsAt: other.occurrence.startsAt, endsAt: other.occurrence.endsAt };
      if (query.roomId && other.occurrence.doc.roomId === query.roomId) found.set(`room|${other.occurrence.id}`, { kind: 'room', whoId: query.roomId, ...base });
      for (const personId of new Set(busyPeople(other.occurrence))) {
        if (people.has(personId)) found.set(`person|${personId}|${other.occurrence.id}`, { kind: 'person', whoId: personId, ...base });
      }
    }
  }
  return [...found.values()].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.whoId < b.whoId ? -1 : 1));
}

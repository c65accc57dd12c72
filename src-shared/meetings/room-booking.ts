import { isSameValue } from '../sync/conflicts';
import { allow, deny, type Decision } from '../sync/write-rule';
import { findClashes, type Clash, type PlannedSlot } from './clashes';
import { describeWhen } from './meeting-labels';
import type { MeetingDocument, Recurrence } from './meeting-model';
import { occurrencesBetween } from './occurrences';
import { expandSeries } from './recurrence';

/**
 * A room is never booked twice. The host refuses the double booking before it saves
 * (src-main/meetings/meeting-input.ts); the sync server refuses it again on push, with the meetings
 * it holds in the room, because two PCs offline can each book the same room for the same hour.
 * Only a change that books the room anew is judged: a booking that became double by someone
 * else's push must not stop anyone writing the minutes of their meeting.
 */

const YEAR_MS = 365 * 86_400_000;
/** A series without end is checked for clashes over this many occurrences at most. */
const MAX_CHECKED_OCCURRENCES = 200;

/** The times a planned meeting takes: its start and end, or its series' next occurrences (a year at most). */
export function plannedSlots(input: { startsAt: string; endsAt: string; timeZone: string; recurrence?: Recurrence | undefined }, nowMs: number): PlannedSlot[] {
  if (!input.recurrence) return [{ startsAt: input.startsAt, endsAt: input.endsAt }];
  const from = Math.max(Date.parse(input.startsAt), nowMs - 86_400_000);
  return expandSeries({ ...input, recurrence: input.recurrence }, from, from + YEAR_MS)
    .slice(0, MAX_CHECKED_OCCURRENCES)
    .map((o) => ({ startsAt: o.startsAt, endsAt: o.endsAt }));
}

/** The slots of a meeting document as it is saved: an occurrence document takes only its own time. */
export const slotsOfMeeting = (doc: MeetingDocument, nowMs: number): PlannedSlot[] =>
  plannedSlots({ startsAt: doc.startsAt, endsAt: doc.endsAt, timeZone: doc.data.timeZone, recurrence: doc.seriesId ? undefined : doc.data.recurrence }, nowMs);

/** Whether this change books a room: a new meeting in a room, another room, other times, or a cancelled meeting brought back. */
export function booksRoomAnew(before: MeetingDocument | null, after: MeetingDocument): boolean {
  if (!after.roomId || after.status === 'cancelled') return false;
  if (!before || before.status === 'cancelled' || before.roomId !== after.roomId) return true;
  return before.startsAt !== after.startsAt || before.endsAt !== after.endsAt || !isSameValue(before.data.recurrence, after.data.recurrence);
}

/**
 * The first other meeting holding `after`'s room at one of its times. `inRoom` are the stored
 * meetings booked in the room (series, one-off meetings and occurrence documents, with the
 * occurrence documents of those series, which may have moved elsewhere).
 */
export function roomDoubleBooking(after: MeetingDocument, inRoom: readonly MeetingDocument[], nowMs: number): Clash | null {
  const slots = slotsOfMeeting(after, nowMs);
  if (slots.length === 0) return null;
  const from = Math.min(...slots.map((s) => Date.parse(s.startsAt)));
  const to = Math.max(...slots.map((s) => Date.parse(s.endsAt)));
  const ignoreMeetingIds = new Set([after.id, ...(after.seriesId ? [after.seriesId] : [])]);
  const clashes = findClashes({ slots, personIds: [], roomId: after.roomId, ignoreMeetingIds }, occurrencesBetween(inRoom, from, to));
  return clashes.find((c) => c.kind === 'room') ?? null;
}

/** The refusal of a double booking, naming the other meeting (one text for host and server). */
export const roomBookedText = (roomName: string, clash: Clash, timeZone: string): string =>
  `${roomName} is already booked for “${clash.title}” (${describeWhen(clash.startsAt, timeZone, clash.endsAt)}). Choose another room or time.`;

/** The sync server's judgement of a pushed meeting's room. */
export function roomBookingDecision(before: MeetingDocument | null, after: MeetingDocument, inRoom: readonly MeetingDocument[], nowMs: number): Decision {
  if (!booksRoomAnew(before, after)) return allow;
  const clash = roomDoubleBooking(after, inRoom, nowMs);
  return clash ? deny(roomBookedText('The room', clash, after.data.timeZone)) : allow;
}

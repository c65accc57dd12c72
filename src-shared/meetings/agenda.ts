import type { AgendaItem } from './meeting-model';

/**
 * Agenda timing: each item's slot from the meeting's start, the total against the meeting's
 * length, and a warning when the items need more time than the meeting has.
 */

export interface AgendaSlot {
  itemId: string;
  startsAt: string;
  endsAt: string;
  /** Starts at or after the meeting's end. */
  isOutside: boolean;
}

export interface AgendaTiming {
  totalMinutes: number;
  meetingMinutes: number;
  /** Minutes left (negative: over by that much). */
  remainingMinutes: number;
  isOver: boolean;
  slots: AgendaSlot[];
  /** A sentence for the agenda's header, e.g. "55 of 60 minutes planned" or "15 minutes over the meeting's length". */
  summary: string;
}

const MINUTE_MS = 60_000;
const minutesText = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

export function agendaTiming(items: readonly Pick<AgendaItem, 'id' | 'minutes'>[], startsAt: string, endsAt: string): AgendaTiming {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  const meetingMinutes = Math.max(0, Math.round((end - start) / MINUTE_MS));
  let offset = 0;
  const slots = items.map((item) => {
    const slotStart = start + offset * MINUTE_MS;
    offset += item.minutes;
    return { itemId: item.id, startsAt: new Date(slotStart).toISOString(), endsAt: new Date(start + offset * MINUTE_MS).toISOString(), isOutside: slotStart >= end };
  });
  const remainingMinutes = meetingMinutes - offset;
  const isOver = remainingMinutes < 0;
  const summary = isOver
    ? `${minutesText(-remainingMinutes)} over the meeting’s length (${minutesText(offset)} planned for ${minutesText(meetingMinutes)})`
    : `${offset} of ${minutesText(meetingMinutes)} planned`;
  return { totalMinutes: offset, meetingMinutes, remainingMinutes, isOver, slots, summary };
}

/** The list with the item at `from` moved to `to` (a drag in the agenda); out-of-range positions change nothing. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return [...items];
  const result = [...items];
  const [moved] = result.splice(from, 1);
  result.splice(to, 0, moved as T);
  return result;
}

/** The items in the order of `orderedIds` (a reorder command): null unless it names each item exactly once. */
export function reorderItems<T extends { id: string }>(items: readonly T[], orderedIds: readonly string[]): T[] | null {
  if (orderedIds.length !== items.length || new Set(orderedIds).size !== items.length) return null;
  const byId = new Map(items.map((item) => [item.id, item]));
  const result = orderedIds.map((id) => byId.get(id));
  return result.every((item): item is T => item !== undefined) ? result : null;
}

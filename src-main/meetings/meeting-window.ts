import { findClashes, type Clash, type PlannedSlot } from '../../src-shared/meetings/clashes';
import type { MeetingDocument, Recurrence } from '../../src-shared/meetings/meeting-model';
import { occurrencesBetween, type MeetingOccurrence } from '../../src-shared/meetings/occurrences';
import { expandSeries } from '../../src-shared/meetings/recurrence';
import type { LabDatabase } from '../database/open-database';
import { toMeeting } from './meeting-store';

/**
 * Meetings in a window of time: the documents that reach into it (one-off meetings, series still
 * running, occurrence documents — and the series of those), and their occurrences.
 */

export async function documentsBetween(db: LabDatabase, fromMs: number, toMs: number): Promise<MeetingDocument[]> {
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  const found = await db.meetings.find({ selector: { untilAt: { $gte: from }, startsAt: { $lt: to } } }).exec();
  const docs = found.flatMap((d) => toMeeting(d) ?? []);
  const have = new Set(docs.map((d) => d.id));
  // An occurrence moved far from its series' span still needs its series.
  const missing = [...new Set(docs.filter((d) => d.seriesId && !have.has(d.seriesId)).map((d) => d.seriesId))];
  if (missing.length > 0) {
    const series = await db.meetings.findByIds(missing).exec();
    for (const doc of series.values()) {
      const meeting = toMeeting(doc);
      if (meeting) docs.push(meeting);
    }
  }
  // Occurrence documents whose original time is in the window but who moved out: their series is
  // here, so they are needed to replace the computed occurrence (which must not show).
  const seriesIds = docs.filter((d) => d.seriesId === '' && d.data.recurrence).map((d) => d.id);
  if (seriesIds.length > 0) {
    const own = await db.meetings.find({ selector: { seriesId: { $in: seriesIds } } }).exec();
    for (const doc of own) {
      if (have.has(doc.id)) continue;
      const meeting = toMeeting(doc);
      if (meeting) {
        docs.push(meeting);
        have.add(doc.id);
      }
    }
  }
  return docs;
}

export async function occurrencesInWindow(db: LabDatabase, fromMs: number, toMs: number): Promise<MeetingOccurrence[]> {
  return occurrencesBetween(await documentsBetween(db, fromMs, toMs), fromMs, toMs);
}

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

/** People busy elsewhere and the room booked at any of the slots. */
export async function clashesOf(db: LabDatabase, query: { slots: PlannedSlot[]; personIds: string[]; roomId: string; ignoreMeetingIds: ReadonlySet<string> }): Promise<Clash[]> {
  if (query.slots.length === 0) return [];
  const from = Math.min(...query.slots.map((s) => Date.parse(s.startsAt)));
  const to = Math.max(...query.slots.map((s) => Date.parse(s.endsAt)));
  return findClashes(query, await occurrencesInWindow(db, from, to));
}

import { findClashes, type Clash, type PlannedSlot } from '../../src-shared/meetings/clashes';
import type { MeetingDocument } from '../../src-shared/meetings/meeting-model';
import { occurrencesBetween, type MeetingOccurrence } from '../../src-shared/meetings/occurrences';
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

/** People busy elsewhere and the room booked at any of the slots. */
export async function clashesOf(db: LabDatabase, query: { slots: PlannedSlot[]; personIds: string[]; roomId: string; ignoreMeetingIds: ReadonlySet<string> }): Promise<Clash[]> {
  if (query.slots.length === 0) return [];
  const from = Math.min(...query.slots.map((s) => Date.parse(s.startsAt)));
  const to = Math.max(...query.slots.map((s) => Date.parse(s.endsAt)));
  return findClashes(query, await occurrencesInWindow(db, from, to));
}

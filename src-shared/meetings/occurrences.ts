import { emptyMinutes, occurrenceId, type AgendaItem, type MeetingDocument } from './meeting-model';
import { expandSeries, isoOf, type Occurrence } from './recurrence';

/**
 * Meetings as they happen: one-off meetings as they are, series expanded into their occurrences,
 * and occurrences with documents of their own (moved, cancelled alone, with an agenda or minutes)
 * in place of the computed ones. What calendars, clash checks, reminders and feeds work from.
 */

export interface MeetingOccurrence {
  /** The route and link id: the meeting's id, or `occurrenceId(series, recurrenceId)` for an occurrence. */
  id: string;
  /** The document the occurrence is read from (the series itself while the occurrence has none). */
  doc: MeetingDocument;
  /** The series' id for occurrences, '' for one-off meetings. */
  seriesId: string;
  recurrenceId?: string;
  startsAt: string;
  endsAt: string;
  isCancelled: boolean;
  /** Whether the occurrence has a document of its own. */
  hasDocument: boolean;
}

const isSeries = (doc: MeetingDocument): boolean => doc.seriesId === '' && doc.data.recurrence !== undefined;

const timingOf = (doc: MeetingDocument) => ({ startsAt: doc.startsAt, endsAt: doc.endsAt, timeZone: doc.data.timeZone, recurrence: doc.data.recurrence! });

const overlaps = (startsAt: string, endsAt: string, fromMs: number, toMs: number): boolean => {
  const start = Date.parse(startsAt);
  return start < toMs && Math.max(Date.parse(endsAt), start + 1) > fromMs;
};

/** The occurrence of `series` at `occurrence`, read from the series (no document of its own). */
export const computedOccurrence = (series: MeetingDocument, occurrence: Occurrence): MeetingOccurrence => ({
  id: occurrenceId(series.id, occurrence.recurrenceId),
  doc: series,
  seriesId: series.id,
  recurrenceId: occurrence.recurrenceId,
  startsAt: occurrence.startsAt,
  endsAt: occurrence.endsAt,
  isCancelled: series.status === 'cancelled',
  hasDocument: false,
});

/** An occurrence document, or a one-off meeting, as an occurrence. */
export const documentOccurrence = (doc: MeetingDocument, series?: MeetingDocument): MeetingOccurrence => ({
  id: doc.id,
  doc,
  seriesId: doc.seriesId,
  ...(doc.data.recurrenceId ? { recurrenceId: doc.data.recurrenceId } : {}),
  startsAt: doc.startsAt,
  endsAt: doc.endsAt,
  isCancelled: doc.status === 'cancelled' || series?.status === 'cancelled',
  hasDocument: true,
});

/**
 * Every occurrence overlapping [fromMs, toMs) of these documents, in start order. `docs` holds the
 * series and one-off meetings that may reach into the window and the occurrence documents of those
 * series; an occurrence document whose series is missing is left out (its series was removed).
 * Occurrences taken out of their series (its exceptions) are not returned; cancelled ones are,
 * marked `isCancelled`.
 */
export function occurrencesBetween(docs: readonly MeetingDocument[], fromMs: number, toMs: number): MeetingOccurrence[] {
  const series = new Map<string, MeetingDocument>();
  const ownDocuments = new Map<string, MeetingDocument>();
  const result: MeetingOccurrence[] = [];
  for (const doc of docs) {
    if (doc.seriesId !== '') ownDocuments.set(doc.id, doc);
    else if (isSeries(doc)) series.set(doc.id, doc);
    else if (overlaps(doc.startsAt, doc.endsAt, fromMs, toMs)) result.push(documentOccurrence(doc));
  }
  for (const doc of ownDocuments.values()) {
    const parent = series.get(doc.seriesId);
    if (parent && overlaps(doc.startsAt, doc.endsAt, fromMs, toMs)) result.push(documentOccurrence(doc, parent));
  }
  for (const parent of series.values()) {
    for (const occurrence of expandSeries(timingOf(parent), fromMs, toMs)) {
      if (!ownDocuments.has(occurrenceId(parent.id, occurrence.recurrenceId))) result.push(computedOccurrence(parent, occurrence));
    }
  }
  return result.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The document an occurrence gets when it is first moved or given an agenda or minutes: the
 * series' meeting as it stands (title, place, attendees and their answers, privacy) at the
 * occurrence's time, with the series' standing agenda and empty minutes.
 */
export function materialiseOccurrence(series: MeetingDocument, recurrenceId: string): Omit<MeetingDocument, 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'auditId'> {
  const start = isoOf(recurrenceId);
  const duration = Date.parse(series.endsAt) - Date.parse(series.startsAt);
  const endsAt = new Date(Date.parse(start) + duration).toISOString();
  const { recurrence: _recurrence, ...data } = series.data;
  // Item ids stay the series' own: they are unique within a document, and the agenda shown before the occurrence had a document keeps working.
  const agenda: AgendaItem[] = series.data.agenda.map((item) => ({ ...item, notes: '' }));
  return {
    id: occurrenceId(series.id, start),
    title: series.title,
    startsAt: start,
    endsAt,
    untilAt: endsAt,
    organiserId: series.organiserId,
    seriesId: series.id,
    status: series.status,
    roomId: series.roomId,
    data: { ...data, recurrenceId: start, isMoved: false, agenda, minutes: emptyMinutes(), actionItems: [], minutesVersions: [], signoffs: [] },
  };
}

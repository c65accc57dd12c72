import { calendarSettingsId, defaultCalendarSettings, parseCalendarSettings } from '../../src-shared/meetings/calendar-settings';
import { parseOccurrenceId, type MeetingDocument } from '../../src-shared/meetings/meeting-model';
import type { MeetingOccurrence } from '../../src-shared/meetings/occurrences';
import type { LabDatabase } from '../database/open-database';
import type { ChangedDocuments } from '../scheduler/reminder-rule';
import { toMeeting } from './meeting-store';

/**
 * What the meeting reminder rules share. Reminders of a series (its computed occurrences and its
 * occurrence documents alike) are owned by the series, so an occurrence document written or
 * removed re-derives its series; a one-off meeting owns its own. Occurrence ids name their series,
 * so the owner is known without reading anything.
 */

export const ownerOfMeetingId = (id: string): string => parseOccurrenceId(id)?.seriesId ?? id;

/** The owners a change touched; 'all' when a person's calendar settings (lead times) changed. */
export function changedOwners(changed: ChangedDocuments, watchesSettings = false): Set<string> | 'all' {
  if (watchesSettings && [...(changed.get('notifications') ?? [])].some((id) => id.startsWith('cal-'))) return 'all';
  return new Set([...(changed.get('meetings') ?? [])].map(ownerOfMeetingId));
}

/** The owners' documents: each one-off meeting or series, and every occurrence document of those series. */
export async function documentsOfOwners(db: LabDatabase, owners: ReadonlySet<string>): Promise<MeetingDocument[]> {
  if (owners.size === 0) return [];
  const ids = [...owners];
  const [main, own] = await Promise.all([db.meetings.findByIds(ids).exec(), db.meetings.find({ selector: { seriesId: { $in: ids } } }).exec()]);
  return [...main.values(), ...own].flatMap((d) => toMeeting(d) ?? []);
}

/** Each person's meeting reminder lead times (ms), from their calendar settings; the default for everyone else. */
export async function leadTimesOf(db: LabDatabase): Promise<(personId: string) => number[]> {
  const docs = await db.notifications.find({ selector: { kind: 'calendar_settings' } }).exec();
  const byPerson = new Map<string, number[]>();
  for (const doc of docs) {
    const personId = String(doc.get('recipientId'));
    if (doc.id !== calendarSettingsId(personId)) continue;
    byPerson.set(personId, parseCalendarSettings(doc.get('data')).meetingLeadMinutes.map((m) => m * 60_000));
  }
  const fallback = defaultCalendarSettings.meetingLeadMinutes.map((m) => m * 60_000);
  return (personId) => byPerson.get(personId) ?? fallback;
}

/** The people an occurrence reminds: its attendees from the directory who have not declined. */
export const remindedPeople = (occurrence: MeetingOccurrence): string[] =>
  occurrence.doc.data.attendees.filter((a) => a.personId && a.response !== 'declined').map((a) => a.personId as string);

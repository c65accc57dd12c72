import { fail, ok, type Result } from '../core/result';
import { attendeeKey, type MeetingDocument, type MinutesSnapshot, type MinutesVersion } from './meeting-model';

/**
 * Publishing minutes freezes what they say into a numbered version: names, texts and times as they
 * are at that moment. Later corrections never change a published version; they are published as
 * the next version with a note saying what changed, and every version stays readable.
 */

export interface Names {
  person(personId: string): string;
  room(roomId: string): string | undefined;
  /** The name of a live file of the meeting; undefined once removed (absent: the meeting's files are not known). */
  file?(attachmentId: string): string | undefined;
}

/** What the minutes say now (the draft), frozen as they would be published. */
export function minutesSnapshot(doc: MeetingDocument, names: Names): MinutesSnapshot {
  const { data } = doc;
  const place = [doc.roomId ? names.room(doc.roomId) : undefined, data.place, data.videoUrl].filter(Boolean).join(' · ');
  return {
    title: doc.title,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    timeZone: data.timeZone,
    place,
    organiserName: names.person(doc.organiserId),
    attendees: data.attendees.map((a) => ({
      name: a.personId ? names.person(a.personId) : a.name || (a.email ?? ''),
      role: a.role,
      attendance: data.minutes.attendance[attendeeKey(a)] ?? 'unknown',
    })),
    agenda: data.agenda.map((item) => {
      const fileNames = item.attachmentIds.flatMap((id) => names.file?.(id) ?? []);
      // Only items with files say so, so versions published before items had files read the same.
      return { title: item.title, presenterName: item.presenterId ? names.person(item.presenterId) : '', minutes: item.minutes, notes: item.notes, ...(fileNames.length ? { fileNames } : {}) };
    }),
    summary: data.minutes.summary,
    decisions: data.minutes.decisions.map((d) => d.text),
    actionItems: data.actionItems.map((item) => ({ description: item.description, ownerName: names.person(item.ownerId), dueDate: item.dueDate ?? '' })),
  };
}

export const latestVersion = (doc: MeetingDocument): MinutesVersion | undefined => doc.data.minutesVersions.at(-1);

/** Whether the draft says something the latest published version does not. */
export function hasUnpublishedChanges(doc: MeetingDocument, names: Names): boolean {
  const latest = latestVersion(doc);
  return !latest || JSON.stringify(latest.snapshot) !== JSON.stringify(minutesSnapshot(doc, names));
}

/**
 * The next version of the minutes. The first needs nothing more; every later one needs a note of
 * what changed, and something must have changed.
 */
export function nextMinutesVersion(doc: MeetingDocument, names: Names, input: { now: Date; publisherId: string; changeNote: string }): Result<MinutesVersion> {
  const latest = latestVersion(doc);
  const snapshot = minutesSnapshot(doc, names);
  if (latest && JSON.stringify(latest.snapshot) === JSON.stringify(snapshot)) {
    return fail('invalid_state', `Version ${latest.version} of the minutes already says exactly this; change the minutes before publishing again.`);
  }
  if (latest && input.changeNote.trim() === '') return fail('invalid_input', 'Say what changed since the published version; it is kept with the new version.', { field: 'changeNote' });
  return ok({
    version: (latest?.version ?? 0) + 1,
    publishedAt: input.now.toISOString(),
    publishedById: input.publisherId,
    publishedByName: names.person(input.publisherId),
    changeNote: input.changeNote.trim(),
    snapshot,
  });
}

import type { RelatedDocuments } from '../sync/related-documents';
import { allow, dataOf, deny, type Decision } from '../sync/write-rule';
import { canTakeMinutes, type MeetingActor } from './meeting-access';
import { meetingDataSchema } from './meeting-model';

/**
 * The sync server's checks on the `notifications` documents meetings write (permissions.ts asks
 * these first; null: not such a document).
 */
type Doc = Record<string, unknown>;

/**
 * A person's calendar settings (reminder lead times, calendar feed tokens) are theirs alone: a
 * feed token another PC could plant would let it read that person's calendar.
 */
export function calendarSettingsDecision(person: MeetingActor, doc: Doc, previous: Doc | null): Decision | null {
  if (doc.kind !== 'calendar_settings' && previous?.kind !== 'calendar_settings') return null;
  const isOwn = doc.recipientId === person.id && (!previous || previous.recipientId === person.id);
  return isOwn ? allow : deny('Only the person themselves can change their calendar settings and calendar feed links.');
}

/**
 * An email to someone outside the lab (an invitation, a cancellation, the minutes) is queued by
 * whoever may manage the meeting or publish its minutes, and only to an address the meeting lists
 * as an attendee — the server's copy of the meeting decides, not the pushed email.
 */
export function meetingEmailDecision(person: MeetingActor, doc: Doc, related: RelatedDocuments): Decision | null {
  const data = dataOf(doc);
  if (doc.kind !== 'outbox' || data.channel !== 'email' || typeof data.meetingId !== 'string') return null;
  const stored = related.get('meetings', data.meetingId);
  const meeting = stored ? meetingDataSchema.safeParse(stored.data) : null;
  if (!stored || !meeting?.success) return deny('An email about a meeting needs the meeting on the sync server first.');
  if (!canTakeMinutes({ organiserId: String(stored.organiserId), data: meeting.data }, person)) return deny('Only the organiser and the minute-takers can email the attendees of a meeting.');
  const to = String(data.to).toLowerCase();
  return meeting.data.attendees.some((a) => a.email?.toLowerCase() === to) ? allow : deny('A meeting email can only go to an attendee of the meeting.');
}

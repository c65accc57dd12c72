import { canReadMeeting, type MeetingActor } from './meeting-access';
import type { Attendee } from './meeting-model';

/**
 * Read scope of stored meetings (read-scope.ts asks it for the `meetings` collection and for audit
 * entries and conflict records about meetings). Works on any document shape: a meeting that is not
 * marked private is read by everyone, a private one by its organiser, attendees and minute-takers.
 */
type Doc = Record<string, unknown>;

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function canReadMeetingDocument(person: MeetingActor, doc: Doc): boolean {
  const data = doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {};
  if (data.isPrivate !== true) return true;
  return canReadMeeting(
    {
      organiserId: typeof doc.organiserId === 'string' ? doc.organiserId : '',
      data: {
        isPrivate: true,
        attendees: listOf(data.attendees).filter((a): a is Attendee => typeof a === 'object' && a !== null),
        minuteTakerIds: listOf(data.minuteTakerIds).filter((id): id is string => typeof id === 'string'),
      },
    },
    person,
  );
}

/** The part of a meeting its read scope depends on (kept in conflict records about it). */
export function meetingScopeProjection(doc: Doc): Doc {
  const data = doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {};
  if (data.isPrivate !== true) return {};
  const attendees = listOf(data.attendees).flatMap((a) => (a && typeof a === 'object' && typeof (a as Doc).personId === 'string' ? [{ personId: (a as Doc).personId }] : []));
  return { organiserId: doc.organiserId, data: { isPrivate: true, attendees, minuteTakerIds: listOf(data.minuteTakerIds) } };
}

import { isAdmin } from '../people/roles';
import { attendeeKey, type MeetingData } from './meeting-model';

/**
 * Who may do what with a meeting. Pure and shared: the host's meeting commands ask these
 * questions, and the sync server judges pushed meetings with the same answers
 * (meeting-write-rule.ts), so a PC cannot do by sync what its commands refuse.
 *
 * - The organiser changes the meeting (time, place, attendees, agenda, recurrence, cancelling);
 *   administrators may too, except for private meetings, which they cannot read.
 * - The organiser and the named minute-takers take the minutes and publish them.
 * - Each attendee answers for themselves (accept, tentative, decline) and signs off published
 *   minutes for themselves; an action item's owner may tick it done.
 * - A private meeting (a 1:1 by default) is read only by its organiser, its attendees and its
 *   minute-takers — nobody else, administrators included. Every other meeting is read by all.
 */

/** The person asking, from the asker's own directory (never from the document judged). */
export interface MeetingActor {
  id: string;
  roles: readonly string[];
}

/** The parts of a meeting document these rules read. */
export interface MeetingAccessFields {
  organiserId: string;
  data: Pick<MeetingData, 'attendees' | 'minuteTakerIds' | 'isPrivate'>;
}

export const isOrganiser = (meeting: Pick<MeetingAccessFields, 'organiserId'>, actor: MeetingActor): boolean => meeting.organiserId === actor.id;

export const isAttendee = (meeting: MeetingAccessFields, personId: string): boolean => meeting.data.attendees.some((a) => a.personId === personId);

export const isMinuteTaker = (meeting: MeetingAccessFields, personId: string): boolean => meeting.data.minuteTakerIds.includes(personId);

/** Changes the meeting itself: its organiser, and administrators for meetings that are not private. */
export const canManageMeeting = (meeting: MeetingAccessFields, actor: MeetingActor): boolean =>
  isOrganiser(meeting, actor) || (isAdmin(actor.roles) && !meeting.data.isPrivate);

/** Takes, edits and publishes the minutes. */
export const canTakeMinutes = (meeting: MeetingAccessFields, actor: MeetingActor): boolean => canManageMeeting(meeting, actor) || isMinuteTaker(meeting, actor.id);

/** Reads the meeting and everything about it. */
export const canReadMeeting = (meeting: MeetingAccessFields, actor: MeetingActor): boolean =>
  !meeting.data.isPrivate || isOrganiser(meeting, actor) || isAttendee(meeting, actor.id) || isMinuteTaker(meeting, actor.id);

/** The attendee entry that is this person (the key their response is stored under). */
export const ownAttendeeKey = (meeting: MeetingAccessFields, personId: string): string | null => {
  const entry = meeting.data.attendees.find((a) => a.personId === personId);
  return entry ? attendeeKey(entry) : null;
};

/** The words of a refusal, one place for host and server. */
export const refusals = {
  manage: 'Only the organiser (or an administrator) can change this meeting.',
  minutes: 'Only the organiser and the minute-takers can take or publish the minutes.',
  response: 'Each attendee answers an invitation for themselves.',
  published: 'Published minutes cannot be changed; publish a new version with a note saying what changed.',
  signoff: 'Only an attendee can sign off the minutes, and only for themselves.',
  read: 'This meeting is private to its attendees.',
} as const;

import { fail, ok, type Result } from '../../src-shared/core/result';
import type { Clash } from '../../src-shared/meetings/clashes';
import type { AttendeeInput } from '../../src-shared/meetings/meeting-contract';
import { attendeeKey, weekdayCodes, type Attendee, type MeetingDocument, type Recurrence } from '../../src-shared/meetings/meeting-model';
import { wallTimeAt } from '../../src-shared/meetings/time-zones';
import type { CommandContext } from '../host/handler-types';
import type { MeetingDirectory } from './meeting-directory';
import { roomBookedText, slotsOfMeeting } from '../../src-shared/meetings/room-booking';
import { clashesOf } from './meeting-window';
import { readProject } from '../projects/project-access';

/** Checks and completes what a person typed into the meeting form, against this PC's directory. */

/**
 * The attendee list: people must be active in the directory; addresses outside it are kept as
 * given. The organiser always attends (accepted). Answers already given are kept for everyone who
 * stays on the list; the same person or address twice counts once.
 */
export function attendeesFrom(directory: MeetingDirectory, inputs: readonly AttendeeInput[], organiserId: string, previous: readonly Attendee[] = []): Result<Attendee[]> {
  const before = new Map(previous.map((a) => [attendeeKey(a), a]));
  const result = new Map<string, Attendee>();
  const add = (attendee: Attendee) => {
    const key = attendeeKey(attendee);
    if (result.has(key)) return;
    const kept = before.get(key);
    result.set(key, kept ? { ...kept, role: attendee.role, name: attendee.name || kept.name } : attendee);
  };
  const organiser = directory.people.get(organiserId);
  add({ personId: organiserId, name: organiser?.name ?? '', role: 'required', response: 'accepted' });
  for (const input of inputs) {
    if ('personId' in input) {
      const person = directory.people.get(input.personId);
      if (!person?.isActive) return fail('invalid_input', 'Choose attendees from the active people of the directory.', { field: 'attendees', details: { missing: [input.personId] } });
      add({ personId: person.id, name: person.name, role: input.role, response: 'needs_action' });
    } else {
      const known = [...directory.people.values()].find((p) => p.email.toLowerCase() === input.email);
      if (known?.isActive) add({ personId: known.id, name: known.name, role: input.role, response: 'needs_action' });
      else add({ email: input.email, name: input.name, role: input.role, response: 'needs_action' });
    }
  }
  return ok([...result.values()]);
}

export function checkPeople(directory: MeetingDirectory, ids: readonly string[], field: string): Result<string[]> {
  const missing = ids.filter((id) => !directory.people.get(id)?.isActive);
  return missing.length > 0 ? fail('invalid_input', 'Choose active people from the directory.', { field, details: { missing } }) : ok([...new Set(ids)]);
}

export function checkRoom(directory: MeetingDirectory, roomId: string): Result<string> {
  if (!roomId) return ok('');
  const room = directory.rooms.get(roomId);
  if (!room) return fail('invalid_input', 'That room is not on the list of meeting rooms.', { field: 'roomId' });
  if (!room.isBookable) return fail('invalid_input', `${room.name} can no longer be booked.`, { field: 'roomId' });
  return ok(roomId);
}

/** The project a meeting is about must exist (its tasks are where action items go by default). */
export async function checkProject(context: CommandContext, projectId: string | null | undefined): Promise<Result<null>> {
  if (!projectId) return ok(null);
  const project = await readProject(context.db, projectId);
  return project && !project.isArchived ? ok(null) : fail('invalid_input', 'Choose a project that exists and is not archived.', { field: 'projectId' });
}

/**
 * A weekly rule on given weekdays always includes the first meeting's weekday, so the first
 * meeting is an occurrence of its own rule (RFC 5545 leaves a DTSTART outside its RRULE undefined).
 */
export function anchoredRecurrence(recurrence: Recurrence, startsAt: string, timeZone: string): Recurrence {
  if (recurrence.frequency !== 'weekly' || recurrence.weekdays.length === 0) return { ...recurrence, weekdays: [] };
  const wall = wallTimeAt(Date.parse(startsAt), timeZone);
  const weekday = weekdayCodes[(new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7]!;
  const days = new Set([...recurrence.weekdays, weekday]);
  return { ...recurrence, weekdays: weekdayCodes.filter((d) => days.has(d)) };
}

/**
 * The clash check of a meeting about to be saved: a room booked elsewhere refuses the save
 * (`conflict`, naming the other meeting); people busy elsewhere are returned as a warning.
 */
export async function checkClashes(context: CommandContext, doc: MeetingDocument, directory: MeetingDirectory): Promise<Result<Clash[]>> {
  if (doc.status === 'cancelled') return ok([]);
  const slots = slotsOfMeeting(doc, context.clock().getTime());
  const ignore = new Set([doc.id, ...(doc.seriesId ? [doc.seriesId] : [])]);
  const personIds = doc.data.attendees.filter((a) => a.personId && a.response !== 'declined').map((a) => a.personId as string);
  const clashes = await clashesOf(context.db, { slots, personIds, roomId: doc.roomId, ignoreMeetingIds: ignore });
  const room = clashes.find((c) => c.kind === 'room');
  if (room) {
    const roomName = directory.rooms.get(room.whoId)?.name ?? 'The room';
    return fail('conflict', roomBookedText(roomName, room, doc.data.timeZone), { field: 'roomId', details: { clash: room } });
  }
  return ok(clashes);
}

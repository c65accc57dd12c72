import { z } from 'zod';
import { command, query } from '../bridge/define';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { emailSchema } from '../people/person';
import { leadMinutesSchema } from './calendar-settings';
import type { Clash } from './clashes';
import { attendanceMarks, attendeeResponses, attendeeRoles, meetingTypes, recurrenceSchema, signoffMeanings } from './meeting-model';
import type { CalendarEntry, CalendarSettingsView, MeetingDetail, MeetingRow, RoomView, SaveMeetingResult } from './meeting-views';
import { isTimeZone } from './time-zones';

/**
 * Meetings between UI and host: scheduling (one-off and recurring, rooms, attendees), answers,
 * agendas, minutes with their published versions and sign-offs, action items that become tasks,
 * the calendar, `.ics` files and the person's calendar feed.
 *
 * Who may do what is src-shared/meetings/meeting-access.ts: the organiser (and administrators, for
 * meetings that are not private) change a meeting; the organiser and minute-takers take and publish
 * the minutes; attendees answer and sign off for themselves. Refusals are `forbidden`; a room
 * booked at that time is `conflict` naming the other meeting; people busy elsewhere are returned as
 * `clashes` with a saved meeting (a warning, not a refusal). `id` may name a meeting or one
 * occurrence of a series (`<series>_<start>`); `scope: 'series'` changes the whole series instead.
 */

const id = recordIdSchema;
/** A meeting or an occurrence id (`<series id>_<start in minutes, base 36>`). */
const meetingRef = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Not a meeting.');
const title = z.string().trim().min(1, 'Give the meeting a title.').max(500, 'A title has at most 500 characters.');
const instant = z.iso.datetime({ offset: true, message: 'Enter a date and time.' });
const timeZone = z.string().refine(isTimeZone, 'Choose a time zone from the list.');
const scope = z.enum(['occurrence', 'series']).default('occurrence');

export const attendeeInputSchema = z.union([
  z.object({ personId: id, role: z.enum(attendeeRoles).default('required') }),
  z.object({ email: emailSchema, name: z.string().trim().max(200).default(''), role: z.enum(attendeeRoles).default('required') }),
]);
export type AttendeeInput = z.infer<typeof attendeeInputSchema>;

const meetingFields = {
  title,
  type: z.enum(meetingTypes),
  startsAt: instant,
  endsAt: instant,
  timeZone,
  place: z.string().trim().max(300).default(''),
  videoUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Enter a video link starting with https://' }).max(500)]).default(''),
  description: z.string().max(20_000).default(''),
  roomId: z.string().max(40).default(''),
  projectId: id.optional(),
  recordId: id.optional(),
  /** Absent: 1:1s are private, other meetings are not. */
  isPrivate: z.boolean().optional(),
  attendees: z.array(attendeeInputSchema).max(500).default([]),
  minuteTakerIds: z.array(id).max(20).default([]),
};

const endAfterStart = (value: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  !value.startsAt || !value.endsAt || Date.parse(value.endsAt) > Date.parse(value.startsAt);
const endAfterStartIssue = { message: 'The meeting must end after it starts.', path: ['endsAt'] };

const agendaFields = {
  title: z.string().trim().min(1, 'Give the agenda item a title.').max(300),
  presenterId: id.nullable().optional(),
  minutes: z.number().int('Whole minutes.').min(0, 'Minutes cannot be negative.').max(24 * 60),
  linkedTaskIds: z.array(id).max(50).optional(),
  linkedRecordIds: z.array(id).max(50).optional(),
  attachmentIds: z.array(id).max(50).optional(),
};

const actionFields = {
  description: z.string().trim().min(1, 'Describe the action.').max(2000),
  ownerId: id,
  dueDate: planDateSchema.nullable().optional(),
  agendaItemId: id.nullable().optional(),
};

export const meetingContract = {
  'meetings/create': command<SaveMeetingResult>()(
    z.object({ ...meetingFields, recurrence: recurrenceSchema.optional(), agenda: z.array(z.object(agendaFields)).max(100).default([]) }).refine(endAfterStart, endAfterStartIssue),
  ),
  /** Changes the meeting, one occurrence (`scope: 'occurrence'`, the default) or the whole series. A calendar drag is a change of start and end. */
  'meetings/update': command<SaveMeetingResult>()(
    z
      .object({
        id: meetingRef,
        scope,
        title: title.optional(),
        type: z.enum(meetingTypes).optional(),
        startsAt: instant.optional(),
        endsAt: instant.optional(),
        timeZone: timeZone.optional(),
        place: z.string().trim().max(300).optional(),
        videoUrl: meetingFields.videoUrl.optional(),
        description: z.string().max(20_000).optional(),
        roomId: z.string().max(40).optional(),
        projectId: id.nullable().optional(),
        recordId: id.nullable().optional(),
        isPrivate: z.boolean().optional(),
        attendees: z.array(attendeeInputSchema).max(500).optional(),
        minuteTakerIds: z.array(id).max(20).optional(),
        recurrence: recurrenceSchema.optional(),
      })
      .refine(endAfterStart, endAfterStartIssue),
  ),
  /** Cancels the meeting, one occurrence, or the series from then on; attendees get a cancellation. */
  'meetings/cancel': command<{ id: string }>()(z.object({ id: meetingRef, scope, reason: z.string().trim().max(2000).default('') })),
  /** The signed-in attendee's answer, for this occurrence or the whole series. */
  'meetings/respond': command<{ id: string }>()(z.object({ id: meetingRef, scope, response: z.enum(attendeeResponses).exclude(['needs_action']) })),

  'meetings/agenda/add': command<{ id: string; itemId: string }>()(z.object({ id: meetingRef, scope, ...agendaFields })),
  'meetings/agenda/update': command<{ id: string }>()(z.object({ id: meetingRef, scope, itemId: id, ...agendaFields, title: agendaFields.title.optional(), minutes: agendaFields.minutes.optional() })),
  'meetings/agenda/remove': command<{ id: string }>()(z.object({ id: meetingRef, scope, itemId: id })),
  /** The agenda in a new order (a drag): every item's id once. */
  'meetings/agenda/reorder': command<{ id: string }>()(z.object({ id: meetingRef, scope, itemIds: z.array(id).max(100) })),

  'meetings/minutes/attendance': command<{ id: string }>()(z.object({ id: meetingRef, attendeeKey: z.string().min(1).max(300), mark: z.enum(attendanceMarks) })),
  'meetings/minutes/notes': command<{ id: string }>()(z.object({ id: meetingRef, itemId: id, notes: z.string().max(20_000) })),
  'meetings/minutes/summary': command<{ id: string }>()(z.object({ id: meetingRef, summary: z.string().max(20_000) })),
  'meetings/decisions/add': command<{ id: string; decisionId: string }>()(z.object({ id: meetingRef, text: z.string().trim().min(1, 'Write the decision.').max(5000), agendaItemId: id.optional() })),
  'meetings/decisions/remove': command<{ id: string }>()(z.object({ id: meetingRef, decisionId: id })),
  /** Publishes the minutes as their next version, notifies the attendees (in app and by email with the PDF). From version 2 on, say what changed. */
  'meetings/minutes/publish': command<{ id: string; version: number }>()(z.object({ id: meetingRef, changeNote: z.string().max(2000).default('') })),
  /** Signs off a published version: the password re-entered, the meaning stated (electronic signature). */
  'meetings/minutes/sign': command<{ id: string }>()(
    z.object({ id: meetingRef, version: z.number().int().min(1), meaning: z.enum(signoffMeanings), password: z.string().min(1, 'Enter your password to sign.').max(200) }),
  ),
  /** A published version of the minutes as a PDF (base64). */
  'meetings/minutes/pdf': command<{ filename: string; base64: string }>()(z.object({ id: meetingRef, version: z.number().int().min(1) })),

  'meetings/actions/add': command<{ id: string; actionId: string }>()(z.object({ id: meetingRef, ...actionFields })),
  'meetings/actions/update': command<{ id: string }>()(z.object({ id: meetingRef, actionId: id, ...actionFields, description: actionFields.description.optional(), ownerId: id.optional() })),
  'meetings/actions/remove': command<{ id: string }>()(z.object({ id: meetingRef, actionId: id })),
  /** Ticks an action item that is not a task done or open again (a task's item follows the task). */
  'meetings/actions/set-done': command<{ id: string }>()(z.object({ id: meetingRef, actionId: id, isDone: z.boolean() })),
  /** Makes the action item a task in a project, or in its owner's inbox (no `projectId`); the two are linked both ways. */
  'meetings/actions/make-task': command<{ id: string; taskId: string; projectId: string }>()(z.object({ id: meetingRef, actionId: id, projectId: id.optional() })),

  /** The meeting (or series) as an `.ics` file. */
  'meetings/ics': command<{ filename: string; content: string }>()(z.object({ id: meetingRef })),
  'calendar/set-lead-times': command<CalendarSettingsView>()(z.object({ meetingLeadMinutes: leadMinutesSchema })),
  /** A new link to the signed-in person's calendar feed; the token is shown once. */
  'calendar/create-feed': command<{ feedId: string; url: string }>()(z.object({ label: z.string().trim().max(100).default('') })),
  'calendar/revoke-feed': command<CalendarSettingsView>()(z.object({ feedId: id })),
  /** The signed-in person's calendar as one `.ics` file (what the feed serves), for PCs without a sync server. */
  'calendar/export': command<{ filename: string; content: string }>()(z.object({})),

  'meetings/list': query<MeetingRow[]>()(z.object({ from: instant, to: instant, isMineOnly: z.boolean().default(true) })),
  'meetings/detail': query<MeetingDetail>()(z.object({ id: meetingRef })),
  /**
   * Meetings, task due dates and milestones between two instants: the signed-in person's, or the
   * team's. With `perDay` (the month view), at most that many per local day of `timeZone` and a
   * "+N more" entry for the rest.
   */
  'meetings/calendar': query<CalendarEntry[]>()(
    z.object({ from: instant, to: instant, view: z.enum(['mine', 'team']).default('mine'), perDay: z.number().int().min(1).max(50).optional(), timeZone: timeZone.default('UTC') }),
  ),
  /** People and room busy at these times (the form's warning while a meeting is planned). */
  'meetings/clashes': query<Clash[]>()(
    z.object({ startsAt: instant, endsAt: instant, timeZone: timeZone.default('UTC'), personIds: z.array(id).max(500), roomId: z.string().max(40).default(''), recurrence: recurrenceSchema.optional(), ignoreId: meetingRef.optional() }),
  ),
  /** Bookable rooms; with `includeRetired`, also those no longer bookable (for administrators to bring back). */
  'meetings/rooms': query<RoomView[]>()(z.object({ includeRetired: z.boolean().default(false) })),
  'meetings/for-task': query<{ id: string; title: string; startsAt: string }[]>()(z.object({ taskId: id })),
  'calendar/settings': query<CalendarSettingsView>()(z.object({})),
};

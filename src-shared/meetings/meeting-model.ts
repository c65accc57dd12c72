import { z } from 'zod';
import type { BaseDocument } from '../db/base-fields';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { emailSchema } from '../people/person';

/**
 * A meeting as stored in the `meetings` collection (schema v1). The indexed columns are top level
 * (organiser, series, status, room, the span it occupies); everything else is `data`.
 *
 * A one-off meeting is one document. A recurring meeting is a series document (`data.recurrence`)
 * whose occurrences are computed (recurrence.ts); an occurrence becomes a document of its own —
 * `seriesId` the series, `data.recurrenceId` its original start, id `occurrenceId(...)` — once it
 * is moved, cancelled alone, or gets an agenda or minutes. Agendas, minutes and action items of a
 * series live on its occurrences; the series holds the standing agenda new occurrences start with.
 */

export const meetingTypes = ['project_review', 'qa_review', 'department', 'one_to_one', 'other'] as const;
export type MeetingType = (typeof meetingTypes)[number];

export const meetingStatuses = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const attendeeRoles = ['required', 'optional'] as const;
export type AttendeeRole = (typeof attendeeRoles)[number];

/** iCalendar's PARTSTAT values LabFlow uses (needs_action: not answered yet). */
export const attendeeResponses = ['needs_action', 'accepted', 'tentative', 'declined'] as const;
export type AttendeeResponse = (typeof attendeeResponses)[number];

export const attendanceMarks = ['present', 'absent', 'excused'] as const;
export type AttendanceMark = (typeof attendanceMarks)[number];

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

export const recurrenceFrequencies = ['daily', 'weekly', 'monthly'] as const;
export type RecurrenceFrequency = (typeof recurrenceFrequencies)[number];

const text = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString('en')} characters.`);
const isoInstant = z.iso.datetime({ offset: false });

/** A person of the directory (`personId`) or someone outside the lab (`email` only). */
export const attendeeSchema = z.object({
  personId: recordIdSchema.optional(),
  email: emailSchema.optional(),
  name: text(200),
  role: z.enum(attendeeRoles),
  response: z.enum(attendeeResponses),
  respondedAt: isoInstant.optional(),
  /** SHA-256 (hex) of the token in an external attendee's reply link; the token itself is only in their invitation. */
  replyTokenHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

/** Who an attendee is, for comparing lists: the person id, or `email:` and the address. */
export const attendeeKey = (a: Pick<Attendee, 'personId' | 'email'>): string => (a.personId ? a.personId : `email:${a.email ?? ''}`);

export const recurrenceEndSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('never') }),
  /** The last day an occurrence may start on, in the meeting's time zone. */
  z.object({ type: z.literal('until'), date: planDateSchema }),
  z.object({ type: z.literal('count'), count: z.number().int().min(1, 'At least one meeting.').max(1000, 'At most 1,000 meetings in a series.') }),
]);

export const recurrenceSchema = z.object({
  frequency: z.enum(recurrenceFrequencies),
  interval: z.number().int().min(1, 'Every 1 or more.').max(99, 'At most every 99.'),
  /** Weekly: the days of the week (the start's weekday when empty). */
  weekdays: z.array(z.enum(weekdayCodes)).max(7).default([]),
  end: recurrenceEndSchema,
  /** Original starts (ISO instants) of occurrences taken out of the series (EXDATE). */
  exceptions: z.array(isoInstant).max(1000).default([]),
});
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const agendaItemSchema = z.object({
  id: recordIdSchema,
  title: text(300).min(1, 'Give the agenda item a title.'),
  presenterId: recordIdSchema.optional(),
  minutes: z.number().int().min(0).max(24 * 60),
  /** Minutes taken on this item during or after the meeting. */
  notes: text(20_000),
  linkedTaskIds: z.array(recordIdSchema).max(50),
  linkedRecordIds: z.array(recordIdSchema).max(50),
  /** Attachment ids (activity documents of kind `attachment`, see the files feature). */
  attachmentIds: z.array(recordIdSchema).max(50),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const decisionSchema = z.object({ id: recordIdSchema, text: text(5000).min(1, 'Write the decision.'), agendaItemId: recordIdSchema.optional() });
export type Decision = z.infer<typeof decisionSchema>;

/**
 * An action item. Once it is a task (`taskId`) its status is the task's (action-items.ts derives
 * it when read); before that `isDone` says whether it is done.
 */
export const actionItemSchema = z.object({
  id: recordIdSchema,
  description: text(2000).min(1, 'Describe the action.'),
  ownerId: recordIdSchema,
  dueDate: planDateSchema.optional(),
  agendaItemId: recordIdSchema.optional(),
  taskId: recordIdSchema.optional(),
  isDone: z.boolean(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const minutesDraftSchema = z.object({
  /** By attendee key (attendeeKey). */
  attendance: z.record(z.string(), z.enum(attendanceMarks)),
  summary: text(20_000),
  decisions: z.array(decisionSchema).max(200),
});
export type MinutesDraft = z.infer<typeof minutesDraftSchema>;

/** What was published, frozen: names and texts as they were, so later edits never change it. */
export const minutesSnapshotSchema = z.object({
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  place: z.string(),
  organiserName: z.string(),
  attendees: z.array(z.object({ name: z.string(), role: z.enum(attendeeRoles), attendance: z.enum([...attendanceMarks, 'unknown']) })),
  /** `fileNames`: the names of the item's files when published (absent when it had none). */
  agenda: z.array(z.object({ title: z.string(), presenterName: z.string(), minutes: z.number(), notes: z.string(), fileNames: z.array(z.string()).optional() })),
  summary: z.string(),
  decisions: z.array(z.string()),
  actionItems: z.array(z.object({ description: z.string(), ownerName: z.string(), dueDate: z.string() })),
});
export type MinutesSnapshot = z.infer<typeof minutesSnapshotSchema>;

export const minutesVersionSchema = z.object({
  version: z.number().int().min(1),
  publishedAt: isoInstant,
  publishedById: recordIdSchema,
  publishedByName: z.string(),
  /** Why a new version replaces the previous one (required from version 2). */
  changeNote: z.string().max(2000),
  snapshot: minutesSnapshotSchema,
});
export type MinutesVersion = z.infer<typeof minutesVersionSchema>;

export const signoffMeanings = ['approved', 'reviewed'] as const;
export type SignoffMeaning = (typeof signoffMeanings)[number];

/** An electronic signature on one published version (password re-entered; name, time and meaning bound in). */
export const signoffSchema = z.object({ version: z.number().int().min(1), personId: recordIdSchema, name: z.string(), meaning: z.enum(signoffMeanings), signedAt: isoInstant });
export type Signoff = z.infer<typeof signoffSchema>;

export const meetingDataSchema = z.object({
  type: z.enum(meetingTypes),
  timeZone: z.string().min(1).max(64),
  /** A room or place in words ("Lab 2, bench 4"), besides or instead of a booked room. */
  place: text(300),
  videoUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Enter a video link starting with https://' }).max(500)]),
  description: text(20_000),
  projectId: recordIdSchema.optional(),
  recordId: recordIdSchema.optional(),
  /** Read only by the organiser and the attendees (1:1s are private unless the organiser says otherwise). */
  isPrivate: z.boolean(),
  recurrence: recurrenceSchema.optional(),
  /** Occurrences: the original start of the occurrence in its series (RECURRENCE-ID). */
  recurrenceId: isoInstant.optional(),
  /** Occurrences: moved away from the series' time on their own (a change of the series' time leaves them). */
  isMoved: z.boolean().optional(),
  attendees: z.array(attendeeSchema).max(500),
  /** Besides the organiser, these people may take and publish the minutes. */
  minuteTakerIds: z.array(recordIdSchema).max(20),
  agenda: z.array(agendaItemSchema).max(100),
  minutes: minutesDraftSchema,
  actionItems: z.array(actionItemSchema).max(500),
  minutesVersions: z.array(minutesVersionSchema).max(100),
  signoffs: z.array(signoffSchema).max(2000),
  /** iCalendar SEQUENCE: raised by every change attendees' calendars must take over. */
  sequence: z.number().int().min(0),
});
export type MeetingData = z.infer<typeof meetingDataSchema>;

export interface MeetingDocument extends BaseDocument {
  title: string;
  startsAt: string;
  endsAt: string;
  /** When the last occurrence ends (a series without end: FOREVER); one-off meetings: `endsAt`. */
  untilAt: string;
  organiserId: string;
  /** '' for one-off meetings and series; the series' id on an occurrence document. */
  seriesId: string;
  status: MeetingStatus;
  /** '' when no room is booked. */
  roomId: string;
  data: MeetingData;
}

/** The `untilAt` of a series that never ends. */
export const FOREVER = '9999-12-31T23:59:59.999Z';

export const emptyMinutes = (): MinutesDraft => ({ attendance: {}, summary: '', decisions: [] });

const MINUTE_MS = 60_000;

/**
 * The id of an occurrence's own document: the series id and the original start in whole minutes
 * (base 36). Deterministic, so two PCs that give the same occurrence an agenda write one document,
 * and short enough (≤ 40 characters) to be a route and a notification link.
 */
export const occurrenceId = (seriesId: string, recurrenceId: string): string => `${seriesId}_${Math.round(Date.parse(recurrenceId) / MINUTE_MS).toString(36)}`;

/** The series and original start an occurrence id names; null for a plain meeting id. */
export function parseOccurrenceId(id: string): { seriesId: string; recurrenceId: string } | null {
  const match = /^([A-Za-z0-9-]{1,32})_([0-9a-z]{1,9})$/.exec(id);
  if (!match) return null;
  const minutes = parseInt(match[2] ?? '', 36);
  if (!Number.isFinite(minutes)) return null;
  return { seriesId: match[1] ?? '', recurrenceId: new Date(minutes * MINUTE_MS).toISOString() };
}

/** The people among the attendees (external addresses left out). */
export const attendeePersonIds = (data: Pick<MeetingData, 'attendees'>): string[] => [
  ...new Set(data.attendees.flatMap((a) => (a.personId ? [a.personId] : []))),
];

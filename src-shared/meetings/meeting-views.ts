import type { AgendaTiming } from './agenda';
import type { ActionStatus } from './action-items';
import type { Clash } from './clashes';
import type {
  AgendaItem, AttendanceMark, AttendeeResponse, AttendeeRole, MeetingStatus, MeetingType, MinutesDraft, Recurrence, SignoffMeaning,
} from './meeting-model';

/** What the UI receives about meetings (never the stored documents: names resolved, status derived). */

export interface PersonRef {
  id: string;
  name: string;
}

/** One row of the meetings list: an occurrence. */
export interface MeetingRow {
  id: string;
  title: string;
  type: MeetingType;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: MeetingStatus;
  isSeries: boolean;
  organiserName: string;
  place: string;
  myResponse?: AttendeeResponse;
  publishedVersions: number;
}

export interface AttendeeView {
  key: string;
  personId?: string;
  email?: string;
  name: string;
  role: AttendeeRole;
  response: AttendeeResponse;
  attendance?: AttendanceMark;
}

export interface TaskRef {
  id: string;
  title: string;
  status: string;
  projectId: string;
}

export interface AgendaItemView extends AgendaItem {
  presenterName: string;
  linkedTasks: TaskRef[];
  /** The item's files still attached to the meeting (src-shared/meetings/agenda-files.ts). */
  files: { id: string; name: string }[];
  slotStartsAt: string;
  slotEndsAt: string;
  isOutside: boolean;
}

export interface ActionItemView {
  id: string;
  description: string;
  ownerId: string;
  ownerName: string;
  dueDate?: string;
  agendaItemId?: string;
  status: ActionStatus;
  task?: TaskRef;
}

export interface CarriedActionItemView extends ActionItemView {
  meetingId: string;
  meetingStartsAt: string;
}

export interface MinutesVersionView {
  version: number;
  publishedAt: string;
  publishedByName: string;
  changeNote: string;
  signoffs: { name: string; meaning: SignoffMeaning; signedAt: string }[];
}

export interface MeetingDetail {
  /** The route id (meeting or occurrence id). */
  id: string;
  seriesId: string;
  recurrenceId?: string;
  hasDocument: boolean;
  title: string;
  type: MeetingType;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  videoUrl: string;
  roomId: string;
  roomName: string;
  description: string;
  projectId?: string;
  projectName?: string;
  recordId?: string;
  isPrivate: boolean;
  status: MeetingStatus;
  recurrence?: Recurrence;
  /** A series' first meeting (what "all meetings of the series" edits start from). */
  seriesStartsAt?: string;
  seriesEndsAt?: string;
  /** "Weekly on Monday, 6 times", '' for one-off meetings. */
  recurrenceText: string;
  organiser: PersonRef;
  attendees: AttendeeView[];
  minuteTakers: PersonRef[];
  agenda: AgendaItemView[];
  timing: AgendaTiming;
  carriedActionItems: CarriedActionItemView[];
  minutes: MinutesDraft;
  actionItems: ActionItemView[];
  versions: MinutesVersionView[];
  hasUnpublishedChanges: boolean;
  /** People whose other meetings overlap this one (a warning). */
  clashes: Clash[];
  can: { manage: boolean; takeMinutes: boolean; respond: boolean; signOff: boolean };
  myResponse?: AttendeeResponse;
  sequence: number;
}

/** One entry of the calendar. */
export interface CalendarEntry {
  id: string;
  /** `more`: "+N more" of a full day in the month view (src-shared/meetings/calendar-days.ts); itemId is the day. */
  kind: 'meeting' | 'task' | 'milestone' | 'more';
  title: string;
  start: string;
  /** Meetings: the end instant; all-day entries: absent. */
  end?: string;
  isAllDay: boolean;
  isCancelled: boolean;
  /** The signed-in person may drag it (organiser, or administrator for non-private meetings). */
  canMove: boolean;
  myResponse?: AttendeeResponse;
  /** Where clicking leads: `#/<section>/<itemId>`. */
  section: 'meetings' | 'tasks' | 'projects';
  itemId: string;
}

export interface RoomView {
  id: string;
  name: string;
  capacity: number;
  place: string;
  /** False once an administrator stopped its bookings; such rooms are listed only when asked for. */
  isBookable: boolean;
}

export interface CalendarFeedView {
  id: string;
  label: string;
  createdAt: string;
  revokedAt?: string;
}

export interface CalendarSettingsView {
  meetingLeadMinutes: number[];
  feeds: CalendarFeedView[];
  /** Where feed links point: the sync server's address in a team, '' on a standalone PC. */
  feedBaseUrl: string;
}

export interface SaveMeetingResult {
  id: string;
  /** The page to open next: the meeting, or a new series' first meeting. */
  openId: string;
  /** People busy elsewhere at the new time (saved anyway; shown as a warning). */
  clashes: Clash[];
}

import { isProjectMember, type ProjectAccessFields } from '../projects/project-access';
import { calendarFeed, type AllDayEntry, type MeetingWithOccurrences } from './ical/ical-calendar';
import type { IcalContext } from './ical/ical-event';
import { canReadMeeting, type MeetingActor } from './meeting-access';
import type { MeetingDocument } from './meeting-model';

/**
 * A person's calendar feed (`/calendar/<token>.ics`, and the `.ics` export on a PC without a sync
 * server): the meetings they organise or attend — private ones only when they are in them — with
 * every change and cancellation, their open tasks' due dates, and the milestones of the projects
 * they work on. Pure: the sync server and the host pass in what they hold.
 */

export interface FeedTask {
  id: string;
  title: string;
  status: string;
  dueDate?: string;
  assigneeId?: string;
  projectId: string;
  updatedAt: string;
}

export interface FeedMilestone {
  id: string;
  title: string;
  projectId: string;
  updatedAt: string;
  data: { dueDate?: string; status?: string };
}

export interface FeedProject extends ProjectAccessFields {
  id: string;
  code: string;
  name: string;
}

export interface FeedSources {
  meetings: readonly MeetingDocument[];
  tasks: readonly FeedTask[];
  milestones: readonly FeedMilestone[];
  projects: readonly FeedProject[];
}

const DAY_MS = 86_400_000;
/** Meetings that ended more than this long ago are left out of the feed (calendars keep what they had). */
const HISTORY_MS = 180 * DAY_MS;

const isInvolved = (doc: MeetingDocument, personId: string): boolean =>
  doc.organiserId === personId || doc.data.attendees.some((a) => a.personId === personId && a.response !== 'declined');

/** The meetings of the feed, each series with its occurrence documents. */
export function feedMeetings(person: MeetingActor, meetings: readonly MeetingDocument[], now: Date): MeetingWithOccurrences[] {
  const since = new Date(now.getTime() - HISTORY_MS).toISOString();
  const occurrences = new Map<string, MeetingDocument[]>();
  for (const doc of meetings) {
    if (!doc.seriesId) continue;
    const known = occurrences.get(doc.seriesId);
    if (known) known.push(doc);
    else occurrences.set(doc.seriesId, [doc]);
  }
  return meetings
    .filter((doc) => !doc.seriesId && doc.untilAt >= since && canReadMeeting(doc, person) && isInvolved(doc, person.id))
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : 1))
    .map((doc) => ({ meeting: doc, occurrences: (occurrences.get(doc.id) ?? []).filter((o) => canReadMeeting(o, person)).sort((a, b) => (a.id < b.id ? -1 : 1)) }));
}

/** Open tasks assigned to the person with a due date, and milestones of their projects, as all-day entries. */
export function feedAllDay(person: MeetingActor, sources: Pick<FeedSources, 'tasks' | 'milestones' | 'projects'>): AllDayEntry[] {
  const projects = new Map(sources.projects.map((p) => [p.id, p]));
  const tasks: AllDayEntry[] = sources.tasks
    .filter((t) => t.assigneeId === person.id && t.dueDate && t.status !== 'done' && t.status !== 'cancelled')
    .map((t) => ({ uid: `task-${t.id}@labflow`, date: t.dueDate as string, summary: `Due: ${t.title}`, description: `Task in ${projects.get(t.projectId)?.name ?? 'a project'}.`, updatedAt: t.updatedAt, category: 'Task' }));
  const milestones: AllDayEntry[] = sources.milestones
    .filter((m) => m.data.dueDate && m.data.status !== 'reached')
    .filter((m) => {
      const project = projects.get(m.projectId);
      return project !== undefined && isProjectMember(project, person);
    })
    .map((m) => ({ uid: `milestone-${m.id}@labflow`, date: m.data.dueDate as string, summary: `Milestone: ${m.title}`, description: `Milestone of ${projects.get(m.projectId)?.name ?? 'a project'}.`, updatedAt: m.updatedAt, category: 'Milestone' }));
  return [...tasks, ...milestones].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}

/** The whole feed as iCalendar text. */
export function personalFeed(person: MeetingActor & { name: string }, sources: FeedSources, context: IcalContext): string {
  return calendarFeed(`LabFlow — ${person.name}`, feedMeetings(person, sources.meetings, context.now), feedAllDay(person, sources), context);
}

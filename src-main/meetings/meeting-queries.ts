import { combineLatest, from, map, merge, startWith, switchMap, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { canManageMeeting, canReadMeeting } from '../../src-shared/meetings/meeting-access';
import type { CalendarEntry, MeetingRow } from '../../src-shared/meetings/meeting-views';
import { isProjectMember } from '../../src-shared/projects/project-access';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import type { CollectionName } from '../../src-shared/db/schemas';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { settle } from '../tasks/live-sources';
import { directory$, namesOf } from './meeting-directory';
import { meetingDetail } from './meeting-detail';
import { meetingActorOf, toMeeting } from './meeting-store';
import { plannedSlots } from '../../src-shared/meetings/room-booking';
import { limitPerDay } from '../../src-shared/meetings/calendar-days';
import { clashesOf, occurrencesInWindow } from './meeting-window';

type Names = 'meetings/list' | 'meetings/detail' | 'meetings/calendar' | 'meetings/clashes' | 'meetings/rooms' | 'meetings/for-task';

/** Fires once at once and after each (settled) burst of changes to these collections. */
const changes$ = (db: LabDatabase, names: readonly CollectionName[]): Observable<unknown> =>
  merge(...names.map((name) => (db[name] as unknown as { $: Observable<unknown> }).$)).pipe(startWith(null), settle());

const involves = (doc: { organiserId: string; data: { attendees: readonly { personId?: string | undefined }[] } }, personId: string) =>
  doc.organiserId === personId || doc.data.attendees.some((a) => a.personId === personId);

export const meetingQueryHandlers: QueryHandlers<Names> = {
  'meetings/list': (input, context) =>
    combineLatest([changes$(context.db, ['meetings']), directory$(context.db)]).pipe(
      switchMap(([, directory]) =>
        from(
          (async (): Promise<Result<MeetingRow[]>> => {
            const actor = await meetingActorOf(context);
            const names = namesOf(directory);
            const occurrences = await occurrencesInWindow(context.db, Date.parse(input.from), Date.parse(input.to));
            return ok(
              occurrences
                .filter((o) => canReadMeeting(o.doc, actor) && (!input.isMineOnly || involves(o.doc, actor.id)))
                .map((o) => {
                  const mine = o.doc.data.attendees.find((a) => a.personId === actor.id);
                  return {
                    id: o.id,
                    title: o.doc.title,
                    type: o.doc.data.type,
                    startsAt: o.startsAt,
                    endsAt: o.endsAt,
                    timeZone: o.doc.data.timeZone,
                    status: o.isCancelled ? 'cancelled' : 'scheduled',
                    isSeries: o.seriesId !== '',
                    organiserName: names.person(o.doc.organiserId),
                    place: [o.doc.roomId ? names.room(o.doc.roomId) : '', o.doc.data.place].filter(Boolean).join(' · '),
                    ...(mine ? { myResponse: mine.response } : {}),
                    publishedVersions: o.hasDocument ? o.doc.data.minutesVersions.length : 0,
                  };
                }),
            );
          })(),
        ),
      ),
    ),

  'meetings/detail': (input, context) =>
    // activity: the meeting's files, which its agenda items show.
    combineLatest([changes$(context.db, ['meetings', 'tasks', 'projects', 'activity']), directory$(context.db)]).pipe(
      switchMap(([, directory]) =>
        from(
          (async () => {
            const detail = await meetingDetail(context.db, directory, await meetingActorOf(context), input.id);
            return detail ? ok(detail) : fail('not_found', 'That meeting no longer exists, or it is private to its attendees.');
          })(),
        ),
      ),
    ),

  'meetings/calendar': (input, context) =>
    changes$(context.db, ['meetings', 'tasks', 'plan_items', 'projects']).pipe(
      switchMap(() =>
        from(
          (async (): Promise<Result<CalendarEntry[]>> => {
            const actor = await meetingActorOf(context);
            const fromMs = Date.parse(input.from);
            const toMs = Date.parse(input.to);
            const isMine = input.view === 'mine';
            const firstDay = input.from.slice(0, 10);
            const lastDay = input.to.slice(0, 10);
            const meetings: CalendarEntry[] = (await occurrencesInWindow(context.db, fromMs, toMs))
              .filter((o) => canReadMeeting(o.doc, actor) && (!isMine || involves(o.doc, actor.id)))
              .map((o) => {
                const mine = o.doc.data.attendees.find((a) => a.personId === actor.id);
                return {
                  id: o.id,
                  kind: 'meeting',
                  title: o.doc.title,
                  start: o.startsAt,
                  end: o.endsAt,
                  isAllDay: false,
                  isCancelled: o.isCancelled,
                  canMove: !o.isCancelled && canManageMeeting(o.doc, actor),
                  ...(mine ? { myResponse: mine.response } : {}),
                  section: 'meetings',
                  itemId: o.id,
                };
              });
            const taskSelector = { dueDate: { $gte: firstDay, $lte: lastDay }, ...(isMine ? { assigneeId: actor.id } : {}) };
            const tasks: CalendarEntry[] = (await context.db.tasks.find({ selector: taskSelector }).exec())
              .filter((t) => !['done', 'cancelled'].includes(String(t.get('status'))))
              .map((t) => ({ id: `task-${t.id}`, kind: 'task', title: `Due: ${String(t.get('title'))}`, start: String(t.get('dueDate')), isAllDay: true, isCancelled: false, canMove: false, section: 'tasks', itemId: t.id }));
            const projects = new Map((await context.db.projects.find().exec()).map((p) => [p.id, p.toJSON() as ProjectDocument]));
            const milestones: CalendarEntry[] = (await context.db.plan_items.find({ selector: { kind: 'milestone' } }).exec())
              .map((m) => m.toJSON() as { id: string; title: string; projectId: string; data: { dueDate?: string; status?: string } })
              .filter((m) => m.data.dueDate && m.data.dueDate >= firstDay && m.data.dueDate <= lastDay)
              .filter((m) => {
                const project = projects.get(m.projectId);
                return project !== undefined && !project.isArchived && (!isMine || isProjectMember(project, actor));
              })
              .map((m) => ({ id: `milestone-${m.id}`, kind: 'milestone', title: `Milestone: ${m.title}`, start: m.data.dueDate as string, isAllDay: true, isCancelled: false, canMove: false, section: 'projects', itemId: m.projectId }));
            const all = [...meetings, ...tasks, ...milestones];
            return ok(input.perDay ? limitPerDay(all, input.perDay, input.timeZone) : all);
          })(),
        ),
      ),
    ),

  'meetings/clashes': (input, context) =>
    changes$(context.db, ['meetings']).pipe(
      switchMap(() =>
        from(
          (async () => {
            const slots = plannedSlots({ startsAt: input.startsAt, endsAt: input.endsAt, timeZone: input.timeZone, recurrence: input.recurrence }, context.clock().getTime());
            const ignore = new Set(input.ignoreId ? [input.ignoreId, input.ignoreId.split('_')[0] ?? ''] : []);
            return ok(await clashesOf(context.db, { slots, personIds: input.personIds, roomId: input.roomId, ignoreMeetingIds: ignore }));
          })(),
        ),
      ),
    ),

  'meetings/rooms': (input, context) =>
    directory$(context.db).pipe(map((directory) => ok([...directory.rooms.values()].filter((r) => r.isBookable || input.includeRetired).sort((a, b) => a.name.localeCompare(b.name))))),

  'meetings/for-task': (input, context) =>
    changes$(context.db, ['activity', 'meetings']).pipe(
      switchMap(() =>
        from(
          (async () => {
            const actor = await meetingActorOf(context);
            const links = await context.db.activity.find({ selector: { subjectId: input.taskId, kind: 'link' } }).exec();
            const ids = links.map((l) => l.get('data') as { targetCollection?: string; targetId?: string }).filter((d) => d.targetCollection === 'meetings' && d.targetId).map((d) => d.targetId as string);
            const docs = await context.db.meetings.findByIds(ids).exec();
            return ok(
              [...docs.values()]
                .flatMap((d) => toMeeting(d) ?? [])
                .filter((m) => canReadMeeting(m, actor))
                .map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt })),
            );
          })(),
        ),
      ),
    ),
};

import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { Milestone } from '../../src-shared/projects/plan-item-model';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import { canComplete, canStart, type Blocker } from '../../src-shared/tasks/dependencies';
import { parseMentions } from '../../src-shared/tasks/mentions';
import type { Task } from '../../src-shared/tasks/task-model';
import type { CommentDocument, SubtaskNode, TaskDetail, TaskRef, TimeEntryDocument, TransitionCheck } from '../../src-shared/tasks/task-views';
import type { QueryHandler } from '../host/handler-types';
import { askerOf } from '../projects/project-access';
import { activity$, people$, personRef, project$, projectTasks$, settle, type PeopleIndex } from './live-sources';
import { canEditTask } from './task-store';
import { taskIndex, type TaskIndex } from './task-rows';

const check = (result: Result<true>): TransitionCheck =>
  result.ok ? { isAllowed: true, message: null, blockers: [] } : { isAllowed: false, message: result.error.message, blockers: ((result.error.details as { blockers?: Blocker[] })?.blockers ?? []) };

const ref = (t: Task, index: TaskIndex): TaskRef => ({
  id: t.id, title: t.title, status: t.status, progress: index.progressOf(t),
  ...(t.assigneeId ? { assigneeId: t.assigneeId } : {}), ...(t.dueDate ? { dueDate: t.dueDate } : {}),
});

function subtree(task: Task, children: ReadonlyMap<string, Task[]>, index: TaskIndex, seen = new Set<string>()): SubtaskNode[] {
  seen.add(task.id);
  return (children.get(task.id) ?? [])
    .filter((c) => !seen.has(c.id))
    .map((c) => ({ ...ref(c, index), priority: c.priority, children: subtree(c, children, index, seen) }));
}

const hoursOf = (entries: readonly TimeEntryDocument[], billable?: boolean) =>
  Math.round(entries.filter((e) => billable === undefined || e.data.isBillable === billable).reduce((s, e) => s + e.data.hours, 0) * 100) / 100;

/** `tasks/detail`: one task with everything its drawer shows, live. */
export const taskDetailQuery: QueryHandler<'tasks/detail'> = (input, context): Observable<Result<TaskDetail>> =>
  context.db.tasks.findOne(input.id).$.pipe(
    map((doc) => (doc ? (doc.get('projectId') as string) : null)),
    switchMap((projectId): Observable<Result<TaskDetail>> => {
      if (projectId === null) return of(fail('not_found', 'That task no longer exists. It may have been removed on another PC.'));
      return combineLatest([
        projectTasks$(context.db, projectId),
        project$(context.db, projectId),
        people$(context.db),
        activity$<CommentDocument | TimeEntryDocument>(context.db, { subjectId: input.id }),
        activity$<TimeEntryDocument>(context.db, { personId: context.actor.id, kind: 'time_entry' }),
        context.db.plan_items.find({ selector: { projectId, kind: 'milestone' } }).$,
      ]).pipe(
        settle(),
        map(([tasks, project, people, activity, mine, milestoneDocs]) => {
          const task = tasks.find((t) => t.id === input.id);
          if (!task || !project) return fail('not_found', 'That task no longer exists. It may have been removed on another PC.');
          return ok(buildDetail(task, tasks, project, people, activity, mine, milestoneDocs.map((d) => d.toJSON() as Milestone), context.actor.id, canEditTask(task, project, askerOf(context))));
        }),
      );
    }),
  );

function buildDetail(
  task: Task, tasks: Task[], project: ProjectDocument, people: PeopleIndex,
  activity: Array<CommentDocument | TimeEntryDocument>, mine: TimeEntryDocument[], milestones: Milestone[], me: string, canEdit: boolean,
): TaskDetail {
  const index = taskIndex(tasks);
  const children = new Map<string, Task[]>();
  for (const t of tasks) if (t.parentId !== undefined) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const ancestors: TaskRef[] = [];
  const seen = new Set([task.id]);
  for (let at = task.parentId ? index.byId.get(task.parentId) : undefined; at && !seen.has(at.id); at = at.parentId ? index.byId.get(at.parentId) : undefined) {
    seen.add(at.id);
    ancestors.unshift(ref(at, index));
  }
  const directory = [...people.values()].map((p) => ({ id: p.id, email: p.email, name: p.name }));
  const comments = activity.filter((a): a is CommentDocument => a.kind === 'comment');
  const entries = activity.filter((a): a is TimeEntryDocument => a.kind === 'time_entry');
  const running = mine.find((e) => e.data.isRunning);
  return {
    task,
    project: { id: project.id, code: project.code, name: project.name },
    ancestors,
    subtasks: subtree(task, children, index),
    progress: index.progressOf(task),
    assignee: personRef(people, task.assigneeId),
    watchers: task.watcherIds.map((id) => personRef(people, id) as NonNullable<ReturnType<typeof personRef>>),
    dependsOn: task.dependsOn.flatMap((id) => (index.byId.has(id) ? [ref(index.byId.get(id) as Task, index)] : [])),
    blocks: tasks.filter((t) => t.dependsOn.includes(task.id)).map((t) => ref(t, index)),
    canStart: check(canStart(task, tasks)),
    canComplete: check(canComplete(task, tasks)),
    milestones: milestones.filter((m) => m.data.linkedTaskIds.includes(task.id)).map((m) => ({ id: m.id, title: m.title, dueDate: m.data.dueDate })),
    comments: comments.map((c) => ({
      id: c.id,
      author: personRef(people, c.personId) ?? { id: c.personId, name: c.personId },
      at: c.at,
      body: c.data.body,
      mentions: parseMentions(c.data.body, directory).mentions.map((m) => ({ personId: m.personId, start: m.start, end: m.end })),
      ...(c.data.editedAt ? { editedAt: c.data.editedAt } : {}),
      isMine: c.personId === me,
    })),
    timeEntries: entries
      .map((e) => ({
        id: e.id,
        person: personRef(people, e.personId) ?? { id: e.personId, name: e.personId },
        date: e.data.date,
        hours: e.data.hours,
        note: e.data.note,
        isBillable: e.data.isBillable,
        isRunning: e.data.isRunning,
        ...(e.data.startedAt ? { startedAt: e.data.startedAt } : {}),
        ...(e.data.endedAt ? { endedAt: e.data.endedAt } : {}),
        isMine: e.personId === me,
      }))
      .reverse(),
    loggedHours: hoursOf(entries),
    billableHours: hoursOf(entries, true),
    myRunningTimer: running
      ? { entryId: running.id, taskId: running.subjectId, taskTitle: index.byId.get(running.subjectId)?.title ?? 'another task', startedAt: running.data.startedAt ?? running.at }
      : null,
    canEdit,
    projectTasks: tasks.filter((t) => t.id !== task.id).map((t) => ({ id: t.id, title: t.title, status: t.status, ...(t.parentId ? { parentId: t.parentId } : {}) })),
  };
}

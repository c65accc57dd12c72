import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import { createProgressRollup } from '../../src-shared/tasks/rollup';
import { isOverdue } from '../../src-shared/tasks/task-filter';
import { CLOSED_STATUSES, type Task } from '../../src-shared/tasks/task-model';
import type { TaskRow, TimeEntryDocument } from '../../src-shared/tasks/task-views';
import { personRef, type PeopleIndex } from './live-sources';

/** Lookups over a set of tasks that the list, dashboard and detail views share; built once per change. */
export function taskIndex(tasks: readonly Task[]) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const childCount = new Map<string, number>();
  for (const t of tasks) if (t.parentId !== undefined) childCount.set(t.parentId, (childCount.get(t.parentId) ?? 0) + 1);
  const rollup = createProgressRollup(tasks);
  const blockersOf = (task: Task) => task.dependsOn.map((id) => byId.get(id)).filter((p): p is Task => p !== undefined && !CLOSED_STATUSES.has(p.status));
  return {
    byId,
    childCount,
    progressOf: (task: Task) => Math.round(rollup.progressOf(task)),
    blockersOf,
    isBlocked: (task: Task) => !CLOSED_STATUSES.has(task.status) && blockersOf(task).length > 0,
  };
}
export type TaskIndex = ReturnType<typeof taskIndex>;

/** Hours logged per task (running timers count 0 until stopped). */
export function hoursByTask(entries: readonly TimeEntryDocument[]): Map<string, number> {
  const hours = new Map<string, number>();
  for (const e of entries) hours.set(e.subjectId, (hours.get(e.subjectId) ?? 0) + e.data.hours);
  return hours;
}

export function toRow(task: Task, index: TaskIndex, projects: ReadonlyMap<string, ProjectDocument>, people: PeopleIndex, hours: ReadonlyMap<string, number>, today: string): TaskRow {
  const project = projects.get(task.projectId);
  return {
    task,
    projectCode: project?.code ?? '',
    projectName: project?.name ?? '',
    assignee: personRef(people, task.assigneeId),
    progress: index.progressOf(task),
    isOverdue: isOverdue(task, today),
    blockedBy: index.blockersOf(task).map((b) => b.title),
    subtaskCount: index.childCount.get(task.id) ?? 0,
    loggedHours: Math.round((hours.get(task.id) ?? 0) * 100) / 100,
  };
}

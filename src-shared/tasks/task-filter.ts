import { CLOSED_STATUSES, TASK_STATUSES, type Task, type TaskPriority } from './task-model';
import type { TaskFilter, TaskSortField } from './task-views';

/** What a filter needs besides the task: who is asking, today, and derived facts. */
export interface FilterFacts {
  personId: string;
  today: string;
  isBlocked: (task: Task) => boolean;
  progressOf: (task: Task) => number;
}

/** A task is overdue when it is still open and its due date has passed. */
export const isOverdue = (task: Pick<Task, 'status' | 'dueDate'>, today: string): boolean =>
  !CLOSED_STATUSES.has(task.status) && task.dueDate !== undefined && task.dueDate < today;

/** The task list's filter as a predicate (pure; see TaskFilter for what each field means). */
export function matchesFilter(task: Task, filter: TaskFilter, facts: FilterFacts): boolean {
  if (filter.projectId !== undefined && task.projectId !== filter.projectId) return false;
  if (filter.isMine && task.assigneeId !== facts.personId) return false;
  if (filter.isWatching && !task.watcherIds.includes(facts.personId)) return false;
  const assignees = filter.assigneeIds ?? [];
  if (assignees.length > 0 || filter.includeUnassigned) {
    const isMatch = task.assigneeId === undefined ? Boolean(filter.includeUnassigned) : assignees.includes(task.assigneeId);
    if (!isMatch) return false;
  }
  if (filter.statuses?.length && !filter.statuses.includes(task.status)) return false;
  if (filter.priorities?.length && !filter.priorities.includes(task.priority)) return false;
  if (filter.dueFrom !== undefined && (task.dueDate === undefined || task.dueDate < filter.dueFrom)) return false;
  if (filter.dueTo !== undefined && (task.dueDate === undefined || task.dueDate > filter.dueTo)) return false;
  if (filter.isOverdue !== undefined && isOverdue(task, facts.today) !== filter.isOverdue) return false;
  if (filter.isBlocked !== undefined && (task.status === 'blocked' || facts.isBlocked(task)) !== filter.isBlocked) return false;
  if (filter.includeSubtasks === false && task.parentId !== undefined) return false;
  if (filter.text) {
    const haystack = `${task.title}\n${task.description}`.toLowerCase();
    if (!filter.text.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word))) return false;
  }
  return true;
}

const PRIORITY_ORDER: Record<TaskPriority, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const STATUS_ORDER = new Map(TASK_STATUSES.map((s, i) => [s, i]));
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts tasks by a field. Missing dates sort last in either direction (a task without a due date
 * is never "most urgent"); ties fall back to priority, due date and id so the order is stable.
 */
export function sortTasks(tasks: Task[], sort: { field: TaskSortField; direction: 'asc' | 'desc' } | undefined, progressOf: (task: Task) => number): Task[] {
  const field = sort?.field ?? 'dueDate';
  const sign = sort?.direction === 'desc' ? -1 : 1;
  const key = (t: Task): string | number | undefined => {
    switch (field) {
      case 'priority': return PRIORITY_ORDER[t.priority];
      case 'status': return STATUS_ORDER.get(t.status) ?? 99;
      case 'title': return t.title.toLowerCase();
      case 'progress': return progressOf(t);
      case 'updatedAt': return t.updatedAt;
      default: return t[field];
    }
  };
  const keys = new Map(tasks.map((t) => [t.id, key(t)]));
  return tasks.sort((a, b) => {
    const ka = keys.get(a.id);
    const kb = keys.get(b.id);
    if (ka === undefined || kb === undefined) {
      if (ka !== kb) return ka === undefined ? 1 : -1;
    } else {
      const c = compare(ka, kb) * sign;
      if (c !== 0) return c;
    }
    return PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || compare(a.dueDate ?? '9999', b.dueDate ?? '9999') || compare(a.id, b.id);
  });
}

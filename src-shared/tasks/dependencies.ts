import { ErrorCode } from '../core/error-codes';
import { fail, ok, type Result } from '../core/result';
import { CLOSED_STATUSES, type Task } from './task-model';

/** The part of a task the dependency rules read. */
export type DependencyNode = Pick<Task, 'id' | 'title' | 'status' | 'dependsOn' | 'parentId'>;

export interface Blocker {
  id: string;
  title: string;
  status: Task['status'];
  /** `depends_on`: an unfinished predecessor; `subtask`: an unfinished child task. */
  reason: 'depends_on' | 'subtask';
}

/** Tasks that depend on `taskId` (the spec's "blocks"), derived from the stored `dependsOn` lists. */
export function successorsOf<T extends DependencyNode>(taskId: string, tasks: readonly T[]): T[] {
  return tasks.filter((t) => t.dependsOn.includes(taskId));
}

/**
 * The shortest chain of "depends on" links from `fromId` to `toId`, both ends included, or null when
 * `fromId` does not (transitively) depend on `toId`. Links to unknown tasks are ignored.
 */
export function findDependencyPath(fromId: string, toId: string, tasks: readonly DependencyNode[]): string[] | null {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const cameFrom = new Map<string, string | null>([[fromId, null]]);
  const queue = [fromId];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i] as string;
    if (current === toId) {
      const path: string[] = [];
      for (let at: string | null = current; at !== null; at = cameFrom.get(at) ?? null) path.unshift(at);
      return path;
    }
    for (const next of byId.get(current)?.dependsOn ?? []) {
      if (!cameFrom.has(next) && byId.has(next)) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

/** Some cycle among the tasks' dependencies as ids, first id repeated at the end, or null when there is none. */
export function findDependencyCycle(tasks: readonly DependencyNode[]): string[] | null {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  // Iterative DFS so a long chain of dependencies cannot overflow the call stack.
  for (const root of tasks) {
    if (state.has(root.id)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: root.id, next: 0 }];
    state.set(root.id, 'visiting');
    stack.push(root.id);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: number };
      const deps = byId.get(frame.id)?.dependsOn ?? [];
      if (frame.next >= deps.length) {
        state.set(frame.id, 'done');
        stack.pop();
        work.pop();
        continue;
      }
      const dep = deps[frame.next++] as string;
      if (!byId.has(dep)) continue;
      const seen = state.get(dep);
      if (seen === 'visiting') return [...stack.slice(stack.indexOf(dep)), dep];
      if (seen === undefined) {
        state.set(dep, 'visiting');
        stack.push(dep);
        work.push({ id: dep, next: 0 });
      }
    }
  }
  return null;
}

const quoted = (titles: readonly string[]) => titles.map((t) => `"${t}"`);
const listed = (titles: readonly string[]) => {
  const q = quoted(titles);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
};

/**
 * Makes `taskId` depend on `predecessorId` (finish-to-start) and returns the changed task. Refused
 * when either task is unknown, when a task would depend on itself, or when the predecessor already
 * (transitively) depends on the task: the error's `details.path` names that cycle.
 * Adding a dependency that already exists returns the task unchanged.
 */
export function addDependency<T extends DependencyNode>(taskId: string, predecessorId: string, tasks: readonly T[]): Result<T> {
  const task = tasks.find((t) => t.id === taskId);
  const predecessor = tasks.find((t) => t.id === predecessorId);
  if (!task) return fail(ErrorCode.not_found, 'The task no longer exists.');
  if (!predecessor) return fail(ErrorCode.not_found, 'The task to depend on no longer exists.', { field: 'dependsOn' });
  if (taskId === predecessorId) return fail(ErrorCode.invalid_input, 'A task cannot depend on itself.', { field: 'dependsOn' });
  if (task.dependsOn.includes(predecessorId)) return ok(task);

  const back = findDependencyPath(predecessorId, taskId, tasks);
  if (back) {
    const path = [taskId, ...back];
    const byId = new Map(tasks.map((t) => [t.id, t.title]));
    const titles = path.map((id) => byId.get(id) ?? id);
    return fail(ErrorCode.dependency_cycle, `This dependency would make a cycle: ${quoted(titles).join(' → ')} (each waits for the next).`, {
      field: 'dependsOn',
      details: { path, titles },
    });
  }
  return ok({ ...task, dependsOn: [...task.dependsOn, predecessorId] });
}

/** Predecessors of `task` that are neither done nor cancelled. A cancelled predecessor no longer holds anything up. */
export function openPredecessors(task: DependencyNode, tasks: readonly DependencyNode[]): Blocker[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return task.dependsOn
    .map((id) => byId.get(id))
    .filter((t): t is DependencyNode => t !== undefined && !CLOSED_STATUSES.has(t.status))
    .map((t) => ({ id: t.id, title: t.title, status: t.status, reason: 'depends_on' as const }));
}

/** Direct subtasks of `task` that are neither done nor cancelled. */
export function openSubtasks(task: DependencyNode, tasks: readonly DependencyNode[]): Blocker[] {
  return tasks
    .filter((t) => t.parentId === task.id && !CLOSED_STATUSES.has(t.status))
    .map((t) => ({ id: t.id, title: t.title, status: t.status, reason: 'subtask' as const }));
}

/** A task may start once every predecessor is done or cancelled (finish-to-start). */
export function canStart(task: DependencyNode, tasks: readonly DependencyNode[]): Result<true> {
  const blockers = openPredecessors(task, tasks);
  if (blockers.length === 0) return ok(true);
  return fail(ErrorCode.task_blocked, `"${task.title}" cannot start yet: it waits for ${listed(blockers.map((b) => b.title))}.`, {
    details: { blockers },
  });
}

/** A task may be completed once every predecessor and every direct subtask is done or cancelled. */
export function canComplete(task: DependencyNode, tasks: readonly DependencyNode[]): Result<true> {
  const predecessors = openPredecessors(task, tasks);
  const subtasks = openSubtasks(task, tasks);
  if (predecessors.length === 0 && subtasks.length === 0) return ok(true);
  const reasons: string[] = [];
  if (predecessors.length > 0) reasons.push(`it waits for ${listed(predecessors.map((b) => b.title))}`);
  if (subtasks.length > 0) reasons.push(`subtask${subtasks.length > 1 ? 's' : ''} ${listed(subtasks.map((b) => b.title))} ${subtasks.length > 1 ? 'are' : 'is'} still open`);
  return fail(ErrorCode.task_blocked, `"${task.title}" cannot be completed yet: ${reasons.join('; ')}.`, {
    details: { blockers: [...predecessors, ...subtasks] },
  });
}

import type { Task } from './task-model';

/** The part of a task progress roll-up reads. */
export type RollupNode = Pick<Task, 'id' | 'projectId' | 'parentId' | 'status' | 'progress' | 'estimateHours'>;

/**
 * Progress rolled up through subtasks to any depth.
 *
 * - A task without (non-cancelled) subtasks reports its own progress; a done task always counts 100.
 * - A parent reports the weighted mean of its subtasks' rolled-up progress. The weight is the
 *   subtask's estimate (its own, or the sum of its subtasks' estimates). A subtask with no estimate
 *   weighs as much as the mean of its estimated siblings; when no sibling has one, all weigh the same.
 * - Cancelled subtasks are left out: they will never be done and must not hold progress down.
 *
 * Values are exact (not rounded) so that rounding happens once, at display.
 */
export function createProgressRollup(tasks: readonly RollupNode[]) {
  const children = new Map<string, RollupNode[]>();
  for (const t of tasks) {
    if (t.parentId === undefined || t.status === 'cancelled') continue;
    const list = children.get(t.parentId) ?? [];
    list.push(t);
    children.set(t.parentId, list);
  }
  const progressMemo = new Map<string, number>();
  const estimateMemo = new Map<string, number | undefined>();
  // A parent loop (A under B under A) is bad data, not a reason to recurse forever: a task met again
  // on the current path is treated as having no subtasks.
  const onPath = new Set<string>();

  const kidsOf = (t: RollupNode) => (onPath.has(t.id) ? [] : (children.get(t.id) ?? []));

  function estimateOf(t: RollupNode): number | undefined {
    if (t.estimateHours !== undefined) return t.estimateHours;
    if (estimateMemo.has(t.id)) return estimateMemo.get(t.id);
    onPath.add(t.id);
    const known = kidsOf(t).map(estimateOf).filter((e): e is number => e !== undefined);
    onPath.delete(t.id);
    const estimate = known.length > 0 ? known.reduce((a, b) => a + b, 0) : undefined;
    estimateMemo.set(t.id, estimate);
    return estimate;
  }

  function progressOf(t: RollupNode): number {
    if (t.status === 'done') return 100;
    const memo = progressMemo.get(t.id);
    if (memo !== undefined) return memo;
    const kids = kidsOf(t);
    let progress = t.progress;
    if (kids.length > 0) {
      onPath.add(t.id);
      progress = weightedMean(kids.map((k) => ({ value: progressOf(k), estimate: estimateOf(k) })));
      onPath.delete(t.id);
    }
    progressMemo.set(t.id, progress);
    return progress;
  }

  return { progressOf, estimateOf };
}

function weightedMean(items: ReadonlyArray<{ value: number; estimate: number | undefined }>): number {
  const known = items.map((i) => i.estimate).filter((e): e is number => e !== undefined);
  const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  let weights = items.map((i) => i.estimate ?? fallback);
  let total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) {
    weights = items.map(() => 1);
    total = items.length;
  }
  return items.reduce((sum, item, i) => sum + item.value * (weights[i] as number), 0) / total;
}

/** A task's progress rolled up from its subtasks, rounded to a whole percent. 0 for an unknown id. */
export function taskProgress(taskId: string, tasks: readonly RollupNode[]): number {
  const task = tasks.find((t) => t.id === taskId);
  return task ? Math.round(createProgressRollup(tasks).progressOf(task)) : 0;
}

/**
 * A project's progress: its top-level tasks (no parent in the project), rolled up and weighted
 * the same way, cancelled ones left out. A project with no open or done tasks is at 0.
 */
export function projectProgress(projectId: string, tasks: readonly RollupNode[]): number {
  const inProject = tasks.filter((t) => t.projectId === projectId);
  const ids = new Set(inProject.map((t) => t.id));
  const top = inProject.filter((t) => t.status !== 'cancelled' && (t.parentId === undefined || !ids.has(t.parentId)));
  if (top.length === 0) return 0;
  const rollup = createProgressRollup(inProject);
  return Math.round(weightedMean(top.map((t) => ({ value: rollup.progressOf(t), estimate: rollup.estimateOf(t) }))));
}

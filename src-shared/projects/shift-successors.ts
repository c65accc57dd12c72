import { ErrorCode } from '../core/error-codes';
import { fail, ok, type Result } from '../core/result';
import { findDependencyCycle } from '../tasks/dependencies';
import type { SchedulableTask } from './critical-path';
import { addDays, dayNumber, isPlanDate } from './plan-dates';

/**
 * Moves one task on the Gantt chart and pushes its successors (and theirs) later just far enough
 * that each starts the day after its last predecessor ends. Successors are never pulled earlier:
 * slack someone planned on purpose is kept. Durations are kept.
 *
 * Returns only the tasks whose dates changed (the moved task first), so the caller writes only
 * those. Refused when the new dates are malformed, when the move would start the task before one
 * of its own predecessors ends (`dependency_violation`, naming them), or when links loop.
 * Cancelled tasks and tasks without dates are not moved.
 */
export function shiftSuccessors<T extends SchedulableTask>(tasks: readonly T[], movedTaskId: string, newStart: string, newEnd: string): Result<T[]> {
  if (!isPlanDate(newStart) || !isPlanDate(newEnd)) return fail(ErrorCode.invalid_input, 'Dates must be written YYYY-MM-DD.', { field: 'startDate' });
  if (newEnd < newStart) return fail(ErrorCode.invalid_input, 'The task cannot end before it starts.', { field: 'dueDate' });
  const live = tasks.filter((t) => t.status !== 'cancelled');
  const byId = new Map(live.map((t) => [t.id, t]));
  const moved = byId.get(movedTaskId);
  if (!moved) {
    return tasks.some((t) => t.id === movedTaskId)
      ? fail(ErrorCode.invalid_state, 'A cancelled task is not on the plan; reopen it first.')
      : fail(ErrorCode.not_found, 'The task no longer exists.');
  }

  const cycle = findDependencyCycle(live);
  if (cycle) {
    const titles = cycle.map((id) => byId.get(id)?.title ?? id);
    return fail(ErrorCode.dependency_cycle, `The plan has a dependency cycle: ${titles.map((t) => `"${t}"`).join(' → ')}.`, { details: { path: cycle, titles } });
  }

  const early = moved.dependsOn
    .map((id) => byId.get(id))
    .filter((p): p is T => p?.dueDate !== undefined && p.dueDate >= newStart);
  if (early.length > 0) {
    return fail(ErrorCode.dependency_violation, `"${moved.title}" cannot start before ${early.map((p) => `"${p.title}"`).join(', ')} ${early.length > 1 ? 'end' : 'ends'}.`, {
      field: 'startDate',
      details: { predecessorIds: early.map((p) => p.id), earliestStart: addDays(early.map((p) => p.dueDate as string).sort().at(-1) as string, 1) },
    });
  }

  const successors = new Map<string, T[]>();
  for (const t of live) {
    for (const p of new Set(t.dependsOn)) {
      const list = successors.get(p);
      if (list) list.push(t);
      else successors.set(p, [t]);
    }
  }

  const dates = new Map<string, { start: string; end: string }>([[moved.id, { start: newStart, end: newEnd }]]);
  const datesOf = (t: T) => dates.get(t.id) ?? (t.startDate !== undefined && t.dueDate !== undefined ? { start: t.startDate, end: t.dueDate } : undefined);

  for (const task of downstreamInOrder(moved, successors)) {
    const own = datesOf(task);
    if (!own) continue;
    const latestPredecessorEnd = task.dependsOn
      .map((id) => byId.get(id))
      .map((p) => (p ? datesOf(p)?.end : undefined))
      .filter((end): end is string => end !== undefined)
      .sort()
      .at(-1);
    if (latestPredecessorEnd === undefined || own.start > latestPredecessorEnd) continue;
    const shift = dayNumber(latestPredecessorEnd) + 1 - dayNumber(own.start);
    dates.set(task.id, { start: addDays(own.start, shift), end: addDays(own.end, shift) });
  }

  const changed: T[] = [];
  for (const [id, { start, end }] of dates) {
    const task = byId.get(id) as T;
    if (task.startDate !== start || task.dueDate !== end) changed.push({ ...task, startDate: start, dueDate: end });
  }
  return ok(changed);
}

/** Every task downstream of `from` (not `from` itself), each after all of its downstream predecessors. */
function downstreamInOrder<T extends SchedulableTask>(from: T, successors: ReadonlyMap<string, T[]>): T[] {
  const reached = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    for (const s of successors.get((stack.pop() as T).id) ?? []) {
      if (!reached.has(s.id)) {
        reached.add(s.id);
        stack.push(s);
      }
    }
  }
  // Kahn's algorithm restricted to the downstream set (plus the moved task as the only source).
  const inSet = (id: string) => reached.has(id) || id === from.id;
  const waiting = new Map<string, number>();
  for (const id of reached) waiting.set(id, 0);
  for (const id of [from.id, ...reached]) for (const s of successors.get(id) ?? []) if (inSet(s.id)) waiting.set(s.id, (waiting.get(s.id) ?? 0) + 1);
  const order: T[] = [];
  const ready = [from];
  for (let i = 0; i < ready.length; i++) {
    const t = ready[i] as T;
    if (t !== from) order.push(t);
    for (const s of successors.get(t.id) ?? []) {
      const left = (waiting.get(s.id) ?? 0) - 1;
      waiting.set(s.id, left);
      if (left === 0) ready.push(s);
    }
  }
  return order;
}

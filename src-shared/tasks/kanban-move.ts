import { ErrorCode } from '../core/error-codes';
import { fail, ok, type Result } from '../core/result';
import { canComplete, canStart, successorsOf } from './dependencies';
import type { WipLimits } from './kanban';
import { evenRanks, rankBetween } from './kanban-rank';
import { CLOSED_STATUSES, STARTED_STATUSES, type Task, type TaskStatus } from './task-model';

export interface KanbanMove {
  taskId: string;
  toStatus: TaskStatus;
  /** The card that will sit directly above the moved one in the target column. */
  aboveId?: string;
  /** The card that will sit directly below it. With neither, the card keeps its place in its own column or goes to the bottom of a new one. */
  belowId?: string;
}

export interface KanbanMoveResult {
  /** Every task to write: the moved one first, then any whose rank had to be re-spread. */
  changed: Task[];
  /** The target column now holds more cards than its WIP limit. Flagged, not refused. */
  isOverWipLimit: boolean;
}

/**
 * The spec's `move_task(task_id, status)` for a Kanban drag, checked against the dependency rules:
 *
 * - into `in_progress` or `in_review`: every predecessor must be done or cancelled;
 * - into `done`: every predecessor and subtask must be done or cancelled (progress becomes 100);
 * - out of `done` into an open status: refused while a successor has already started, since that
 *   would leave it running on unfinished work.
 *
 * Refusals are `task_blocked` or `dependency_violation` errors whose message and details name the
 * tasks in the way. The card gets a rank between its new neighbours; when their ranks collide
 * (two PCs ranked offline at once) the column is re-spread and those cards are returned as well.
 */
export function moveTask(tasks: readonly Task[], move: KanbanMove, wipLimits: WipLimits = {}): Result<KanbanMoveResult> {
  const task = tasks.find((t) => t.id === move.taskId);
  if (!task) return fail(ErrorCode.not_found, 'The task no longer exists.');

  const rule = checkStatusChange(task, move.toStatus, tasks);
  if (!rule.ok) return rule;

  const column = tasks
    .filter((t) => t.projectId === task.projectId && t.status === move.toStatus && t.id !== task.id)
    .sort((a, b) => order(a.kanbanRank, b.kanbanRank) || order(a.id, b.id));
  const index = targetIndex(task, move, column);
  if (!index.ok) return index;

  const moved: Task = { ...task, status: move.toStatus, ...(move.toStatus === 'done' ? { progress: 100 } : {}) };
  const changed = index.value === null ? [moved] : placeAt(moved, column, index.value);
  const limit = wipLimits[move.toStatus];
  return ok({ changed, isOverWipLimit: limit !== undefined && column.length + 1 > limit });
}

function checkStatusChange(task: Task, to: TaskStatus, tasks: readonly Task[]): Result<true> {
  if (to === task.status) return ok(true);
  if (to === 'in_progress' || to === 'in_review') return canStart(task, tasks);
  if (to === 'done') return canComplete(task, tasks);
  if (task.status === 'done' && !CLOSED_STATUSES.has(to)) {
    const started = successorsOf(task.id, tasks).filter((s) => STARTED_STATUSES.has(s.status));
    if (started.length > 0) {
      const names = started.map((s) => `"${s.title}"`).join(', ');
      return fail(ErrorCode.dependency_violation, `"${task.title}" cannot be reopened: ${names} already started and ${started.length > 1 ? 'depend' : 'depends'} on it being done.`, {
        details: { successors: started.map((s) => ({ id: s.id, title: s.title, status: s.status })) },
      });
    }
  }
  return ok(true);
}

/** Where in `column` (which excludes the task) the card goes; null: it keeps its rank. */
function targetIndex(task: Task, move: KanbanMove, column: readonly Task[]): Result<number | null> {
  const find = (id: string, field: 'aboveId' | 'belowId') => {
    const i = column.findIndex((t) => t.id === id);
    return i < 0 ? fail(ErrorCode.invalid_input, 'That card is not in the target column.', { field }) : ok(i);
  };
  if (move.aboveId !== undefined) {
    const above = find(move.aboveId, 'aboveId');
    if (!above.ok) return above;
    if (move.belowId !== undefined && column[above.value + 1]?.id !== move.belowId) {
      return fail(ErrorCode.conflict, 'The column changed while the card was moved; try again.', { field: 'belowId' });
    }
    return ok(above.value + 1);
  }
  if (move.belowId !== undefined) return find(move.belowId, 'belowId');
  return move.toStatus === task.status ? ok(null) : ok(column.length);
}

function placeAt(moved: Task, column: readonly Task[], index: number): Task[] {
  const above = column[index - 1];
  const below = column[index];
  if (above === undefined || below === undefined || above.kanbanRank < below.kanbanRank) {
    return [{ ...moved, kanbanRank: rankBetween(above?.kanbanRank ?? null, below?.kanbanRank ?? null) }];
  }
  // The neighbours share a rank: there is no room between them, so re-spread the whole column.
  const ordered = [...column.slice(0, index), moved, ...column.slice(index)];
  const ranks = evenRanks(ordered.length);
  const respread = ordered.map((t, i) => ({ ...t, kanbanRank: ranks[i] as string }));
  const others = respread.filter((t, i) => t.id !== moved.id && t.kanbanRank !== ordered[i]?.kanbanRank);
  return [respread[index] as Task, ...others];
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

import { useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../../src-shared/core/result';
import type { TaskStatus } from '../../../src-shared/tasks/task-model';
import { useCommand, useLiveQuery } from '../../bridge/BridgeProvider';
import { errorText } from '../../errors/error-text';
import { moveOutcome } from './board-announcements';
import { applyPending, columnTotals, createCardReuser, isSettled, lanesOf, type PendingMove } from './board-model';

export interface BoardFilter {
  projectId: string;
  /** The spec's `assigned_to_id`. */
  assigneeId: string | null;
  swimlanes: boolean;
}

/** A refused drop: the card went back, and this says why. */
export interface Refusal {
  error: AppError;
  taskTitle: string;
}

/**
 * The Kanban board of a project (the spec's generate_kanban_board), live, and card moves (the
 * spec's move_task through `tasks/move`). A dropped card shows in its new place at once; when the
 * host refuses the move (a dependency rule, a permission), the card goes back and the reason is kept.
 */
export function useProjectBoard({ projectId, assigneeId, swimlanes }: BoardFilter) {
  const query = useLiveQuery('tasks/board', { projectId, swimlanes, ...(assigneeId ? { assigneeId } : {}) });
  const move = useCommand('tasks/move');
  const reuse = useMemo(() => createCardReuser(), []);
  const board = useMemo(() => (query.data ? reuse(query.data) : undefined), [query.data, reuse]);
  const [pending, setPending] = useState<PendingMove[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [wipNotice, setWipNotice] = useState<TaskStatus | null>(null);
  // The last move's result in words, for the board's live region (said only once the host answered).
  const [outcome, setOutcome] = useState('');

  // Moves the pushed board already shows are done.
  const open = useMemo(() => (board ? pending.filter((p) => !isSettled(p, board)) : pending), [board, pending]);
  useEffect(() => {
    if (open.length !== pending.length) setPending(open);
  }, [open, pending]);

  const lanes = useMemo(() => (board ? applyPending(lanesOf(board), open) : []), [board, open]);
  const totals = useMemo(() => (board ? columnTotals(board.columns, open) : new Map()), [board, open]);

  const moveCard = async (taskId: string, taskTitle: string, toStatus: TaskStatus, neighbours: { aboveId?: string; belowId?: string }) => {
    const entry: PendingMove = { taskId, toStatus, ...neighbours };
    setRefusal(null);
    setOutcome('');
    setPending((list) => [...list.filter((p) => p.taskId !== taskId), entry]);
    const result = await move.run({ id: taskId, toStatus, ...neighbours });
    if (!result.ok) {
      setPending((list) => list.filter((p) => p !== entry));
      setRefusal({ error: result.error, taskTitle });
      setOutcome(moveOutcome(taskTitle, toStatus, errorText(result.error)));
      return;
    }
    const confirmedAt = result.value.task.updatedAt;
    setPending((list) => list.map((p) => (p === entry ? { ...p, confirmedAt } : p)));
    setOutcome(moveOutcome(taskTitle, toStatus, null));
    if (result.value.isOverWipLimit) setWipNotice(toStatus);
  };

  return {
    board,
    lanes,
    totals,
    error: query.error,
    isLoading: query.isLoading,
    moveCard,
    refusal,
    outcome,
    clearRefusal: () => setRefusal(null),
    wipNotice,
    clearWipNotice: () => setWipNotice(null),
  };
}

import type { KanbanCard, KanbanColumn } from '../../../src-shared/tasks/kanban';
import type { TaskStatus } from '../../../src-shared/tasks/task-model';
import type { BoardView } from '../../../src-shared/tasks/task-views';

/**
 * The board as the UI draws it: the host's columns (or one lane's columns), with moves the host has
 * not confirmed yet applied on top, and unchanged cards kept as the same objects between pushes.
 */

export interface BoardCell {
  status: TaskStatus;
  cards: KanbanCard[];
}

export interface BoardLane {
  /** '' for the board without lanes; otherwise the assignee id, or 'unassigned'. */
  key: string;
  assigneeId: string | null;
  cells: BoardCell[];
}

/** A drop sent to the host and not yet seen in a pushed board. */
export interface PendingMove {
  taskId: string;
  toStatus: TaskStatus;
  aboveId?: string;
  belowId?: string;
  /** Set once the host accepted it: the moved task's `updatedAt` as written. */
  confirmedAt?: string;
}

export const UNASSIGNED = 'unassigned';
export const laneKeyOf = (assigneeId: string | null) => assigneeId ?? UNASSIGNED;
export const droppableIdOf = (laneKey: string, status: TaskStatus) => `${laneKey}|${status}`;
export function parseDroppableId(id: string): { laneKey: string; status: TaskStatus } {
  const bar = id.lastIndexOf('|');
  return { laneKey: id.slice(0, bar), status: id.slice(bar + 1) as TaskStatus };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Every pushed board arrives as new objects; a card whose task revision and derived fields are
 * unchanged keeps its previous object, so memoised cards skip rendering and one change redraws one card.
 */
export function createCardReuser() {
  // Updated in place (with the push that last saw each card) so a push of 10,000 cards allocates
  // for the cards that changed, not for every card.
  const previous = new Map<string, { card: KanbanCard; seen: number }>();
  let previousCells = new Map<string, KanbanCard[]>();
  let push = 0;
  return (board: BoardView): BoardView => {
    push++;
    const nextCells = new Map<string, KanbanCard[]>();
    const reuse = (card: KanbanCard): KanbanCard => {
      const entry = previous.get(card.task.id);
      if (!entry) {
        previous.set(card.task.id, { card, seen: push });
        return card;
      }
      const old = entry.card;
      const isSame = old.task.updatedAt === card.task.updatedAt && old.task.status === card.task.status && old.task.kanbanRank === card.task.kanbanRank
        && old.isBlocked === card.isBlocked && sameList(old.blockedBy, card.blockedBy) && old.checklistDone === card.checklistDone && old.checklistTotal === card.checklistTotal;
      if (!isSame) entry.card = card;
      entry.seen = push;
      return entry.card;
    };
    // A cell whose cards are all the same objects keeps its array too, so its list does not re-render.
    const cell = (key: string, cards: readonly KanbanCard[]): KanbanCard[] => {
      const kept = cards.map(reuse);
      const old = previousCells.get(key);
      const result = old && old.length === kept.length && old.every((c, i) => c === kept[i]) ? old : kept;
      nextCells.set(key, result);
      return result;
    };
    const columns = board.columns.map((c) => ({ ...c, cards: cell(c.status, c.cards) }));
    const swimlanes = board.swimlanes?.map((lane) => ({
      ...lane,
      columns: lane.columns.map((c) => ({ ...c, cards: cell(droppableIdOf(laneKeyOf(lane.assigneeId), c.status), c.cards) })),
    })) ?? null;
    for (const [id, entry] of previous) if (entry.seen !== push) previous.delete(id);
    previousCells = nextCells;
    return { ...board, columns, swimlanes };
  };
}

/** The board's lanes: one lane without a key, or one per assignee when swimlanes were asked for. */
export function lanesOf(board: BoardView): BoardLane[] {
  if (board.swimlanes) {
    return board.swimlanes.map((lane) => ({ key: laneKeyOf(lane.assigneeId), assigneeId: lane.assigneeId, cells: lane.columns }));
  }
  return [{ key: '', assigneeId: null, cells: board.columns.map((c) => ({ status: c.status, cards: c.cards })) }];
}

/** Whether the pushed board already shows what a confirmed move did (then the pending move is dropped). */
export function isSettled(move: PendingMove, board: BoardView): boolean {
  if (move.confirmedAt === undefined) return false;
  for (const column of board.columns) {
    const card = column.cards.find((c) => c.task.id === move.taskId);
    if (card) return card.task.updatedAt >= move.confirmedAt;
  }
  return true; // the card left the board (filtered out or removed)
}

function place(cards: KanbanCard[], card: KanbanCard, move: PendingMove): KanbanCard[] {
  const out = cards.filter((c) => c.task.id !== card.task.id);
  let at = out.length;
  if (move.aboveId !== undefined) {
    const i = out.findIndex((c) => c.task.id === move.aboveId);
    if (i >= 0) at = i + 1;
  } else if (move.belowId !== undefined) {
    const i = out.findIndex((c) => c.task.id === move.belowId);
    if (i >= 0) at = i;
  }
  out.splice(at, 0, card);
  return out;
}

/** The lanes with unconfirmed moves applied: the card leaves its cell and appears where it was dropped. */
export function applyPending(lanes: BoardLane[], pending: readonly PendingMove[]): BoardLane[] {
  let out = lanes;
  for (const move of pending) {
    let moved: KanbanCard | undefined;
    let laneKey = '';
    for (const lane of out) {
      for (const cell of lane.cells) {
        const found = cell.cards.find((c) => c.task.id === move.taskId);
        if (found) {
          moved = found;
          laneKey = lane.key;
        }
      }
    }
    if (!moved) continue;
    const card: KanbanCard = moved.task.status === move.toStatus ? moved : { ...moved, task: { ...moved.task, status: move.toStatus } };
    const source = moved;
    out = out.map((lane) => (lane.key !== laneKey ? lane : {
      ...lane,
      cells: lane.cells.map((cell) => {
        if (cell.status === move.toStatus) return { ...cell, cards: place(cell.cards, card, move) };
        return cell.cards.includes(source) ? { ...cell, cards: cell.cards.filter((c) => c !== source) } : cell;
      }),
    }));
  }
  return out;
}

/**
 * Column totals for the WIP limits with unconfirmed moves counted, so a drop shows at once whether
 * it took the column over its limit.
 */
export function columnTotals(columns: readonly KanbanColumn[], pending: readonly PendingMove[]): Map<TaskStatus, { count: number; limit: number | null }> {
  const totals = new Map(columns.map((c) => [c.status, { count: c.wipCount, limit: c.wipLimit }]));
  for (const move of pending) {
    if (move.confirmedAt !== undefined) continue;
    const from = columns.find((c) => c.cards.some((card) => card.task.id === move.taskId))?.status;
    if (!from || from === move.toStatus) continue;
    const a = totals.get(from);
    const b = totals.get(move.toStatus);
    if (a) a.count -= 1;
    if (b) b.count += 1;
  }
  return totals;
}

/**
 * The neighbours to send with a drop at `index` of a cell (the moved card excluded, as in the host's
 * tasks/move). Only one neighbour is sent: the cell may show only part of the column (one lane, one
 * assignee), and the card goes directly below the card above (or above the card below).
 */
export function neighboursAt(cards: readonly KanbanCard[], movedId: string, index: number): { aboveId?: string; belowId?: string } {
  const others = cards.filter((c) => c.task.id !== movedId);
  const above = others[index - 1];
  const below = others[index];
  if (above) return { aboveId: above.task.id };
  if (below) return { belowId: below.task.id };
  return {};
}

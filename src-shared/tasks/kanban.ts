import { CLOSED_STATUSES, TASK_STATUSES, type Task, type TaskStatus } from './task-model';

/** Most cards a column should hold at once; absent statuses have no limit. */
export type WipLimits = Partial<Record<TaskStatus, number>>;

export interface KanbanCard {
  task: Task;
  /** True while a predecessor is still open: the card cannot move to in progress yet. */
  isBlocked: boolean;
  blockedBy: string[];
  checklistDone: number;
  checklistTotal: number;
}

export interface KanbanColumn {
  status: TaskStatus;
  cards: KanbanCard[];
  wipLimit: number | null;
  /** Cards in this column across the whole project, whoever they are assigned to. */
  wipCount: number;
  isOverWipLimit: boolean;
}

export interface KanbanSwimlane {
  /** null: the lane of unassigned cards. */
  assigneeId: string | null;
  columns: Array<{ status: TaskStatus; cards: KanbanCard[] }>;
}

export interface KanbanBoard {
  projectId: string;
  assigneeId: string | null;
  columns: KanbanColumn[];
  /** Present when swimlanes were asked for: one lane per assignee (sorted by id), unassigned last. */
  swimlanes: KanbanSwimlane[] | null;
}

export interface KanbanBoardOptions {
  projectId: string;
  /** The spec's `assigned_to_id`: show only this person's cards. */
  assigneeId?: string;
  wipLimits?: WipLimits;
  swimlanes?: boolean;
}

/**
 * The spec's `generate_kanban_board(project_id, assigned_to_id)` over the project's tasks: one
 * column per status in workflow order, cards by Kanban rank. WIP limits are judged on the whole
 * column even when the board is filtered to one assignee: a limit protects the team's flow, so
 * hiding colleagues' cards must not hide that the column is full.
 */
export function generateKanbanBoard(tasks: readonly Task[], options: KanbanBoardOptions): KanbanBoard {
  const inProject = tasks.filter((t) => t.projectId === options.projectId);
  const shown = options.assigneeId === undefined ? inProject : inProject.filter((t) => t.assigneeId === options.assigneeId);
  // One id map for every card: looking predecessors up per card through `openPredecessors` would
  // rebuild it each time, quadratic in the project's size (seconds at 10,000 tasks).
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const cards = shown.map((t) => toCard(t, byId)).sort(byRank);

  const columns = TASK_STATUSES.map((status): KanbanColumn => {
    const wipLimit = options.wipLimits?.[status] ?? null;
    const wipCount = inProject.filter((t) => t.status === status).length;
    return { status, cards: cards.filter((c) => c.task.status === status), wipLimit, wipCount, isOverWipLimit: wipLimit !== null && wipCount > wipLimit };
  });

  let swimlanes: KanbanSwimlane[] | null = null;
  if (options.swimlanes) {
    const assignees = [...new Set(cards.map((c) => c.task.assigneeId ?? null))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
    swimlanes = assignees.map((assigneeId) => ({
      assigneeId,
      columns: TASK_STATUSES.map((status) => ({ status, cards: cards.filter((c) => c.task.status === status && (c.task.assigneeId ?? null) === assigneeId) })),
    }));
  }
  return { projectId: options.projectId, assigneeId: options.assigneeId ?? null, columns, swimlanes };
}

function toCard(task: Task, byId: ReadonlyMap<string, Task>): KanbanCard {
  const blockers = task.dependsOn.map((id) => byId.get(id)).filter((t): t is Task => t !== undefined && !CLOSED_STATUSES.has(t.status));
  return {
    task,
    isBlocked: blockers.length > 0,
    blockedBy: blockers.map((b) => b.title),
    checklistDone: task.checklist.filter((c) => c.isDone).length,
    checklistTotal: task.checklist.length,
  };
}

// Plain string order (not localeCompare): ranks are base-36 digits compared code unit by code unit.
// Equal ranks (two PCs ranked offline at once) fall back to the id, so every PC shows the same order.
const byRank = (a: KanbanCard, b: KanbanCard) =>
  a.task.kanbanRank < b.task.kanbanRank ? -1 : a.task.kanbanRank > b.task.kanbanRank ? 1 : a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0;

import { isKanbanRank, rankBetween } from '../../src-shared/tasks/kanban-rank';
import type { SqlClient } from '../db/sql-database';

type Doc = Record<string, unknown>;

const COLUMN = `FROM documents WHERE collection = 'tasks' AND NOT deleted AND data->>'projectId' = $1 AND data->>'status' = $2 AND id <> $4`;
const RANK = `(data->>'kanbanRank') COLLATE "C"`;

/** The lowest rank of another card of the column at or (`isStrict`) above `rank`. */
async function rankFrom(tx: SqlClient, task: Doc, rank: string, isStrict: boolean): Promise<string | null> {
  const { rows } = await tx.query<{ rank: string }>(`SELECT data->>'kanbanRank' AS rank ${COLUMN} AND ${RANK} ${isStrict ? '>' : '>='} $3 ORDER BY ${RANK} LIMIT 1`, [task.projectId, task.status, rank, task.id]);
  return rows[0]?.rank ?? null;
}

/**
 * Board ranks stay unique within a column (a project's tasks of one status). Two PCs that each put
 * a card at the bottom of a column offline give both the same rank; when the task about to be
 * stored shares its rank with another card of its column, it gets a rank just above it (below the
 * next card), so it keeps its place in the order and every PC shows the same one. Returns the task
 * to store: `task` itself when nothing had to change. Runs inside the push transaction, so cards
 * stored earlier in the same push count.
 */
export async function keepRankUnique(tx: SqlClient, task: Doc, previous: Doc | null): Promise<Doc> {
  const rank = task.kanbanRank;
  if (task._deleted === true || typeof rank !== 'string' || !isKanbanRank(rank) || typeof task.projectId !== 'string' || typeof task.status !== 'string') return task;
  const isSamePlace = previous !== null && previous._deleted !== true && previous.kanbanRank === rank && previous.status === task.status && previous.projectId === task.projectId;
  if (isSamePlace || (await rankFrom(tx, task, rank, false)) !== rank) return task;
  const next = await rankFrom(tx, task, rank, true);
  if (next !== null && !isKanbanRank(next)) return task;
  return { ...task, kanbanRank: rankBetween(rank, next) };
}

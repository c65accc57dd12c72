import { rankBetween } from '../../src-shared/tasks/kanban-rank';
import type { TaskStatus } from '../../src-shared/tasks/task-model';
import type { LabDatabase } from '../database/open-database';

/** A rank below every card of the project's column: a new or re-statused card goes to the bottom. */
export async function bottomRank(db: LabDatabase, projectId: string, status: TaskStatus): Promise<string> {
  // The (projectId, status, kanbanRank) index makes this one index seek, however long the column.
  const last = await db.tasks.findOne({ selector: { projectId, status }, sort: [{ kanbanRank: 'desc' }] }).exec();
  return rankBetween((last?.get('kanbanRank') as string | undefined) ?? null, null);
}

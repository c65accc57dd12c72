import { combineLatest, map, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { generateKanbanBoard } from '../../src-shared/tasks/kanban';
import type { BoardView } from '../../src-shared/tasks/task-views';
import type { QueryHandler } from '../host/handler-types';
import { askerOf, isProjectMember } from '../projects/project-access';
import { people$, personRef, project$, projectTasks$, settle } from './live-sources';

/**
 * `tasks/board`: the project's tasks through one index-backed live query (projectId prefix of
 * the (projectId, status, kanbanRank) index). RxDB's event reduce keeps the result set current
 * without re-running the query, task objects are converted once per revision (task-store), and a
 * burst of writes is settled into one recomputation, which is linear in the project's size.
 */
export const boardQuery: QueryHandler<'tasks/board'> = (input, context): Observable<Result<BoardView>> =>
  combineLatest([projectTasks$(context.db, input.projectId), project$(context.db, input.projectId), people$(context.db)]).pipe(
    settle(),
    map(([tasks, project, people]) => {
      if (!project) return fail('not_found', 'That project no longer exists.');
      const board = generateKanbanBoard(tasks, {
        projectId: input.projectId,
        ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
        wipLimits: project.wipLimits ?? {},
        swimlanes: input.swimlanes,
      });
      const assigneeIds = [...new Set(tasks.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])))];
      return ok({
        ...board,
        people: assigneeIds.map((id) => personRef(people, id) as NonNullable<ReturnType<typeof personRef>>),
        canEdit: isProjectMember(project, askerOf(context)),
      });
    }),
  );

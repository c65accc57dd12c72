import { combineLatest, map, type Observable } from 'rxjs';
import { ok, type Result } from '../../src-shared/core/result';
import { matchesFilter, sortTasks } from '../../src-shared/tasks/task-filter';
import type { Task } from '../../src-shared/tasks/task-model';
import type { TaskListView, TimeEntryDocument } from '../../src-shared/tasks/task-views';
import type { QueryHandler } from '../host/handler-types';
import { localToday } from '../projects/project-access';
import { activity$, allTasks$, people$, projects$, projectTasks$, settle } from './live-sources';
import { hoursByTask, taskIndex, toRow } from './task-rows';

/**
 * `tasks/list`: one project's tasks, or every project's ("My tasks" and cross-project filters).
 * Progress roll-up and blockers need a task's subtasks and predecessors, which live in the same
 * project, so the whole project (or all tasks) is read and filtered here rather than in the query.
 */
export const taskListQuery: QueryHandler<'tasks/list'> = (input, context): Observable<Result<TaskListView>> => {
  const { limit, ...filter } = input;
  const tasks$ = filter.projectId ? projectTasks$(context.db, filter.projectId) : allTasks$(context.db);
  const entries$ = activity$<TimeEntryDocument>(context.db, filter.projectId ? { projectId: filter.projectId, kind: 'time_entry' } : { kind: 'time_entry' });
  return combineLatest([tasks$, projects$(context.db), people$(context.db), entries$]).pipe(
    settle(),
    map(([tasks, projects, people, entries]) => {
      const today = localToday(context.clock());
      const index = taskIndex(tasks);
      const facts = { personId: context.actor.id, today, isBlocked: index.isBlocked, progressOf: index.progressOf };
      const matching: Task[] = tasks.filter((t) => matchesFilter(t, filter, facts));
      const sorted = sortTasks(matching, filter.sort, index.progressOf);
      const hours = hoursByTask(entries);
      return ok({ rows: sorted.slice(0, limit).map((t) => toRow(t, index, projects, people, hours, today)), total: matching.length, today });
    }),
  );
};

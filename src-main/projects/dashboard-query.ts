import { combineLatest, map, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { ProjectDashboard } from '../../src-shared/projects/plan-views';
import { riskHeatmap } from '../../src-shared/projects/risk-matrix';
import { projectProgress } from '../../src-shared/tasks/rollup';
import { isOverdue } from '../../src-shared/tasks/task-filter';
import { CLOSED_STATUSES, TASK_STATUSES, type TaskStatus } from '../../src-shared/tasks/task-model';
import type { TimeEntryDocument } from '../../src-shared/tasks/task-views';
import type { QueryHandler } from '../host/handler-types';
import { activity$, people$, personRef, project$, projectTasks$, settle } from '../tasks/live-sources';
import { hoursByTask, taskIndex, toRow } from '../tasks/task-rows';
import { askerOf, canManageProject, localToday, ownerIdOf } from './project-access';
import { milestoneViews, ofKind, planItems$, projectBudget } from './plan-sources';

const byDue = (a: { task: { dueDate?: string } }, b: { task: { dueDate?: string } }) => (a.task.dueDate ?? '9999').localeCompare(b.task.dueDate ?? '9999');

/** `projects/dashboard`: everything the project page's overview shows, from five live queries. */
export const dashboardQuery: QueryHandler<'projects/dashboard'> = (input, context): Observable<Result<ProjectDashboard>> =>
  combineLatest([
    project$(context.db, input.id),
    projectTasks$(context.db, input.id),
    planItems$(context.db, input.id),
    activity$<TimeEntryDocument>(context.db, { projectId: input.id, kind: 'time_entry' }),
    people$(context.db),
  ]).pipe(
    settle(),
    map(([project, tasks, items, entries, people]) => {
      if (!project) return fail('not_found', 'That project no longer exists. It may have been removed on another PC.');
      const today = localToday(context.clock());
      const index = taskIndex(tasks);
      const hours = hoursByTask(entries);
      const projects = new Map([[project.id, project]]);
      const taskCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
      for (const t of tasks) taskCounts[t.status] += 1;
      const open = tasks.filter((t) => !CLOSED_STATUSES.has(t.status));
      const risks = ofKind(items, 'risk').filter((r) => r.data.status === 'open' || r.data.status === 'mitigating');
      return ok({
        project,
        owner: personRef(people, ownerIdOf(project)),
        team: (project.teamIds ?? []).map((id) => personRef(people, id) as NonNullable<ReturnType<typeof personRef>>),
        progress: projectProgress(project.id, tasks),
        taskCounts,
        totalTasks: tasks.length,
        budget: projectBudget(project, ofKind(items, 'budget_line'), entries),
        milestones: milestoneViews(ofKind(items, 'milestone'), tasks, today),
        heatmap: riskHeatmap(risks.map((r) => r.data)),
        overdueTasks: open.filter((t) => isOverdue(t, today)).map((t) => toRow(t, index, projects, people, hours, today)).sort(byDue),
        blockedTasks: open.filter((t) => t.status === 'blocked' || index.isBlocked(t)).map((t) => toRow(t, index, projects, people, hours, today)).sort(byDue),
        canManage: canManageProject(project, askerOf(context)),
        today,
      });
    }),
  );

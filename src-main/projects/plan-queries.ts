import { combineLatest, map, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { Deliverable } from '../../src-shared/projects/plan-item-model';
import type { BudgetView, RiskRegisterView } from '../../src-shared/projects/plan-views';
import { RISK_RATINGS, riskHeatmap, riskLevel } from '../../src-shared/projects/risk-matrix';
import type { TimeEntryDocument } from '../../src-shared/tasks/task-views';
import type { QueryHandlers } from '../host/handler-types';
import { activity$, people$, personRef, project$, projectTasks$, settle } from '../tasks/live-sources';
import { askerOf, canManageProject, localToday } from './project-access';
import { milestoneViews, ofKind, planItems$, projectBudget } from './plan-sources';

type PlanQueries = 'milestones/list' | 'deliverables/list' | 'risks/list' | 'allocations/list' | 'budget/overview';

const severity = (level: string) => RISK_RATINGS.indexOf(level as (typeof RISK_RATINGS)[number]);
const isLive = (status: string) => status === 'open' || status === 'mitigating';

export const planQueryHandlers: QueryHandlers<PlanQueries> = {
  'milestones/list': (input, context) =>
    combineLatest([planItems$(context.db, input.projectId, 'milestone'), projectTasks$(context.db, input.projectId)]).pipe(
      settle(),
      map(([milestones, tasks]) => ok(milestoneViews(ofKind(milestones, 'milestone'), tasks, localToday(context.clock())))),
    ),

  'deliverables/list': (input, context) =>
    planItems$<Deliverable>(context.db, input.projectId, 'deliverable').pipe(
      map((items) => ok([...items].sort((a, b) => (a.data.dueDate ?? '9999').localeCompare(b.data.dueDate ?? '9999') || a.title.localeCompare(b.title)))),
    ),

  'risks/list': (input, context): Observable<Result<RiskRegisterView>> =>
    combineLatest([planItems$(context.db, input.projectId, 'risk'), people$(context.db)]).pipe(
      settle(),
      map(([items, people]) => {
        const risks = ofKind(items, 'risk');
        const today = localToday(context.clock());
        const shown = risks
          .filter((r) => input.includeClosed || isLive(r.data.status))
          .filter((r) => (input.probability === undefined || r.data.probability === input.probability) && (input.impact === undefined || r.data.impact === input.impact))
          .map((risk) => ({
            risk,
            level: riskLevel(risk.data.probability, risk.data.impact),
            owner: personRef(people, risk.data.ownerId),
            isReviewDue: isLive(risk.data.status) && risk.data.reviewDate !== undefined && risk.data.reviewDate <= today,
          }))
          .sort((a, b) => severity(b.level) - severity(a.level) || Number(isLive(b.risk.data.status)) - Number(isLive(a.risk.data.status)) || a.risk.title.localeCompare(b.risk.title));
        return ok({ risks: shown, heatmap: riskHeatmap(risks.filter((r) => isLive(r.data.status)).map((r) => r.data)) });
      }),
    ),

  'allocations/list': (input, context) =>
    combineLatest([planItems$(context.db, input.projectId, 'resource_allocation'), people$(context.db), projectTasks$(context.db, input.projectId)]).pipe(
      settle(),
      map(([items, people, tasks]) => {
        const titles = new Map(tasks.map((t) => [t.id, t.title]));
        return ok(
          ofKind(items, 'resource_allocation')
            .map((allocation) => {
              const a = allocation.data;
              const resourceName = a.resourceType === 'person' ? (personRef(people, a.personId)?.name ?? a.personId) : a.resourceType === 'equipment' ? a.equipmentId : `${a.materialName} (${a.quantity} ${a.unit})`;
              return { allocation, resourceName, taskTitle: a.taskId ? (titles.get(a.taskId) ?? null) : null };
            })
            .sort((x, y) => x.allocation.data.periodStart.localeCompare(y.allocation.data.periodStart) || x.resourceName.localeCompare(y.resourceName)),
        );
      }),
    ),

  'budget/overview': (input, context): Observable<Result<BudgetView>> =>
    combineLatest([project$(context.db, input.projectId), planItems$(context.db, input.projectId, 'budget_line'), activity$<TimeEntryDocument>(context.db, { projectId: input.projectId, kind: 'time_entry' })]).pipe(
      settle(),
      map(([project, items, entries]) => {
        if (!project) return fail('not_found', 'That project no longer exists.');
        const lines = ofKind(items, 'budget_line');
        return ok({ lines, ...projectBudget(project, lines, entries), costRates: project.costRates ?? [], canManage: canManageProject(project, askerOf(context)) });
      }),
    ),
};

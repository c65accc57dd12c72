import { map, type Observable } from 'rxjs';
import type { RxDocument } from 'rxdb';
import { budgetVsActual } from '../../src-shared/projects/budget';
import { daysBetween } from '../../src-shared/projects/plan-dates';
import { evaluateMilestone } from '../../src-shared/projects/milestone-status';
import type { BudgetLine, Milestone } from '../../src-shared/projects/plan-item-model';
import type { MilestoneView, PlanItemDocument } from '../../src-shared/projects/plan-views';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import type { Task } from '../../src-shared/tasks/task-model';
import type { TimeEntryDocument } from '../../src-shared/tasks/task-views';
import type { LabDatabase } from '../database/open-database';

/** A project's plan items, all kinds or one, live (the (projectId, kind) index). */
export function planItems$<T extends PlanItemDocument = PlanItemDocument>(db: LabDatabase, projectId: string, kind?: T['kind']): Observable<T[]> {
  return db.plan_items
    .find({ selector: kind ? { projectId, kind } : { projectId } })
    .$.pipe(map((docs: RxDocument<unknown>[]) => docs.map((d) => d.toJSON() as T).sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))));
}

export const ofKind = <K extends PlanItemDocument['kind']>(items: readonly PlanItemDocument[], kind: K) =>
  items.filter((i): i is Extract<PlanItemDocument, { kind: K }> => i.kind === kind);

/** Milestones with their state as judged today, soonest first. */
export function milestoneViews(milestones: readonly Milestone[], tasks: readonly Task[], today: string): MilestoneView[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return [...milestones]
    .sort((a, b) => (a.data.dueDate < b.data.dueDate ? -1 : a.data.dueDate > b.data.dueDate ? 1 : 0))
    .map((milestone) => ({
      milestone,
      evaluation: evaluateMilestone(milestone, tasks, today),
      linkedTasks: milestone.data.linkedTaskIds.flatMap((id) => {
        const t = byId.get(id);
        return t ? [{ id: t.id, title: t.title, status: t.status }] : [];
      }),
      daysLeft: daysBetween(today, milestone.data.dueDate),
    }));
}

/** Budget vs actual: labour from time entries at the project's cost rates, plus costs on budget lines. */
export function projectBudget(project: ProjectDocument, lines: readonly BudgetLine[], entries: readonly TimeEntryDocument[]) {
  const result = budgetVsActual({
    ...(project.budget ? { budget: project.budget } : {}),
    lines,
    timeEntries: entries.filter((e) => !e.data.isRunning).map((e) => ({ personId: e.personId, date: e.data.date, hours: e.data.hours })),
    rates: project.costRates ?? [],
  });
  return result.ok ? { report: result.value, problem: null } : { report: null, problem: result.error.message };
}

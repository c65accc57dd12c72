import { auditTime, combineLatest, from, map, startWith, switchMap } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import { budgetStandings, type BudgetStanding } from '../../src-shared/finance/budget-standing';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { actorIn, directory$ } from '../records/record-actor';
import { canReadRecordDoc } from '../records/record-store';
import { budgetCostsOf, storedBudgets } from './budget-costs';

/** The standings of the budgets `actor` may read, narrowed to one project, department or year when asked. */
export async function readableStandings(db: LabDatabase, actor: RecordActor, input: { projectId?: string | undefined; departmentId?: string | undefined; year?: number | undefined }): Promise<BudgetStanding[]> {
  const budgets = (await storedBudgets(db))
    .filter((r) => canReadRecordDoc(actor, r.stored))
    .map((r) => r.budget)
    .filter((b) => (!input.projectId || b.data.projectId === input.projectId) && (!input.departmentId || b.data.departmentId === input.departmentId) && (!input.year || b.data.year === input.year));
  return named(db, budgetStandings(budgets, await budgetCostsOf(db, budgets)));
}

/** A budget started without its holder's name (by a command, not the screen) is named from the project or department. */
async function named(db: LabDatabase, standings: BudgetStanding[]): Promise<BudgetStanding[]> {
  const unnamed = standings.filter((s) => !s.holderName);
  if (unnamed.length === 0) return standings;
  const projects = await db.projects.findByIds(unnamed.filter((s) => s.holderType === 'project').map((s) => s.holderId)).exec();
  const departments = await db.people.findByIds(unnamed.filter((s) => s.holderType === 'department').map((s) => s.holderId)).exec();
  return standings.map((s) => {
    if (s.holderName) return s;
    const project = projects.get(s.holderId);
    const name = project ? `${String(project.get('code'))} ${String(project.get('name'))}` : String(departments.get(s.holderId)?.get('name') ?? '');
    return { ...s, holderName: name };
  });
}

/**
 * Where the approved budgets the asker may read stand, live on record, project, time and directory
 * changes. The costs are summed over every approved claim, all time on the budget's projects and the
 * purchase orders charged to them (committed) — the holder sees the sums per category, not the
 * claims, time sheets or orders they may not read.
 */
export const budgetQueryHandlers: QueryHandlers<'finance/budgets/standing'> = {
  'finance/budgets/standing': (input, context) =>
    combineLatest([
      directory$(context.db),
      context.db.records.$.pipe(auditTime(100), startWith(null)),
      context.db.projects.$.pipe(auditTime(100), startWith(null)),
      context.db.activity.$.pipe(auditTime(100), startWith(null)),
    ]).pipe(
      switchMap(([directory]) =>
        from(
          (async () => {
            return readableStandings(context.db, actorIn(directory, context.actor.id), input);
          })(),
        ),
      ),
      map((standings) => ok(standings)),
    ),
};

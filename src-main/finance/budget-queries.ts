import { auditTime, combineLatest, from, map, startWith, switchMap } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import type { BudgetData } from '../../src-shared/finance/budget-kind';
import { budgetStandings, type BudgetOnRecord } from '../../src-shared/finance/budget-standing';
import type { ExpenseClaimData } from '../../src-shared/finance/expense-claim-kind';
import type { HourlyRate } from '../../src-shared/projects/budget';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { TimeEntryDocument } from '../../src-shared/tasks/task-views';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { actorIn, directory$ } from '../records/record-actor';
import { canReadRecordDoc, readStored } from '../records/record-store';

const storedOfKind = async (db: LabDatabase, kind: string) =>
  (await db.records.find({ selector: { kind } }).exec()).map((d) => readStored(d.toJSON() as RecordDocument)).filter((r) => !r.isFromNewerVersion);

/**
 * Where the approved budgets the asker may read stand, live on record, project, time and directory
 * changes. The costs are summed over every approved claim and all time on the budget's projects —
 * the holder sees the sums per category, not the claims or time sheets they may not read.
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
            const actor = actorIn(directory, context.actor.id);
            const budgets: BudgetOnRecord[] = (await storedOfKind(context.db, 'budget'))
              .filter((r) => canReadRecordDoc(actor, r))
              .map((r) => ({ id: r.doc.id, number: r.doc.number, status: r.doc.status, data: r.doc.data as unknown as BudgetData }))
              .filter((b) => (!input.projectId || b.data.projectId === input.projectId) && (!input.departmentId || b.data.departmentId === input.departmentId) && (!input.year || b.data.year === input.year));
            const projectIds = [...new Set(budgets.flatMap((b) => (b.data.projectId ? [b.data.projectId] : [])))];
            const projects = projectIds.length > 0 ? await context.db.projects.findByIds(projectIds).exec() : new Map();
            const ratesByProject = new Map([...projects.values()].map((p) => [String(p.get('id')), (p.toJSON().costRates ?? []) as HourlyRate[]]));
            const entries = projectIds.length > 0 ? await context.db.activity.find({ selector: { kind: 'time_entry', projectId: { $in: projectIds } } }).exec() : [];
            const claims = (await storedOfKind(context.db, 'expense_claim')).map((r) => ({ status: r.doc.status, data: r.doc.data as unknown as ExpenseClaimData }));
            const departments = await context.db.people.find({ selector: { kind: 'department' } }).exec();
            return budgetStandings(budgets, {
              timeEntries: entries
                .map((e) => e.toJSON() as unknown as TimeEntryDocument)
                .filter((e) => !e.data.isRunning)
                .map((e) => ({ projectId: e.projectId, personId: e.personId, date: e.data.date, hours: e.data.hours })),
              ratesByProject,
              claims,
              departmentCodes: new Map(departments.map((d) => [String(d.get('id')), String(d.get('email'))])),
            });
          })(),
        ),
      ),
      map((standings) => ok(standings)),
    ),
};

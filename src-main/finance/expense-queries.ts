import { auditTime, combineLatest, from, map, startWith, switchMap } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import type { ExpenseClaimData } from '../../src-shared/finance/expense-claim-kind';
import { expenseReport } from '../../src-shared/finance/expense-report';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { QueryHandlers } from '../host/handler-types';
import { actorIn, directory$ } from '../records/record-actor';
import { canReadRecordDoc, readStored } from '../records/record-store';

/**
 * The expense report over the claims the asker may read (finance: all; a manager: their people's;
 * a claimant: their own), live on record, project and directory changes; lines are named by their
 * project's name on this PC, or their cost centre.
 */
export const expenseQueryHandlers: QueryHandlers<'finance/expense-report'> = {
  'finance/expense-report': (input, context) =>
    combineLatest([directory$(context.db), context.db.records.$.pipe(auditTime(100), startWith(null)), context.db.projects.$.pipe(auditTime(100), startWith(null))]).pipe(
      switchMap(([directory]) =>
        from(
          (async () => {
            const actor = actorIn(directory, context.actor.id);
            const docs = await context.db.records.find({ selector: { kind: 'expense_claim' } }).exec();
            const claims = docs
              .map((d) => readStored(d.toJSON() as RecordDocument))
              .filter((r) => !r.isFromNewerVersion && canReadRecordDoc(actor, r))
              .map((r) => ({ status: r.doc.status, data: r.doc.data as unknown as ExpenseClaimData }));
            const projectIds = [...new Set(claims.flatMap((c) => c.data.lines.flatMap((l) => (l.projectId ? [l.projectId] : []))))];
            const projects = projectIds.length > 0 ? await context.db.projects.findByIds(projectIds).exec() : new Map();
            const names = new Map([...projects.values()].map((p) => [String(p.get('id')), String(p.get('name'))]));
            return expenseReport(claims, (id) => names.get(id), { from: input.from, to: input.to });
          })(),
        ),
      ),
      map((report) => ok(report)),
    ),
};

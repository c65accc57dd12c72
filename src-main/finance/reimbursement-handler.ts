import { fail, ok } from '../../src-shared/core/result';
import { expenseClaimKind, type ExpenseClaimData } from '../../src-shared/finance/expense-claim-kind';
import { paymentKind } from '../../src-shared/finance/payment-kind';
import type { WorkflowInstance } from '../../src-shared/workflows/instance';
import type { LabDatabase } from '../database/open-database';
import { childrenOf, createRecord, recordOf } from '../records/module-records';
import type { CommandHandlers } from '../host/handler-types';
import { recordActorOf } from '../records/record-actor';

/** The claim's running EXPENSE_CLAIM instance waiting at its payment step, if any. */
async function paymentStepOf(db: LabDatabase, claimId: string): Promise<string | null> {
  const runs = await db.workflow_instances.find({ selector: { entityId: claimId, status: 'running' } }).exec();
  const waiting = runs.map((r) => r.get('state') as WorkflowInstance).find((s) => s.workflowCode === 'EXPENSE_CLAIM' && s.activeSteps.some((a) => a.stepId === 'payment'));
  return waiting?.id ?? null;
}

/**
 * Reimburses an approved expense claim: an outgoing payment of its total to the claimant, parent
 * the claim. Finance only (the payment kind's create rule); the payment's invariant refuses a claim
 * not approved, a second payment, or another amount — here and on the sync server. The claim moves
 * to reimbursed through its workflow's payment step, which needs this payment (expense-claim-checks.ts).
 */
export const reimbursementCommandHandlers: CommandHandlers<'finance/expenses/reimburse'> = {
  async 'finance/expenses/reimburse'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const claim = await recordOf(context.db, expenseClaimKind, input.claimId, actor);
    if (claim.error) return fail('invalid_input', 'Pick an expense claim you may see.', { field: 'claimId' });
    const recorded = (await childrenOf(context.db, 'payment', claim.value.id))[0];
    if (recorded) return fail('invalid_state', `${claim.value.number} is reimbursed already (${recorded.number}).`);
    if (claim.value.status !== 'approved') return fail('invalid_state', `${claim.value.number} is not approved, so it cannot be reimbursed.`);
    const data = claim.value.data as ExpenseClaimData;
    const payment = await createRecord(context, paymentKind, actor, {
      direction: 'outgoing', expenseClaimId: claim.value.id, payeeId: data.personId, amount: data.total, paidOn: input.paidOn, reference: input.reference, allocations: [],
    });
    if (!payment.ok) return payment;
    return ok({ payment: payment.value, instanceId: await paymentStepOf(context.db, claim.value.id) });
  },
};

import type { InvariantInput, RecordReads } from '../records/record-kind';
import type { ExpenseClaimData } from './expense-claim-kind';
import { blockingProblems, checkExpensePolicy } from './expense-policy';
import { expenseSettingsOf, expenseSettingsParent } from './expense-settings-kind';
import { unpaidReimbursement } from './reimbursement';

/**
 * What a claim's invariant reads: finance's expense settings, the receipts its lines name and its
 * reimbursement payment. Receipts are `activity` documents of kind `attachment` on the claim itself.
 */
export const expenseClaimReads = (data: ExpenseClaimData, claimId: string): RecordReads => ({
  byParent: [{ kind: 'expense_settings', parentId: expenseSettingsParent }, { kind: 'payment', parentId: claimId }],
  ids: data.lines.flatMap((l) => (l.receiptAttachmentId ? [{ collection: 'activity', id: l.receiptAttachmentId }] : [])),
});

/**
 * The claim's rules beyond its fields, judged when it is submitted (the move into `submitted`, made
 * by the EXPENSE_CLAIM workflow's first step): every line within finance's policy, each receipt an
 * attachment of this claim. A draft may break them while it is filled in; the screen shows why.
 *
 * A receipt named that is a file of something else is refused whatever the status. One that is not
 * there at all is tolerated in a draft, and only there: the receipt is attached to the claim, so a
 * claim made offline reaches the sync server before its receipt can (the receipt's entry needs its
 * claim there first, collections.ts `pushAfter`). Nothing is trusted by it — the submit move finds
 * every receipt or stops, and the lines cannot change after it. Out of draft, a missing receipt is
 * `isWaiting`: the server has the claim wait until the receipt arrives rather than refuse it.
 * The move into `reimbursed` needs the claim's reimbursement payment recorded (reimbursement.ts).
 */
export function checkExpenseClaim({ record, previous, lookup }: InvariantInput<ExpenseClaimData>): { message: string; field?: string; isWaiting?: true } | null {
  const lines = record.data.lines;
  for (const [index, line] of lines.entries()) {
    if (!line.receiptAttachmentId) continue;
    const receipt = lookup.get('activity', line.receiptAttachmentId);
    if (!receipt && record.status === 'draft') continue;
    if (!receipt || receipt.kind !== 'attachment' || receipt.subjectId !== record.id) {
      return {
        message: `The receipt of line ${index + 1} is not a file of this claim; attach it here and choose it again.`,
        field: `data.lines.${index}.receiptAttachmentId`,
        ...(receipt ? {} : { isWaiting: true as const }),
      };
    }
  }
  if (record.status === 'reimbursed' && previous?.status !== 'reimbursed') return unpaidReimbursement(record.id, lookup);
  const isSubmitting = record.status === 'submitted' && previous?.status !== 'submitted';
  if (!isSubmitting) return null;
  const settings = expenseSettingsOf(lookup.byParent('expense_settings', expenseSettingsParent));
  const first = blockingProblems(checkExpensePolicy(lines, settings))[0];
  if (!first) return null;
  return { message: first.lineIndex === null ? first.message : `Line ${first.lineIndex + 1}: ${first.message}`, field: first.lineIndex === null ? 'data.lines' : `data.lines.${first.lineIndex}.${first.field}` };
}

import type { InvariantProblem, RecordLookup, RecordReads } from '../records/record-kind';

/**
 * Reimbursing an expense claim: an outgoing payment whose parent is the claim (payment-kind.ts),
 * and the claim's move into `reimbursed`, which needs that payment. Run by the host and the sync
 * server alike, so a claim is never paid twice nor marked paid without a recorded payment. Pure.
 */
type StoredClaim = { id: string; kind: string; status: string; number?: string; data: { personId: string; total: { amountMinor: number; currency: string } } };
type StoredPayment = { id: string; data: { expenseClaimId?: string } };

export const reimbursementReads = (claimId: string): RecordReads => ({
  ids: [{ collection: 'records', id: claimId }],
  byParent: [{ kind: 'payment', parentId: claimId }],
});

/** The payments recorded against a claim (other than `exceptId`). */
export const paymentsOfClaim = (lookup: RecordLookup, claimId: string, exceptId = ''): StoredPayment[] =>
  (lookup.byParent('payment', claimId) as unknown as StoredPayment[]).filter((p) => p.id !== exceptId && p.data.expenseClaimId === claimId);

/**
 * A reimbursement pays an approved claim once, its whole total in its currency, to its claimant.
 * A claim the judge does not hold yet is waited for (the server holds the payment until it arrives).
 */
export function reimbursementProblem(
  record: { id: string; data: { expenseClaimId?: string | undefined; payeeId?: string | undefined; amount: { amountMinor: number; currency: string } } },
  lookup: RecordLookup,
): InvariantProblem | null {
  const claimId = record.data.expenseClaimId ?? '';
  const claim = lookup.get('records', claimId) as StoredClaim | null;
  if (!claim) return { message: 'The expense claim this reimburses is not here yet.', field: 'data.expenseClaimId', isWaiting: true };
  if (claim.kind !== 'expense_claim') return { message: 'Only an expense claim is reimbursed.', field: 'data.expenseClaimId' };
  const label = claim.number || 'The claim';
  if (paymentsOfClaim(lookup, claimId, record.id).length > 0) return { message: `${label} is reimbursed already.`, field: 'data.expenseClaimId' };
  if (claim.status !== 'approved') return { message: `${label} is not approved, so it cannot be reimbursed.`, field: 'data.expenseClaimId' };
  if (record.data.payeeId !== claim.data.personId) return { message: 'A claim is reimbursed to its claimant.', field: 'data.payeeId' };
  const { amountMinor, currency } = claim.data.total;
  if (record.data.amount.currency !== currency || record.data.amount.amountMinor !== amountMinor) return { message: `${label} is reimbursed with its total, in ${currency}.`, field: 'data.amount' };
  return null;
}

/** A claim becomes reimbursed only once its payment is recorded (waited for on the server, which may get the claim first). */
export function unpaidReimbursement(claimId: string, lookup: RecordLookup): InvariantProblem | null {
  return paymentsOfClaim(lookup, claimId).length > 0 ? null : { message: 'Record the reimbursement payment first (Finance → Payments, Claims to reimburse).', field: 'status', isWaiting: true };
}

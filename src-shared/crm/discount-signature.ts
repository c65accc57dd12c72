import type { SignatureLine } from '../documents/signature-lines';
import { quotationDiscountApproval } from './discount-approval-workflow';

/**
 * The signature that approved a quotation's discount, for its PDF: the latest `approved` signature
 * given on the QUOTATION_DISCOUNT workflow about it (a declined and asked-again discount shows the
 * approval that let it go out); none when the discount never needed approval. Pure.
 */
export function discountApprovalSignature(signatures: readonly SignatureLine[]): SignatureLine | null {
  const approvals = signatures.filter((line) => line.workflowCode === quotationDiscountApproval.workflow_code && line.meaning === 'approved');
  return approvals.reduce<SignatureLine | null>((latest, line) => (!latest || line.signedAt > latest.signedAt ? line : latest), null);
}

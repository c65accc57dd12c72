import type { WorkflowDefinition } from '../definition-schema';
import { budgetApproval } from './budget-approval';
import { equipmentDecommissioning } from '../../equipment/decommissioning-workflow';
import { capa } from './capa';
import { quotationDiscountApproval } from '../../crm/discount-approval-workflow';
import { documentReview } from './document-review';
import { equipmentProcurement } from './equipment-procurement';
import { expenseClaim } from './expense-claim';
import { hiring } from './hiring';
import { leaveRequest } from './leave-request';
import { onboarding } from './onboarding';
import { purchaseRequest } from './purchase-request';

/** The definitions LabFlow ships for an admin to copy and edit; each passes `validateDefinition`. */
export const builtInTemplates: readonly WorkflowDefinition[] = [
  equipmentProcurement,
  purchaseRequest,
  budgetApproval,
  expenseClaim,
  leaveRequest,
  hiring,
  onboarding,
  capa,
  documentReview,
  equipmentDecommissioning,
  quotationDiscountApproval,
];

import { catalogueItemKind } from '../crm/catalogue-item-kind';
import { contactKind } from '../crm/contact-kind';
import { interactionKind } from '../crm/interaction-kind';
import { leadKind } from '../crm/lead-kind';
import { opportunityKind } from '../crm/opportunity-kind';
import { organisationKind } from '../crm/organisation-kind';
import { quotationKind } from '../crm/quotation-kind';
import { salesOrderKind } from '../crm/sales-order-kind';
import { salesSettingsKind } from '../crm/sales-settings-kind';
import { creditNoteKind } from '../finance/credit-note-kind';
import { invoiceKind } from '../finance/invoice-kind';
import { paymentKind } from '../finance/payment-kind';
import { supplierInvoiceKind } from '../finance/supplier-invoice-kind';
import { exchangeRateKind } from '../finance/exchange-rate-kind';
import { organisationProfileKind } from '../documents/organisation-profile-kind';
import { budgetKind } from '../finance/budget-kind';
import { expenseClaimKind } from '../finance/expense-claim-kind';
import { expenseSettingsKind } from '../finance/expense-settings-kind';
import { bidEvaluationKind } from '../equipment/bid-evaluation-kind';
import { bidKind } from '../equipment/bid-kind';
import { bookingKind } from '../equipment/booking-kind';
import { calibrationKind } from '../equipment/calibration-kind';
import { calibrationPlanKind } from '../equipment/calibration-plan-kind';
import { decommissioningKind } from '../equipment/decommissioning-kind';
import { deviationKind } from '../equipment/deviation-kind';
import { equipmentKind } from '../equipment/equipment-kind';
import { maintenancePlanKind } from '../equipment/maintenance-plan-kind';
import { purchaseOrderKind } from '../equipment/purchase-order-kind';
import { purchaseRequestKind } from '../equipment/purchase-request-kind';
import { qualificationKind } from '../equipment/qualification-kind';
import { qualificationProtocolKind } from '../equipment/qualification-protocol-kind';
import { rfqKind } from '../equipment/rfq-kind';
import { supplierKind } from '../equipment/supplier-kind';
import { usageLogKind } from '../equipment/usage-log-kind';
import { workOrderKind } from '../equipment/work-order-kind';
import { attendanceKind } from '../hr/attendance-kind';
import { candidateKind } from '../hr/candidate-kind';
import { employeeKind } from '../hr/employee-kind';
import { employeePersonalKind } from '../hr/employee-personal-kind';
import { exitKind } from '../hr/exit-kind';
import { holidayCalendarKind } from '../hr/holiday-calendar-kind';
import { interviewScorecardKind } from '../hr/interview-scorecard-kind';
import { jobRequisitionKind } from '../hr/job-requisition-kind';
import { leaveRequestKind } from '../hr/leave-request-kind';
import { onboardingChecklistKind } from '../hr/onboarding-checklist-kind';
import { performanceReviewKind } from '../hr/performance-review-kind';
import { trainingCompletionKind, trainingCourseKind, trainingSessionKind } from '../hr/training-kinds';
import { meetingRoomKind } from '../meetings/meeting-room-kind';
import type { AnyRecordKind } from './record-kind';

/**
 * Every record kind LabFlow knows, one line per kind (like src-main/host/features.ts). A module adds
 * its kinds here; commands, registers, record pages, sync rules and API routes follow from them.
 */
export const recordKinds: readonly AnyRecordKind[] = [
  purchaseRequestKind,
  leaveRequestKind,
  organisationProfileKind,
  meetingRoomKind,
  // Equipment lifecycle (src-shared/equipment/README.md): procurement, the register, qualification,
  // calibration, maintenance, use and retirement.
  supplierKind,
  rfqKind,
  bidKind,
  bidEvaluationKind,
  purchaseOrderKind,
  equipmentKind,
  qualificationProtocolKind,
  qualificationKind,
  deviationKind,
  calibrationPlanKind,
  calibrationKind,
  maintenancePlanKind,
  workOrderKind,
  bookingKind,
  usageLogKind,
  decommissioningKind,
  // HR (src-shared/hr/README.md): the employee file, public holidays, leave, hiring, training,
  // reviews, attendance, exit, onboarding checklists.
  employeeKind,
  employeePersonalKind,
  holidayCalendarKind,
  jobRequisitionKind,
  candidateKind,
  interviewScorecardKind,
  trainingCourseKind,
  trainingSessionKind,
  trainingCompletionKind,
  performanceReviewKind,
  attendanceKind,
  exitKind,
  onboardingChecklistKind,
  // CRM and sales (src-shared/crm/README.md): the directory shared with procurement, the pipeline,
  // quotations and orders.
  organisationKind,
  contactKind,
  leadKind,
  interactionKind,
  opportunityKind,
  catalogueItemKind,
  quotationKind,
  salesOrderKind,
  salesSettingsKind,
  // Finance (src-shared/finance/README.md): receivables — invoices, credit notes, payments.
  invoiceKind,
  creditNoteKind,
  paymentKind,
  supplierInvoiceKind,
  exchangeRateKind,
  // Expense claims and the policy they are checked against.
  expenseSettingsKind,
  expenseClaimKind,
  // Budgets of departments and projects, approved through BUDGET_APPROVAL.
  budgetKind,
];

const byName = new Map(recordKinds.map((k) => [k.kind, k]));
if (byName.size !== recordKinds.length) throw new Error('Two record kinds share a name.');

/** The declared kind, or undefined for a kind this LabFlow does not know (e.g. written by a newer version). */
export const recordKindOf = (kind: unknown): AnyRecordKind | undefined => (typeof kind === 'string' ? byName.get(kind) : undefined);

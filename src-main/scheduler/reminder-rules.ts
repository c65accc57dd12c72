import { createFollowUpRule } from '../crm/follow-up-rule';
import { createQuotationExpiryRule } from '../crm/quotation-expiry-rule';
import { createMaintenanceOrderRule } from '../equipment/maintenance-order-rule';
import { createEquipmentRule } from './rules/equipment-rule';
import { createMeetingRule } from './rules/meeting-rule';
import { createMilestoneRule } from './rules/milestone-rule';
import { createTaskDueRule } from './rules/task-due-rule';
import { createWorkflowRule } from './rules/workflow-rule';
import { createWorkflowDeadlineRule } from '../workflows/deadline-rule';
import { createActionItemRule } from '../meetings/action-item-rule';
import { createMinutesDueRule } from '../meetings/minutes-due-rule';
import { createTrainingReminderRule } from '../hr/training-reminder-rule';
import { createExitDeactivationRule } from '../hr/exit-deactivation-rule';
import { createBudgetWarningRule } from '../finance/budget-warning-rule';
import { createOverdueReminderRule } from '../finance/overdue-reminder-rule';
import type { ReminderRule } from './reminder-rule';

/**
 * Every rule the scheduler derives reminders from. A feature adds its rule with one line here
 * (the workflow runtime: its timer/breach/escalation rule with its own `fire`; meetings: minutes
 * not published and action items due; CRM: follow-ups and quotation expiry; HR: training running
 * out, access ending after a last day; finance: budgets reaching 80 % and 100 %, overdue invoices reminded to the customer).
 */
export const reminderRules = (): ReminderRule[] => [
  createTaskDueRule(),
  createMilestoneRule(),
  createMeetingRule(),
  createEquipmentRule(),
  createMaintenanceOrderRule(),
  createWorkflowRule(),
  createWorkflowDeadlineRule(),
  createMinutesDueRule(),
  createActionItemRule(),
  createFollowUpRule(),
  createQuotationExpiryRule(),
  createTrainingReminderRule(),
  createExitDeactivationRule(),
  createBudgetWarningRule(),
  createOverdueReminderRule(),
];

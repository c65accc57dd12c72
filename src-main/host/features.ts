import { apiFeature } from '../api/api-feature';
import { auditQueryHandlers } from '../audit/audit-handlers';
import { auditTrailQueryHandlers } from '../audit/audit-trail-query';
import { createBackupsFeature } from '../backup/backups-feature';
import { authCommandHandlers, authQueryHandlers } from '../auth/auth-handlers';
import { crmFeature } from '../crm/crm-feature';
import { financeFeature } from '../finance/finance-feature';
import { equipmentFeature } from '../equipment/equipment-feature';
import { meetingsFeature } from '../meetings/meetings-feature';
import { documentsFeature } from '../documents/documents-feature';
import { filesFeature } from '../files/files-feature';
import { budgetFeature } from '../finance/budget-feature';
import { expenseFeature } from '../finance/expense-feature';
import { hrFeature } from '../hr/hr-feature';
import { createNotificationsFeature } from '../notifications/notifications-feature';
import { departmentCommandHandlers, departmentQueryHandlers } from '../people/department-handlers';
import { peopleCommandHandlers, peopleQueryHandlers } from '../people/people-handlers';
import { planFeature } from '../projects/plan-feature';
import { projectCommandHandlers, projectQueryHandlers } from '../projects/project-handlers';
import { recordsFeature } from '../records/records-feature';
import { createSchedulerFeature } from '../scheduler/scheduler-feature';
import { syncFeature } from '../sync/sync-feature';
import { taskFeature } from '../tasks/task-feature';
import { workflowFeature } from '../workflows/workflow-feature';
import type { HostFeature } from './feature';

/**
 * Every feature the host runs, in start order. Add a feature by adding one line here; the host
 * refuses to start when two features register the same command or a contract entry has no handler.
 */
export const features: HostFeature[] = [
  { name: 'auth', commands: authCommandHandlers, queries: authQueryHandlers },
  { name: 'people', commands: peopleCommandHandlers, queries: peopleQueryHandlers },
  { name: 'projects', commands: projectCommandHandlers, queries: projectQueryHandlers },
  planFeature,
  taskFeature,
  { name: 'audit', queries: { ...auditQueryHandlers, ...auditTrailQueryHandlers } },
  syncFeature,
  workflowFeature,
  createNotificationsFeature(),
  createSchedulerFeature(),
  { name: 'departments', commands: departmentCommandHandlers, queries: departmentQueryHandlers },
  recordsFeature,
  meetingsFeature,
  equipmentFeature,
  hrFeature,
  expenseFeature,
  budgetFeature,
  crmFeature,
  financeFeature,
  apiFeature,
  filesFeature,
  documentsFeature,
  createBackupsFeature(),
];

import { apiContract } from '../api/api-contract';
import { auditContract } from '../audit/audit-contract';
import { backupContract } from '../backup/backup-contract';
import { attachmentContract } from '../files/attachment-contract';
import { documentContract } from '../documents/document-contract';
import { authContract } from '../auth/auth-contract';
import type { AppLink } from '../notifications/app-link';
import { meetingContract } from '../meetings/meeting-contract';
import { deliveryContract } from '../notifications/delivery-contract';
import { notificationContract } from '../notifications/notification-contract';
import { departmentContract } from '../people/department-contract';
import { crmContract } from '../crm/crm-contract';
import { invoiceContract } from '../finance/invoice-contract';
import { equipmentContract } from '../equipment/equipment-contract';
import { budgetContract } from '../finance/budget-contract';
import { expenseContract } from '../finance/expense-contract';
import { payablesContract } from '../finance/payables-contract';
import { reportContract } from '../finance/report-contract';
import { hiringContract } from '../hr/hiring-contract';
import { onboardingContract } from '../hr/onboarding-contract';
import { hrContract } from '../hr/hr-contract';
import { attendanceContract } from '../hr/attendance-contract';
import { exitContract } from '../hr/exit-contract';
import { reviewContract } from '../hr/review-contract';
import { procurementContract } from '../equipment/procurement-contract';
import { peopleContract } from '../people/people-contract';
import { planContract } from '../projects/plan-contract';
import { projectContract } from '../projects/project-contract';
import { recordActivityContract } from '../records/record-activity-contract';
import { recordContract } from '../records/record-contract';
import { registerContract } from '../records/register-contract';
import { syncContract } from '../sync/sync-contract';
import { taskContract } from '../tasks/task-contract';
import { workflowContract } from '../workflows/workflow-contract';
import type { SyncPhase } from '../sync/sync-status';
import type { CommandSpec, QuerySpec } from './define';

/**
 * The one contract between UI and host (STYLE.md §2): the union of every feature's map.
 * The host registers a handler for each entry; both adapters (Electron IPC and WebSocket) carry it.
 */
export const contract = {
  ...authContract,
  ...peopleContract,
  ...projectContract,
  ...planContract,
  ...taskContract,
  ...auditContract,
  ...syncContract,
  ...workflowContract,
  ...notificationContract,
  ...deliveryContract,
  ...departmentContract,
  ...recordContract,
  ...meetingContract,
  ...equipmentContract,
  ...procurementContract,
  ...hrContract,
  ...attendanceContract,
  ...exitContract,
  ...reviewContract,
  ...hiringContract,
  ...onboardingContract,
  ...expenseContract,
  ...payablesContract,
  ...reportContract,
  ...budgetContract,
  ...crmContract,
  ...invoiceContract,
  ...apiContract,
  ...registerContract,
  ...recordActivityContract,
  ...attachmentContract,
  ...documentContract,
  ...backupContract,
};

export type Contract = typeof contract;
export type ContractName = keyof Contract;
export type CommandName = { [K in ContractName]: Contract[K] extends CommandSpec ? K : never }[ContractName];
export type QueryName = { [K in ContractName]: Contract[K] extends QuerySpec ? K : never }[ContractName];

/** Events the host pushes without being asked. */
export interface HostEvents {
  'session/expired': { reason: 'inactivity' | 'signed_out' | 'deactivated' };
  'host/status': { mode: 'desktop' | 'serve'; dataDir: string; sync: SyncPhase };
  /** The team-sync phase changed (the full status is the `sync/status` live query). */
  'sync/status': { phase: SyncPhase; pendingChanges: number };
  /** A desktop notification in serve mode (a toast); each UI shows the ones for its signed-in person. */
  'notifications/toast': { id: string; recipientId: string; title: string; body: string; link?: AppLink };
  /** That notice was read: a toast still showing it goes. */
  'notifications/toast-withdrawn': { id: string; recipientId: string };
}
export type HostEventName = keyof HostEvents;

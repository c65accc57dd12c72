import type { RecordView } from '../../../src-shared/records/record-contract';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import type { SignedInPerson } from '../support/lab-people';
import { value, type Client } from '../tasks/project-fixture';

/** The hiring integration tests' steps through the HIRING workflow, as the Hiring tab takes them. */
export const commandId = () => `c-${Math.random().toString(36).slice(2)}`;

/** The administrator publishes HIRING from its built-in template. */
export async function publishHiring(admin: Client) {
  value(await admin.call('workflows/definitions/create', { commandId: commandId(), source: { kind: 'template', templateCode: 'HIRING' } }));
  value(await admin.call('workflows/definitions/publish', { commandId: commandId(), code: 'HIRING' }));
}

/** The hiring manager files a requisition and starts its HIRING run. */
export async function fileRequisition(manager: SignedInPerson, jobTitle = 'Analytical chemist') {
  const requisition = value(await manager.client.call<RecordView>('records/create', { kind: 'job_requisition', data: { jobTitle, hiringManagerId: manager.id, jobDescription: 'HPLC method development' } }));
  const run = value(await manager.client.call<InstanceSummaryView>('workflows/instances/start', { commandId: commandId(), code: 'HIRING', entityType: 'job_requisition', entityId: requisition.id }));
  return { requisition, run };
}

/** The hiring manager submits it at the run's first step; HR approves it with their signature, which opens it. */
export async function submitAndApprove(manager: SignedInPerson, hr: SignedInPerson, runId: string, password: string) {
  value(await manager.client.call('workflows/instances/advance', { commandId: commandId(), instanceId: runId, action: 'complete', data: { budget_agreed: true } }));
  value(await hr.client.call('workflows/instances/advance', { commandId: commandId(), instanceId: runId, action: 'approve', signature: { password, meaning: 'approved' } }));
}

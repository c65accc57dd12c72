import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { fireTimer } from '../../../src-shared/workflows/deadlines';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { Actor, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { budgetApproval } from '../../../src-shared/workflows/templates/budget-approval';
import { builtInTemplates } from '../../../src-shared/workflows/templates/built-in-templates';
import { capa } from '../../../src-shared/workflows/templates/capa';
import { documentReview } from '../../../src-shared/workflows/templates/document-review';
import { hiring } from '../../../src-shared/workflows/templates/hiring';
import { validateDefinition } from '../../../src-shared/workflows/validate-definition';
import { mergeRecordChanges, snapshotOfRecord, type RecordSnapshot } from '../../../src-shared/workflows/record-binding';
import { startInstance } from '../../../src-shared/workflows/start';
import { at, must, newId, people, published, start, stepIds } from './helpers';

const signature = (name: string) => ({ meaning: 'approved' as const, signerName: name, signedAt: at(0) });

describe('built-in templates', () => {
  it('ship the processes, each with its own code', () => {
    expect(builtInTemplates.map((t) => t.workflow_code)).toEqual([
      'EQUIPMENT_PROCUREMENT',
      'PURCHASE_REQUEST',
      'BUDGET_APPROVAL',
      'EXPENSE_CLAIM',
      'LEAVE_REQUEST',
      'HIRING',
      'ONBOARDING',
      'CAPA',
      'DOCUMENT_REVIEW',
      'EQUIPMENT_DECOMMISSIONING',
      'QUOTATION_DISCOUNT',
    ]);
  });

  it.each(builtInTemplates.map((t) => [t.workflow_code, t] as const))('%s passes validation', (_, template) => {
    expect(validateDefinition(template)).toEqual([]);
  });

  it('use only the roles every installation has', () => {
    const roles = new Set(['admin', 'department_head', 'procurement_manager', 'procurement_officer', 'qa_manager', 'hr', 'finance', 'sales', 'sales_manager', 'member']);
    for (const template of builtInTemplates) {
      for (const step of template.steps) {
        const levels = step.approval?.levels ?? [step];
        for (const level of levels) {
          if (level.assignee_type === 'role') expect(roles, `${template.workflow_code}/${step.step_id}`).toContain(level.assignee_value);
        }
      }
    }
  });
});

function act(def: WorkflowDefinition, instance: WorkflowInstance, actor: Actor, action: string, n: number, extra = {}) {
  return must(advance(def, instance, { commandId: `c${n}`, action, ...extra }, actor, at(n))).instance;
}

describe('templates in use', () => {
  it('budget approval runs on the budget: submitted, routed by its total, approved, or returned to draft', () => {
    const def = published(budgetApproval);
    const budget = (amountMinor: number, status = 'draft'): RecordSnapshot =>
      snapshotOfRecord({ id: 'BUD-1', kind: 'budget', status, number: 'BUD-2026-0001', title: 'Project budget 2027', personId: 'u-req', managerIds: ['u-head'], data: { personId: 'u-req', total: { amountMinor, currency: 'EUR' } } });
    const startOn = (amountMinor: number) => must(startInstance(def, { entityType: 'budget', entityId: 'BUD-1' }, people.requester, at(0), newId, { record: budget(amountMinor) }));

    const small = must(advance(def, startOn(100_000).instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1), { record: budget(100_000) }));
    expect(mergeRecordChanges(small.events)).toEqual({ status: { from: 'draft', to: 'in_approval' } });
    expect(stepIds(small.instance)).toEqual(['head_approval']);
    expect(small.instance.activeSteps[0]?.assignees).toEqual({ users: ['u-head'], roles: [] });
    const done = must(advance(def, small.instance, { commandId: 'c2', action: 'approve', signature: signature('Hans Head') }, people.head, at(2), { record: budget(100_000, 'in_approval') }));
    expect(done.instance.status).toBe('completed');
    expect(mergeRecordChanges(done.events)).toEqual({ status: { from: 'in_approval', to: 'approved' } });
    const returned = must(advance(def, small.instance, { commandId: 'c3', action: 'reject', signature: { ...signature('Hans Head'), meaning: 'rejected' as const } }, people.head, at(2), { record: budget(100_000, 'in_approval') }));
    expect(mergeRecordChanges(returned.events)).toEqual({ status: { from: 'in_approval', to: 'draft' } });
    expect(done.effects).toContainEqual(expect.objectContaining({ reason: 'notify_step', recipients: { users: ['u-req'], roles: [] } }));

    const middle = must(advance(def, startOn(600_000).instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1), { record: budget(600_000) }));
    expect(stepIds(middle.instance)).toEqual(['finance_approval']);
    const large = must(advance(def, startOn(9_000_000).instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1), { record: budget(9_000_000) }));
    expect(stepIds(large.instance)).toEqual(['director_approval']);
  });

  it('document review releases after two of three reviewers and QA', () => {
    const def = published(documentReview);
    let instance = start(documentReview, { author_id: 'u-req', reviewers: ['u-head', 'u-head2', 'u-head3'] }).instance;
    instance = act(def, instance, people.requester, 'complete', 1);
    instance = act(def, instance, people.head, 'approve', 2, { signature: signature('Hans Head') });
    instance = act(def, instance, people.head3, 'approve', 3, { signature: signature('Holger Head') });
    expect(stepIds(instance)).toEqual(['qa_release']);
    instance = act(def, instance, people.qa, 'approve', 4, { signature: signature('Quentin QA') });
    expect(instance.status).toBe('completed');
  });

  it('CAPA runs both actions in parallel, waits, and loops back when the check fails', () => {
    const def = published(capa);
    let instance = start(capa).instance;
    instance = act(def, instance, people.requester, 'complete', 1);
    instance = act(def, instance, people.qa, 'open_capa', 2);
    instance = act(def, instance, people.head, 'complete', 3);
    instance = act(def, instance, people.head, 'complete', 4);
    instance = act(def, instance, people.qa, 'approve', 5, { signature: signature('Quentin QA') });
    expect(stepIds(instance)).toEqual(['corrective_action', 'preventive_action']);
    instance = act(def, instance, people.head, 'complete', 6, { stepId: 'corrective_action' });
    instance = act(def, instance, people.head, 'complete', 7, { stepId: 'preventive_action' });
    expect(stepIds(instance)).toEqual(['effectiveness_wait']);
    instance = must(fireTimer(def, instance, instance.activeSteps[0]?.token ?? '', at(7 + 720))).instance;
    instance = act(def, instance, people.qa, 'reject', 800, { signature: signature('Quentin QA') });
    expect(stepIds(instance)).toEqual(['root_cause']);
  });

  it('hiring runs on the requisition: its hiring manager submits it, HR opens it, returns it for changes or turns it down', () => {
    const def = published(hiring);
    const requisition = (status = 'draft'): RecordSnapshot =>
      snapshotOfRecord({ id: 'REQ-1', kind: 'job_requisition', status, number: 'REQ-2026-0001', title: 'Analytical chemist', ownerId: 'u-head', data: { jobTitle: 'Analytical chemist', hiringManagerId: 'u-head', jobDescription: 'HPLC' } });
    const started = must(startInstance(def, { entityType: 'job_requisition', entityId: 'REQ-1' }, people.head, at(0), newId, { record: requisition() }));
    expect(started.instance.activeSteps[0]?.assignees).toEqual({ users: ['u-head'], roles: [] });
    const submitted = must(advance(def, started.instance, { commandId: 'c1', action: 'complete', data: { budget_agreed: true } }, people.head, at(1), { record: requisition() }));
    expect(mergeRecordChanges(submitted.events)).toEqual({ status: { from: 'draft', to: 'submitted' } });
    expect(submitted.instance.activeSteps[0]?.assignees).toEqual({ users: [], roles: ['hr'] });

    const opened = must(advance(def, submitted.instance, { commandId: 'c2', action: 'approve' }, people.hr, at(2), { record: requisition('submitted') }));
    expect(mergeRecordChanges(opened.events)).toEqual({ status: { from: 'submitted', to: 'open' } });
    expect(stepIds(opened.instance)).toEqual(['advertise']);

    const returned = must(advance(def, submitted.instance, { commandId: 'c3', action: 'request_changes' }, people.hr, at(2), { record: requisition('submitted') }));
    expect(mergeRecordChanges(returned.events)).toEqual({ status: { from: 'submitted', to: 'draft' } });
    expect(stepIds(returned.instance)).toEqual(['submit']);

    const turnedDown = must(advance(def, submitted.instance, { commandId: 'c4', action: 'reject' }, people.hr, at(2), { record: requisition('submitted') }));
    expect(mergeRecordChanges(turnedDown.events)).toEqual({ status: { from: 'submitted', to: 'rejected' } });
    expect(turnedDown.effects).toContainEqual(expect.objectContaining({ reason: 'notify_step', recipients: { users: ['u-head'], roles: [] } }));
  });
});

import { describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../../src-shared/workflows/definition-schema';
import { isDecision, meaningFits, needsSignature, signatureActionsOf } from '../../../src-shared/workflows/signature-policy';

const approval: StepDefinition = { step_id: 'a', name: 'Approve', type: 'approval', assignee_type: 'role', assignee_value: 'qa_manager', conditions: { approve: [], reject: [], send_back: [] } };
const task: StepDefinition = { step_id: 't', name: 'Task', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: [] };

describe('signature policy', () => {
  it('signs every approval decision and every action of a step that requires it', () => {
    expect(isDecision(approval, 'approve')).toBe(true);
    expect(isDecision(approval, 'send_back')).toBe(false);
    expect(needsSignature(approval, 'reject')).toBe(true);
    expect(needsSignature(approval, 'send_back')).toBe(false);
    expect(needsSignature(task, 'complete')).toBe(false);
    expect(needsSignature({ ...task, require_signature: true }, 'complete')).toBe(true);
    expect(signatureActionsOf(approval, ['approve', 'reject', 'send_back'])).toEqual(['approve', 'reject']);
  });

  it.each([
    ['approve', 'approved', true],
    ['approve', 'reviewed', true],
    ['approve', 'responsible', true],
    ['approve', 'rejected', false],
    ['reject', 'rejected', true],
    ['reject', 'reviewed', true],
    ['reject', 'approved', false],
    ['complete', 'responsible', true],
    ['complete', 'rejected', false],
  ] as const)('%s signed as %s fits: %s', (action, meaning, fits) => {
    expect(meaningFits(action, meaning)).toBe(fits);
  });
});

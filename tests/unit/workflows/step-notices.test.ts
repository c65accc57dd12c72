import { describe, expect, it } from 'vitest';
import { endedStepTokens, isSettledBy, stepTokenOfNoticeKey } from '../../../src-shared/workflows/step-notices';

const steps = (...tokens: string[]) => ({ activeSteps: tokens.map((token) => ({ token })) });

describe('which steps a workflow change ends', () => {
  it('a start ends nothing', () => {
    expect(endedStepTokens(null, steps('i1.t1'))).toEqual([]);
  });

  it('moving on from a step ends it', () => {
    expect(endedStepTokens(steps('i1.t1'), steps('i1.t2'))).toEqual(['i1.t1']);
  });

  it('a step still active (a vote of several, a comment) is not ended', () => {
    expect(endedStepTokens(steps('i1.t1', 'i1.t2'), steps('i1.t1', 'i1.t2'))).toEqual([]);
  });

  it('one branch of a split finishing ends only that branch', () => {
    expect(endedStepTokens(steps('i1.t2', 'i1.t3'), steps('i1.t3'))).toEqual(['i1.t2']);
  });

  it('completing, rejecting or cancelling ends every open step', () => {
    expect(endedStepTokens(steps('i1.t2', 'i1.t3'), steps())).toEqual(['i1.t2', 'i1.t3']);
  });
});

describe('which notices an ended step settles', () => {
  const ended = new Set(['i1.t1']);

  it.each([
    ['workflow_step_entered:i1.t1:person-a', true],
    ['workflow_sla:i1.t1:person-a:breached:2026-12-07T10:00:00.000Z', true],
    ['workflow_step_entered:i1.t10:person-a', false], // a longer token that starts the same is another step
    ['workflow_step_entered:i1.t2:person-a', false],
    ['task:t-1:assigned:person-a', false],
    ['', false],
  ])('%s → %s', (key, isSettled) => {
    expect(isSettledBy(key, ended)).toBe(isSettled);
  });

  it('a notice without a key is settled by nothing', () => {
    expect(isSettledBy(undefined, ended)).toBe(false);
  });

  it('reads the token out of a step notice key, and nothing out of other keys', () => {
    expect(stepTokenOfNoticeKey('workflow_sla:i9.t4:p:at_risk:x')).toBe('i9.t4');
    expect(stepTokenOfNoticeKey('workflow_step_entered::p')).toBeNull();
    expect(stepTokenOfNoticeKey('meeting:m1:reminder')).toBeNull();
  });
});

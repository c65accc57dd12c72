import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import type { ApprovalConfig, StepDefinition } from '../../../src-shared/workflows/definition-schema';
import type { Actor, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { at, errorOf, flow, must, people, start, stepIds, task } from './helpers';

const reviewers = ['u-head', 'u-head2', 'u-head3'];
const approvalStep = (extra: Partial<StepDefinition>): StepDefinition => ({
  step_id: 'decide',
  name: 'Decide',
  type: 'approval',
  assignee_type: 'variable',
  assignee_value: 'reviewers',
  conditions: { approve: ['after'], reject: [] },
  ...extra,
});
const defWith = (approval: ApprovalConfig | undefined, extra: Partial<StepDefinition> = {}) =>
  flow([approvalStep({ ...(approval ? { approval } : {}), ...extra }), task('after', [])]);

function vote(def: ReturnType<typeof defWith>, instance: WorkflowInstance, actor: Actor, action: 'approve' | 'reject', n: number) {
  return advance(def, instance, { commandId: `v${n}-${actor.userId}`, action }, actor, at(n));
}

describe('quorum any', () => {
  const def = defWith({ quorum: 'any' });
  it('the first approval decides', () => {
    const result = must(vote(def, start(def, { reviewers }).instance, people.head2, 'approve', 1));
    expect(stepIds(result.instance)).toEqual(['after']);
  });
  it('the first rejection decides', () => {
    expect(must(vote(def, start(def, { reviewers }).instance, people.head2, 'reject', 1)).instance.status).toBe('rejected');
  });
});

describe('quorum all', () => {
  const def = defWith({ quorum: 'all' });
  it('needs every named approver', () => {
    let instance = start(def, { reviewers }).instance;
    instance = must(vote(def, instance, people.head, 'approve', 1)).instance;
    instance = must(vote(def, instance, people.head2, 'approve', 2)).instance;
    expect(stepIds(instance)).toEqual(['decide']);
    expect(instance.activeSteps[0]?.approval?.votes.map((v) => v.userId)).toEqual(['u-head', 'u-head2']);
    instance = must(vote(def, instance, people.head3, 'approve', 3)).instance;
    expect(stepIds(instance)).toEqual(['after']);
  });
  it('one rejection rejects', () => {
    let instance = start(def, { reviewers }).instance;
    instance = must(vote(def, instance, people.head, 'approve', 1)).instance;
    expect(must(vote(def, instance, people.head3, 'reject', 2)).instance.status).toBe('rejected');
  });
  it('over a role uses the stated number of approvers', () => {
    const byRole = defWith({ quorum: 'all', m: 2 }, { assignee_type: 'role', assignee_value: 'department_head' });
    let instance = start(byRole).instance;
    instance = must(vote(byRole, instance, people.head, 'approve', 1)).instance;
    expect(stepIds(instance)).toEqual(['decide']);
    expect(stepIds(must(vote(byRole, instance, people.head2, 'approve', 2)).instance)).toEqual(['after']);
  });
});

describe('quorum n of m', () => {
  const def = defWith({ quorum: 'n_of_m', n: 2, m: 3 });
  it('two approvals of three pass, whoever gives them', () => {
    let instance = start(def, { reviewers }).instance;
    instance = must(vote(def, instance, people.head3, 'approve', 1)).instance;
    instance = must(vote(def, instance, people.head, 'reject', 2)).instance;
    expect(stepIds(instance)).toEqual(['decide']);
    expect(stepIds(must(vote(def, instance, people.head2, 'approve', 3)).instance)).toEqual(['after']);
  });
  it('is rejected as soon as two approvals can no longer be reached', () => {
    let instance = start(def, { reviewers }).instance;
    instance = must(vote(def, instance, people.head, 'reject', 1)).instance;
    expect(instance.status).toBe('running');
    expect(must(vote(def, instance, people.head2, 'reject', 2)).instance.status).toBe('rejected');
  });
  it('only the named approvers may vote, each once', () => {
    const instance = must(vote(def, start(def, { reviewers }).instance, people.head, 'approve', 1)).instance;
    expect(errorOf(vote(def, instance, people.finance, 'approve', 2))).toBe('not_your_step');
    expect(errorOf(vote(def, instance, people.head, 'approve', 3))).toBe('duplicate_approver');
  });
  it('raises an incident when too few approvers are found to ever reach the quorum', () => {
    const result = start(def, { reviewers: ['u-head'] });
    expect(result.instance.status).toBe('incident');
    expect(result.instance.incident?.reason).toBe('quorum_unreachable');
  });
  it('does not count the requester as a possible approver when self-approval is off', () => {
    const result = start(def, { reviewers: ['u-req', 'u-head'] });
    expect(result.instance.incident?.reason).toBe('quorum_unreachable');
    const lenient = defWith({ quorum: 'n_of_m', n: 2, m: 3, allow_self_approval: true });
    expect(start(lenient, { reviewers: ['u-req', 'u-head'] }).instance.status).toBe('running');
  });
});

describe('approval levels', () => {
  const def = defWith({
    levels: [
      { name: 'Head', assignee_type: 'role', assignee_value: 'department_head' },
      { name: 'Finance', assignee_type: 'role', assignee_value: 'finance' },
    ],
  }, { assignee_type: undefined, assignee_value: undefined });

  it('passes level by level, handing the step to the next level’s approvers', () => {
    const first = must(vote(def, start(def).instance, people.head, 'approve', 1));
    expect(stepIds(first.instance)).toEqual(['decide']);
    expect(first.instance.activeSteps[0]).toMatchObject({ assignees: { roles: ['finance'] }, approval: { level: 1 } });
    expect(first.events.map((e) => e.type)).toEqual(['vote_recorded', 'approval_level_passed']);
    expect(first.effects).toContainEqual(expect.objectContaining({ type: 'notify', recipients: { users: [], roles: ['finance'] } }));
    expect(errorOf(vote(def, first.instance, people.head2, 'approve', 2))).toBe('not_your_role');
    expect(stepIds(must(vote(def, first.instance, people.finance, 'approve', 3)).instance)).toEqual(['after']);
  });

  it('needs distinct people across levels', () => {
    const both = { userId: 'u-both', roles: ['department_head', 'finance'] };
    const first = must(vote(def, start(def).instance, both, 'approve', 1)).instance;
    expect(errorOf(vote(def, first, both, 'approve', 2))).toBe('duplicate_approver');
  });

  it('a rejection at any level rejects', () => {
    const first = must(vote(def, start(def).instance, people.head, 'approve', 1)).instance;
    expect(must(vote(def, first, people.finance, 'reject', 2)).instance.status).toBe('rejected');
  });
});

describe('other actions on an approval step', () => {
  it('a custom action (request changes) moves on at once with its own route', () => {
    const def = flow([task('draft', ['decide']), approvalStep({ conditions: { approve: ['after'], reject: [], request_changes: ['draft'] } }), task('after', [])]);
    let instance = must(advance(def, start(def, { reviewers }).instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1))).instance;
    instance = must(advance(def, instance, { commandId: 'c2', action: 'request_changes', comments: 'Fix section 3' }, people.head, at(2))).instance;
    expect(stepIds(instance)).toEqual(['draft']);
  });
});

import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowInstance } from '../../../src-shared/workflows/instance';
import { cancel } from '../../../src-shared/workflows/instance-actions';
import { equipmentProcurement } from '../../../src-shared/workflows/templates/equipment-procurement';
import { at, errorOf, flow, must, people, published, start, stepIds, task } from './helpers';

const def = published(equipmentProcurement);

function throughRequest(): WorkflowInstance {
  const started = start(equipmentProcurement, { equipment_name: 'Solar Simulator', estimated_cost: 500000 });
  return must(advance(def, started.instance, { commandId: 'c-request', action: 'complete' }, people.requester, at(1))).instance;
}

describe('advance on the spec example', () => {
  it('runs request → approval → rfq → evaluation → po_creation → completed', () => {
    let instance = throughRequest();
    expect(stepIds(instance)).toEqual(['approval']);
    const approved = must(
      advance(def, instance, { commandId: 'c-approve', action: 'approve', data: { approved_amount: 500000 }, comments: 'Approved for procurement' }, people.head, at(2)),
    );
    instance = approved.instance;
    expect(stepIds(instance)).toEqual(['rfq']);
    const decision = approved.events.find((e) => e.type === 'vote_recorded');
    expect(decision).toMatchObject({
      actor: { userId: 'u-head', name: 'Hans Head' },
      at: at(2),
      stepId: 'approval',
      action: 'approve',
      comments: 'Approved for procurement',
      dataChanges: { approved_amount: { from: null, to: 500000 } },
    });
    expect(approved.events.find((e) => e.type === 'step_completed')).toMatchObject({ stepId: 'approval', action: 'approve', toSteps: ['rfq'] });
    expect(instance.variables).toEqual({ equipment_name: 'Solar Simulator', estimated_cost: 500000, approved_amount: 500000 });
    instance = must(advance(def, instance, { commandId: 'c-rfq', action: 'complete' }, people.officer, at(3))).instance;
    instance = must(advance(def, instance, { commandId: 'c-eval', action: 'complete' }, people.requester, at(4))).instance;
    expect(stepIds(instance)).toEqual(['po_creation']);
    const last = must(advance(def, instance, { commandId: 'c-po', action: 'complete' }, people.officer, at(5)));
    expect(last.instance.status).toBe('completed');
    expect(last.instance.activeSteps).toEqual([]);
    expect(last.instance.endedAt).toBe(at(5));
    expect(last.events.map((e) => e.type)).toEqual(['step_completed', 'instance_ended']);
  });

  it('ends as rejected when the approval is rejected (the reject route is [])', () => {
    const result = must(advance(def, throughRequest(), { commandId: 'c-no', action: 'reject', comments: 'No budget' }, people.head, at(2)));
    expect(result.instance.status).toBe('rejected');
    expect(result.events.at(-1)).toMatchObject({ type: 'instance_ended', status: 'rejected' });
  });

  it('assigns each step from the definition and sets its due time from the SLA', () => {
    const instance = throughRequest();
    expect(instance.activeSteps[0]).toMatchObject({ assignees: { users: [], roles: ['department_head'] }, enteredAt: at(1), dueAt: at(49) });
  });
});

describe('typed refusals', () => {
  it('not your role: a step for a role refuses people without it', () => {
    const started = start(equipmentProcurement);
    expect(errorOf(advance(def, started.instance, { commandId: 'c1', action: 'complete' }, people.officer, at(1)))).toBe('not_your_role');
  });

  it('not your step: a step for named people refuses everyone else', () => {
    const named = flow([task('a', [], 'member', { assignee_type: 'user', assignee_value: ['u-fin'] })]);
    const started = start(named);
    expect(errorOf(advance(named, started.instance, { commandId: 'c1', action: 'complete' }, people.stranger, at(1)))).toBe('not_your_step');
    expect(must(advance(named, started.instance, { commandId: 'c1', action: 'complete' }, people.finance, at(1))).instance.status).toBe('completed');
  });

  it('unknown action', () => {
    const started = start(equipmentProcurement);
    expect(errorOf(advance(def, started.instance, { commandId: 'c1', action: 'approve' }, people.requester, at(1)))).toBe('unknown_action');
    expect(errorOf(advance(def, throughRequest(), { commandId: 'c2', action: 'complete' }, people.head, at(1)))).toBe('unknown_action');
  });

  it('instance closed: nothing happens to a completed, rejected or cancelled instance', () => {
    const rejected = must(advance(def, throughRequest(), { commandId: 'c-no', action: 'reject' }, people.head, at(2))).instance;
    expect(errorOf(advance(def, rejected, { commandId: 'c-again', action: 'approve' }, people.head2, at(3)))).toBe('instance_closed');
    const cancelled = must(cancel(def, throughRequest(), { commandId: 'c-cancel' }, people.requester, at(2))).instance;
    expect(errorOf(advance(def, cancelled, { commandId: 'c-x', action: 'approve' }, people.head, at(3)))).toBe('instance_closed');
  });

  it('self-approval is refused unless the step allows it', () => {
    const boss = { userId: 'u-boss', roles: ['procurement_manager', 'department_head'] };
    const mine = must(advance(def, start(equipmentProcurement, {}, boss).instance, { commandId: 'c1', action: 'complete' }, boss, at(1))).instance;
    expect(errorOf(advance(def, mine, { commandId: 'c2', action: 'approve' }, boss, at(2)))).toBe('self_approval_not_allowed');
    const lenient = published({
      ...equipmentProcurement,
      steps: equipmentProcurement.steps.map((s) => (s.step_id === 'approval' ? { ...s, approval: { allow_self_approval: true } } : s)),
    });
    const allowed = must(advance(lenient, mine, { commandId: 'c2', action: 'approve' }, boss, at(2)));
    expect(stepIds(allowed.instance)).toEqual(['rfq']);
  });

  it('the same approver twice is refused', () => {
    const twoHeads = published({
      ...equipmentProcurement,
      steps: equipmentProcurement.steps.map((s) => (s.step_id === 'approval' ? { ...s, approval: { quorum: 'n_of_m' as const, n: 2, m: 3 } } : s)),
    });
    const instance = must(advance(twoHeads, start(twoHeads).instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1))).instance;
    const once = must(advance(twoHeads, instance, { commandId: 'c2', action: 'approve' }, people.head, at(2))).instance;
    expect(errorOf(advance(twoHeads, once, { commandId: 'c3', action: 'approve' }, people.head, at(3)))).toBe('duplicate_approver');
  });

  it('a step that asks for a signature refuses a decision without one and binds it when given', () => {
    const signed = published({
      ...equipmentProcurement,
      steps: equipmentProcurement.steps.map((s) => (s.step_id === 'approval' ? { ...s, require_signature: true } : s)),
    });
    const instance = must(advance(signed, start(signed).instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1))).instance;
    expect(errorOf(advance(signed, instance, { commandId: 'c2', action: 'approve' }, people.head, at(2)))).toBe('signature_required');
    const signature = { meaning: 'approved' as const, signerName: 'Hans Head', signedAt: at(2) };
    const result = must(advance(signed, instance, { commandId: 'c2', action: 'approve', signature }, people.head, at(2)));
    expect(result.events.find((e) => e.type === 'vote_recorded')?.signature).toEqual(signature);
  });

  it('step not active: naming a step the instance is not at', () => {
    const started = start(equipmentProcurement);
    expect(errorOf(advance(def, started.instance, { commandId: 'c1', action: 'complete', stepId: 'rfq' }, people.officer, at(1)))).toBe('step_not_active');
  });

  it('refuses a definition other than the version the instance runs', () => {
    const started = start(equipmentProcurement);
    const v2 = { ...def, version: 2 };
    expect(errorOf(advance(v2, started.instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1)))).toBe('invalid_input');
  });

  it('refuses unsafe variable names in data and changes nothing', () => {
    const started = start(equipmentProcurement);
    const result = advance(def, started.instance, { commandId: 'c1', action: 'complete', data: JSON.parse('{"__proto__": {"x": 1}}') }, people.requester, at(1));
    expect(errorOf(result)).toBe('invalid_input');
  });
});

describe('idempotency', () => {
  it('a repeated command id is a no-op: same instance, no events, no effects', () => {
    const instance = throughRequest();
    const first = must(advance(def, instance, { commandId: 'c-approve', action: 'approve' }, people.head, at(2)));
    const again = must(advance(def, first.instance, { commandId: 'c-approve', action: 'approve' }, people.head, at(3)));
    expect(again.instance).toBe(first.instance);
    expect(again.events).toEqual([]);
    expect(again.effects).toEqual([]);
    const later = must(advance(def, first.instance, { commandId: 'c-rfq', action: 'complete' }, people.officer, at(3))).instance;
    expect(must(advance(def, later, { commandId: 'c-request', action: 'complete' }, people.requester, at(4))).instance).toBe(later);
  });

  it('a refused command is not remembered, so it can be retried', () => {
    const instance = throughRequest();
    expect(errorOf(advance(def, instance, { commandId: 'c-9', action: 'approve' }, people.officer, at(2)))).toBe('not_your_role');
    expect(stepIds(must(advance(def, instance, { commandId: 'c-9', action: 'approve' }, people.head, at(2))).instance)).toEqual(['rfq']);
  });

  it('numbers events and tokens inside the instance, so ids are deterministic', () => {
    const started = start(equipmentProcurement);
    const result = must(advance(def, started.instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1)));
    const id = started.instance.id;
    expect(started.events.map((e) => e.id)).toEqual([`${id}-000000`, `${id}-000001`]);
    expect(result.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(result.instance.activeSteps[0]?.token).toBe(`${id}.t1`);
  });
});

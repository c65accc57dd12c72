import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { resolveIncident } from '../../../src-shared/workflows/incidents';
import { cancel, comment, reassign } from '../../../src-shared/workflows/instance-actions';
import { equipmentProcurement } from '../../../src-shared/workflows/templates/equipment-procurement';
import { at, errorOf, must, people, published, start } from './helpers';

const def = published(equipmentProcurement);

describe('cancel', () => {
  it('ends the instance as cancelled, with the reason, and cancels its deadlines', () => {
    const started = start(equipmentProcurement);
    const token = started.instance.activeSteps[0]?.token;
    const result = must(cancel(def, started.instance, { commandId: 'x1', reason: 'Bought elsewhere' }, people.requester, at(1)));
    expect(result.instance).toMatchObject({ status: 'cancelled', activeSteps: [], endedAt: at(1) });
    expect(result.events).toEqual([expect.objectContaining({ type: 'instance_ended', status: 'cancelled', comments: 'Bought elsewhere' })]);
    expect(result.effects).toEqual([expect.objectContaining({ type: 'cancel_deadline', token })]);
  });

  it('is for an admin or the starter only, and not twice', () => {
    const started = start(equipmentProcurement);
    expect(errorOf(cancel(def, started.instance, { commandId: 'x1' }, people.head, at(1)))).toBe('forbidden');
    const cancelled = must(cancel(def, started.instance, { commandId: 'x1' }, people.admin, at(1))).instance;
    expect(must(cancel(def, cancelled, { commandId: 'x1' }, people.admin, at(2))).events).toEqual([]);
    expect(errorOf(cancel(def, cancelled, { commandId: 'x2' }, people.admin, at(2)))).toBe('instance_closed');
  });
});

describe('reassign', () => {
  it('hands a step to someone else, who is told; the previous assignees can no longer act', () => {
    const started = start(equipmentProcurement);
    const result = must(
      reassign(def, started.instance, { commandId: 'r1', stepId: 'request', to: { assignee_type: 'user', assignee_value: 'u-off' }, reason: 'On leave' }, people.requester, at(1)),
    );
    expect(result.events[0]).toMatchObject({ type: 'step_reassigned', assignees: { users: ['u-off'], roles: [] }, previous: { roles: ['procurement_manager'] }, comments: 'On leave' });
    expect(result.effects).toContainEqual(expect.objectContaining({ type: 'notify', recipients: { users: ['u-off'], roles: [] } }));
    expect(errorOf(advance(def, result.instance, { commandId: 'c1', action: 'complete' }, people.requester, at(2)))).toBe('not_your_step');
    expect(must(advance(def, result.instance, { commandId: 'c1', action: 'complete' }, people.officer, at(2))).instance.activeSteps[0]?.stepId).toBe('approval');
  });

  it('is for an admin or the current assignees, on an active step', () => {
    const started = start(equipmentProcurement);
    const to = { assignee_type: 'role' as const, assignee_value: 'admin' };
    expect(errorOf(reassign(def, started.instance, { commandId: 'r1', stepId: 'request', to }, people.stranger, at(1)))).toBe('not_your_step');
    expect(errorOf(reassign(def, started.instance, { commandId: 'r1', stepId: 'rfq', to }, people.admin, at(1)))).toBe('step_not_active');
    expect(must(reassign(def, started.instance, { commandId: 'r1', stepId: 'request', to }, people.admin, at(1))).instance.activeSteps[0]?.assignees.roles).toEqual(['admin']);
  });
});

describe('comment', () => {
  it('adds a comment event, also after the instance has ended', () => {
    const started = start(equipmentProcurement);
    const cancelled = must(cancel(def, started.instance, { commandId: 'x1' }, people.requester, at(1))).instance;
    const result = must(comment(def, cancelled, { commandId: 'k1', comments: 'Supplier confirmed refund', stepId: 'request' }, people.head, at(2)));
    expect(result.events).toEqual([expect.objectContaining({ type: 'comment_added', comments: 'Supplier confirmed refund', stepId: 'request', actor: { userId: 'u-head', name: 'Hans Head' } })]);
    expect(result.instance.status).toBe('cancelled');
  });

  it('refuses an empty comment or an unknown step', () => {
    const started = start(equipmentProcurement);
    expect(errorOf(comment(def, started.instance, { commandId: 'k1', comments: '  ' }, people.head, at(1)))).toBe('invalid_input');
    expect(errorOf(comment(def, started.instance, { commandId: 'k1', comments: 'hi', stepId: 'ghost' }, people.head, at(1)))).toBe('invalid_input');
  });
});

describe('incidents', () => {
  const stuckDef = published({
    workflow_code: 'STUCK',
    name: 'Stuck',
    steps: [
      { step_id: 'a', name: 'A', type: 'task', assignee_type: 'variable', assignee_value: 'owner', next_steps: ['b'] },
      { step_id: 'b', name: 'B', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: [] },
    ],
    initial_step: 'a',
  });

  it('an admin can send a stuck instance to another step', () => {
    const stuck = start(stuckDef).instance;
    expect(stuck.status).toBe('incident');
    const moved = must(resolveIncident(stuckDef, stuck, { commandId: 'i1', goTo: 'b', comments: 'Owner left; skip' }, people.admin, at(1)));
    expect(moved.instance.status).toBe('running');
    expect(moved.instance.activeSteps.map((s) => s.stepId)).toEqual(['b']);
    expect(moved.events.map((e) => e.type)).toEqual(['incident_resolved', 'step_completed', 'step_entered']);
    expect(errorOf(resolveIncident(stuckDef, moved.instance, { commandId: 'i2' }, people.admin, at(2)))).toBe('invalid_state');
    expect(errorOf(resolveIncident(stuckDef, stuck, { commandId: 'i3', goTo: 'ghost' }, people.admin, at(2)))).toBe('invalid_input');
  });

  it('an instance stopped by an incident can still be cancelled', () => {
    const stuck = start(stuckDef).instance;
    expect(must(cancel(stuckDef, stuck, { commandId: 'x' }, people.admin, at(1))).instance.status).toBe('cancelled');
  });
});

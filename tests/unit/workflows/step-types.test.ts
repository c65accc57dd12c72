import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { fireTimer } from '../../../src-shared/workflows/deadlines';
import type { StepDefinition } from '../../../src-shared/workflows/definition-schema';
import { resolveIncident } from '../../../src-shared/workflows/incidents';
import type { AssigneeResolver } from '../../../src-shared/workflows/instance';
import { startInstance } from '../../../src-shared/workflows/start';
import { at, errorOf, flow, must, newId, people, start, stepIds, t0, task } from './helpers';

const end = (outcome?: 'completed' | 'rejected'): StepDefinition => ({ step_id: 'done', name: 'Done', type: 'end', ...(outcome ? { outcome } : {}) });
const complete = (commandId: string, stepId?: string) => ({ commandId, action: 'complete', ...(stepId ? { stepId } : {}) });

describe('task', () => {
  it('waits for its assignee; with no next steps, completing it ends the flow', () => {
    const def = flow([task('a', [])]);
    const started = start(def);
    expect(started.instance.activeSteps).toHaveLength(1);
    expect(started.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'step_assigned', recipients: { users: [], roles: ['member'] } }));
    expect(must(advance(def, started.instance, complete('c1'), people.requester, at(1))).instance.status).toBe('completed');
  });

  it('takes its own actions from conditions, and no plain "complete" when that would end the flow by accident', () => {
    const def = flow([task('a', [], 'member', { conditions: { accept: ['b'], decline: [] } }), task('b', [])]);
    const started = start(def);
    expect(errorOf(advance(def, started.instance, complete('c1'), people.requester, at(1)))).toBe('unknown_action');
    expect(stepIds(must(advance(def, started.instance, { commandId: 'c1', action: 'accept' }, people.requester, at(1))).instance)).toEqual(['b']);
    expect(must(advance(def, started.instance, { commandId: 'c1', action: 'decline' }, people.requester, at(1))).instance.status).toBe('completed');
  });

  it('routes by data after completion when it has routing', () => {
    const def = flow([
      task('a', [], 'member', { routing: { rules: [{ when: { var: 'cost', op: 'gte', value: 1000 }, go: 'big' }], default: 'small' } }),
      task('big', []),
      task('small', []),
    ]);
    const started = start(def);
    expect(stepIds(must(advance(def, started.instance, { ...complete('c1'), data: { cost: 5000 } }, people.requester, at(1))).instance)).toEqual(['big']);
    expect(stepIds(must(advance(def, started.instance, { ...complete('c1'), data: { cost: 5 } }, people.requester, at(1))).instance)).toEqual(['small']);
  });
});

describe('parallel and join', () => {
  const def = flow([
    task('prep', ['split']),
    { step_id: 'split', name: 'Split', type: 'parallel', next_steps: ['it', 'hr', 'lab'] },
    task('it', ['join'], 'admin'),
    task('hr', ['join'], 'hr'),
    task('lab', ['join'], 'qa_manager'),
    { step_id: 'join', name: 'Join', type: 'join', next_steps: ['review'] },
    task('review', [], 'department_head'),
  ]);

  it('starts every branch, and the join waits for all of them before moving on once', () => {
    let instance = must(advance(def, start(def).instance, complete('c0'), people.requester, at(1))).instance;
    expect(stepIds(instance)).toEqual(['hr', 'it', 'lab']);
    expect(instance.activeSteps.map((s) => s.forks[0]?.branch).sort()).toEqual([0, 1, 2]);
    instance = must(advance(def, instance, complete('c1'), people.admin, at(2))).instance;
    instance = must(advance(def, instance, complete('c2'), people.hr, at(3))).instance;
    expect(stepIds(instance)).toEqual(['join', 'join', 'lab']);
    expect(instance.activeSteps.filter((s) => s.isWaitingAtJoin)).toHaveLength(2);
    const last = must(advance(def, instance, complete('c3'), people.qa, at(4)));
    expect(stepIds(last.instance)).toEqual(['review']);
    expect(last.instance.activeSteps[0]?.forks).toEqual([]);
    const joined = last.events.filter((e) => e.type === 'step_completed' && e.stepId === 'join');
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ consumedTokens: expect.arrayContaining([expect.any(String), expect.any(String)]) });
  });

  it('a person holding several branch roles must say which step', () => {
    const busy = { userId: 'u-busy', roles: ['admin', 'hr'] };
    const instance = must(advance(def, start(def).instance, complete('c0'), people.requester, at(1))).instance;
    expect(errorOf(advance(def, instance, complete('c1'), busy, at(2)))).toBe('invalid_input');
    expect(stepIds(must(advance(def, instance, complete('c1', 'hr'), busy, at(2))).instance)).toEqual(['it', 'join', 'lab']);
  });
});

describe('notify', () => {
  it('sends its message and moves on at once', () => {
    const def = flow([
      { step_id: 'tell', name: 'Tell', type: 'notify', assignee_type: 'variable', assignee_value: 'requester_id', message: 'Hello', next_steps: ['a'] },
      task('a', []),
    ]);
    const started = start(def, { requester_id: 'u-req' });
    expect(stepIds(started.instance)).toEqual(['a']);
    expect(started.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'notify_step', message: 'Hello', recipients: { users: ['u-req'], roles: [] } }));
  });
});

describe('timer', () => {
  const afterHours = flow([task('a', ['wait']), { step_id: 'wait', name: 'Wait', type: 'timer', timer: { after_hours: 24 }, next_steps: ['b'] }, task('b', [])]);

  it('waits a duration, is scheduled, and fires only when due', () => {
    const result = must(advance(afterHours, start(afterHours).instance, complete('c1'), people.requester, at(1)));
    const waiting = result.instance.activeSteps[0];
    expect(waiting).toMatchObject({ stepId: 'wait', wakeAt: at(25) });
    expect(result.effects).toContainEqual(expect.objectContaining({ type: 'schedule_deadline', kind: 'timer', at: at(25), key: `${waiting?.token}:timer` }));
    expect(errorOf(fireTimer(afterHours, result.instance, waiting?.token ?? '', at(24)))).toBe('timer_not_due');
    expect(errorOf(advance(afterHours, result.instance, complete('c2', 'wait'), people.requester, at(30)))).toBe('step_not_active');
    const fired = must(fireTimer(afterHours, result.instance, waiting?.token ?? '', at(25)));
    expect(stepIds(fired.instance)).toEqual(['b']);
    expect(fired.events[0]).toMatchObject({ type: 'step_completed', action: 'timer_fired', actor: { userId: 'system' } });
    expect(must(fireTimer(afterHours, fired.instance, waiting?.token ?? '', at(26))).events).toEqual([]);
  });

  it('waits until a date from a variable; a date already past fires at once; a bad date raises an incident', () => {
    const until = flow([{ step_id: 'wait', name: 'Wait', type: 'timer', timer: { until_variable: 'return_date' }, next_steps: ['a'] }, task('a', [])]);
    expect(start(until, { return_date: '2025-02-01T00:00:00Z' }).instance.activeSteps[0]?.wakeAt).toBe('2025-02-01T00:00:00.000Z');
    expect(stepIds(start(until, { return_date: '2024-01-01T00:00:00Z' }).instance)).toEqual(['a']);
    const broken = start(until, { return_date: 'next tuesday' }).instance;
    expect(broken.status).toBe('incident');
    expect(broken.incident?.reason).toBe('bad_timer');
  });
});

describe('decision and end', () => {
  const def = flow([
    { step_id: 'route', name: 'Route', type: 'decision', routing: { rules: [{ when: { var: 'urgent', op: 'eq', value: true }, go: 'fast' }], default: 'done' } },
    task('fast', ['done']),
    end('rejected'),
  ]);

  it('takes the matching rule and records which one', () => {
    const result = start(def, { urgent: true });
    expect(stepIds(result.instance)).toEqual(['fast']);
    expect(result.events.find((e) => e.type === 'step_completed' && e.stepId === 'route')).toMatchObject({ rule: 0, toSteps: ['fast'] });
  });

  it('takes the default branch; an end step closes the instance with its outcome', () => {
    const result = start(def, {});
    expect(result.instance.status).toBe('rejected');
    expect(result.events.find((e) => e.type === 'step_completed' && e.stepId === 'route')).toMatchObject({ rule: 'default' });
  });

  it('raises an incident (not a stall) when no rule matches and there is no default', () => {
    const unvalidated = flow([
      { step_id: 'route', name: 'Route', type: 'decision', routing: { rules: [{ when: { var: 'urgent', op: 'eq', value: true }, go: 'fast' }] } },
      task('fast', []),
    ]);
    const result = start(unvalidated, { urgent: false });
    expect(result.instance.status).toBe('incident');
    expect(result.events.at(-1)).toMatchObject({ type: 'incident_raised', incident: { reason: 'no_route', stepId: 'route' } });
    expect(result.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'incident', recipients: { users: [], roles: ['admin'] } }));
    expect(errorOf(advance(unvalidated, result.instance, complete('c1'), people.requester, at(1)))).toBe('instance_incident');
    expect(errorOf(resolveIncident(unvalidated, result.instance, { commandId: 'c2' }, people.head, at(1)))).toBe('forbidden');
    const fixed = must(resolveIncident(unvalidated, result.instance, { commandId: 'c2', data: { urgent: true } }, people.admin, at(1)));
    expect(fixed.instance.status).toBe('running');
    expect(stepIds(fixed.instance)).toEqual(['fast']);
  });
});

describe('assignees from variables and the resolver', () => {
  const def = flow([task('a', [], 'member', { assignee_type: 'variable', assignee_value: 'requester_department_head' })]);

  it('resolves through the injected resolver when the step starts and records the result', () => {
    const resolver: AssigneeResolver = ({ assigneeValue, instance }) =>
      assigneeValue === 'requester_department_head' && instance.requestedBy === 'u-req' ? { users: ['u-head'], roles: [] } : null;
    const result = must(startInstance(def, { entityType: 'x', entityId: '1' }, people.requester, t0, newId, { resolveAssignees: resolver }));
    expect(result.instance.activeSteps[0]?.assignees).toEqual({ users: ['u-head'], roles: [] });
    expect(result.events.find((e) => e.type === 'step_entered')).toMatchObject({ activeStep: { assignees: { users: ['u-head'] } } });
  });

  it('reads a variable holding user ids by default, and raises an incident when nobody is found', () => {
    expect(start(def, { requester_department_head: 'u-head2' }).instance.activeSteps[0]?.assignees.users).toEqual(['u-head2']);
    const stuck = start(def, {});
    expect(stuck.instance.status).toBe('incident');
    expect(stuck.instance.incident?.reason).toBe('no_assignee');
    const rescued = must(resolveIncident(def, stuck.instance, { commandId: 'fix', data: { requester_department_head: 'u-head3' } }, people.admin, at(1)));
    expect(rescued.instance.activeSteps[0]?.assignees.users).toEqual(['u-head3']);
  });
});

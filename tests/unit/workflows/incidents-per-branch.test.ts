import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { dueWork, runDueWork } from '../../../src-shared/workflows/deadlines';
import { reassign } from '../../../src-shared/workflows/instance-actions';
import type { StepDefinition } from '../../../src-shared/workflows/definition-schema';
import { resolveIncident } from '../../../src-shared/workflows/incidents';
import { openIncidents } from '../../../src-shared/workflows/instance';
import { replay } from '../../../src-shared/workflows/replay';
import { at, errorOf, flow, must, people, start, stepIds, task } from './helpers';

/**
 * Issue 19.1: every open incident is kept with the step (token) it belongs to and is resolved on
 * its own; the instance shows `incident` while any is open, and the other branches keep running
 * (their join waits for the stopped branch).
 */
const byVariable = (step_id: string, variable: string, next: string[]): StepDefinition => ({
  step_id,
  name: `Task ${step_id}`,
  type: 'task',
  assignee_type: 'variable',
  assignee_value: variable,
  next_steps: next,
});
const def = flow([
  { step_id: 's', name: 'Split', type: 'parallel', next_steps: ['left', 'right'] },
  byVariable('left', 'left_owner', ['j']),
  byVariable('right', 'right_owner', ['j']),
  { step_id: 'j', name: 'Join', type: 'join', next_steps: ['done'] },
  task('done', []),
]);

describe('incidents in two branches', () => {
  it('keeps both, each with its step, the oldest shown first', () => {
    const started = start(def);
    expect(started.instance.status).toBe('incident');
    expect(openIncidents(started.instance).map((i) => [i.stepId, i.reason])).toEqual([
      ['left', 'no_assignee'],
      ['right', 'no_assignee'],
    ]);
    expect(started.instance.incident?.stepId).toBe('left');
  });

  it('resolves each on its own: the instance stays stopped until the last, then both branches join', () => {
    const started = start(def);
    const first = must(resolveIncident(def, started.instance, { commandId: 'r1', incident: 'right', data: { right_owner: people.officer.userId } }, people.admin, at(1)));
    expect(first.instance.status).toBe('incident');
    expect(openIncidents(first.instance).map((i) => i.stepId)).toEqual(['left']);
    expect(first.instance.otherIncidents).toBeUndefined();
    const second = must(resolveIncident(def, first.instance, { commandId: 'r2', data: { left_owner: people.qa.userId } }, people.admin, at(2)));
    expect(second.instance.status).toBe('running');
    expect(openIncidents(second.instance)).toEqual([]);
    expect(stepIds(second.instance)).toEqual(['left', 'right']);
    const left = must(advance(def, second.instance, { commandId: 'a1', action: 'complete' }, people.qa, at(3)));
    const joined = must(advance(def, left.instance, { commandId: 'a2', action: 'complete' }, people.officer, at(4)));
    expect(stepIds(joined.instance)).toEqual(['done']);
    expect(must(replay(def, [...started.events, ...first.events, ...second.events, ...left.events, ...joined.events]))).toEqual(joined.instance);
  });

  it('refuses to resolve an incident that is not open, naming the open ones', () => {
    const started = start(def);
    const result = resolveIncident(def, started.instance, { commandId: 'r1', incident: 'done' }, people.admin, at(1));
    expect(errorOf(result)).toBe('invalid_input');
    if (!result.ok) expect(result.error.message).toContain('left, right');
  });

  it('leaves an instance with one incident at a time exactly as before (no list of others)', () => {
    const single = flow([byVariable('a', 'owner', ['b']), task('b', [])]);
    const started = start(single);
    expect(started.instance.otherIncidents).toBeUndefined();
    expect(Object.keys(started.instance)).not.toContain('otherIncidents');
    const resolved = must(resolveIncident(single, started.instance, { commandId: 'r1', goTo: 'b' }, people.admin, at(1)));
    expect(resolved.instance.status).toBe('running');
    expect(Object.keys(resolved.instance)).not.toContain('incident');
  });
});

describe('the other branches while one has an incident', () => {
  const started = () => start(def, { right_owner: people.officer.userId });

  it('stops only the branch with the incident: the other one is worked on and waits at the join', () => {
    const first = started();
    expect(first.instance.status).toBe('incident');
    expect(openIncidents(first.instance).map((i) => i.stepId)).toEqual(['left']);
    const right = must(advance(def, first.instance, { commandId: 'a1', action: 'complete', stepId: 'right' }, people.officer, at(1)));
    expect(right.instance.status).toBe('incident');
    expect(right.instance.activeSteps.map((s) => [s.stepId, s.isWaitingAtJoin ?? false])).toEqual([
      ['left', false],
      ['j', true],
    ]);
    const resolved = must(resolveIncident(def, right.instance, { commandId: 'r1', data: { left_owner: people.qa.userId } }, people.admin, at(2)));
    expect(resolved.instance.status).toBe('running');
    const left = must(advance(def, resolved.instance, { commandId: 'a2', action: 'complete', stepId: 'left' }, people.qa, at(3)));
    expect(stepIds(left.instance)).toEqual(['done']);
    expect(must(replay(def, [...first.events, ...right.events, ...resolved.events, ...left.events]))).toEqual(left.instance);
  });

  it('refuses work on the stopped step itself, naming it', () => {
    const routed = flow([
      { step_id: 's', name: 'Split', type: 'parallel', next_steps: ['check', 'other'] },
      task('check', ['j'], 'member', { routing: { rules: [{ when: { var: 'amount', op: 'gt', value: 100 }, go: 'j' }] } }),
      task('other', ['j']),
      { step_id: 'j', name: 'Join', type: 'join', next_steps: [] },
    ], { sla_config: { check: { duration_hours: 4, escalation_rules: [{ after_breach_hours: 0, action: 'notify', to_type: 'role', to_value: 'admin' }] } } });
    const first = start(routed, { amount: 5 });
    const stuck = must(advance(routed, first.instance, { commandId: 'a1', action: 'complete', stepId: 'check' }, people.requester, at(1)));
    expect(openIncidents(stuck.instance).map((i) => [i.stepId, i.reason])).toEqual([['check', 'no_route']]);
    const again = advance(routed, stuck.instance, { commandId: 'a2', action: 'complete', stepId: 'check' }, people.requester, at(2));
    expect(errorOf(again)).toBe('instance_incident');
    if (!again.ok) expect(again.error.message).toContain('"check"');
    expect(errorOf(reassign(routed, stuck.instance, { commandId: 'a3', stepId: 'check', to: { assignee_type: 'role', assignee_value: 'qa_manager' } }, people.admin, at(2)))).toBe('instance_incident');
    const other = must(reassign(routed, stuck.instance, { commandId: 'a4', stepId: 'other', to: { assignee_type: 'role', assignee_value: 'qa_manager' } }, people.admin, at(2)));
    expect(other.events.map((e) => e.type)).toEqual(['step_reassigned']);
    const escalation = dueWork(routed, stuck.instance).find((w) => w.kind === 'escalation');
    expect(escalation?.token).toBe(stuck.instance.incident?.token);
    expect(errorOf(runDueWork(routed, stuck.instance, { kind: 'escalation', token: escalation?.token ?? '', rule: 0 }, at(5)))).toBe('instance_incident');
  });

  it('runs due work of the other branches', () => {
    const timed = flow(
      [
        { step_id: 's', name: 'Split', type: 'parallel', next_steps: ['left', 'wait'] },
        byVariable('left', 'left_owner', ['j']),
        { step_id: 'wait', name: 'Wait a day', type: 'timer', timer: { after_hours: 24 }, next_steps: ['j'] },
        { step_id: 'j', name: 'Join', type: 'join', next_steps: ['done'] },
        task('done', []),
      ],
    );
    const first = start(timed);
    const timer = dueWork(timed, first.instance).find((w) => w.kind === 'timer');
    expect(timer).toBeDefined();
    const fired = must(runDueWork(timed, first.instance, { kind: 'timer', token: timer?.token ?? '' }, at(25)));
    expect(fired.instance.activeSteps.map((s) => s.stepId)).toEqual(['left', 'j']);
    expect(fired.instance.status).toBe('incident');
  });

  it('a rejection that ends the instance in another branch closes its incidents with it', () => {
    const rejecting = flow([
      { step_id: 's', name: 'Split', type: 'parallel', next_steps: ['left', 'vote'] },
      byVariable('left', 'left_owner', ['j']),
      { step_id: 'vote', name: 'Vote', type: 'approval', assignee_type: 'role', assignee_value: 'qa_manager', conditions: { approve: ['j'], reject: [] } },
      { step_id: 'j', name: 'Join', type: 'join', next_steps: ['done'] },
      task('done', []),
    ]);
    const first = start(rejecting);
    const rejected = must(advance(rejecting, first.instance, { commandId: 'v1', action: 'reject', stepId: 'vote' }, people.qa, at(1)));
    expect(rejected.instance.status).toBe('rejected');
    expect(openIncidents(rejected.instance)).toEqual([]);
    expect(must(replay(rejecting, [...first.events, ...rejected.events]))).toEqual(rejected.instance);
  });
});

import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import type { StepDefinition } from '../../../src-shared/workflows/definition-schema';
import { resolveIncident } from '../../../src-shared/workflows/incidents';
import { openIncidents } from '../../../src-shared/workflows/instance';
import { replay } from '../../../src-shared/workflows/replay';
import { at, errorOf, flow, must, people, start, stepIds, task } from './helpers';

/**
 * Issue 19.1, first part: every open incident is kept with the step (token) it belongs to and is
 * resolved on its own; the instance shows `incident` while any is open. (That the other branches
 * keep running while one has an incident is the next part; see the README.)
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

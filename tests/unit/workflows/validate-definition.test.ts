import { describe, expect, it } from 'vitest';
import type { StepDefinition, WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { checkDefinition, validateDefinition } from '../../../src-shared/workflows/validate-definition';
import { flow, task } from './helpers';

const approval = (step_id: string, extra: Partial<StepDefinition> = {}): StepDefinition => ({
  step_id,
  name: `Approval ${step_id}`,
  type: 'approval',
  assignee_type: 'role',
  assignee_value: 'department_head',
  conditions: { approve: ['done'], reject: [] },
  ...extra,
});
const end: StepDefinition = { step_id: 'done', name: 'Done', type: 'end' };
const split = (step_id: string, next: string[]): StepDefinition => ({ step_id, name: `Split ${step_id}`, type: 'parallel', next_steps: next });
const join = (step_id: string, next: string[]): StepDefinition => ({ step_id, name: `Join ${step_id}`, type: 'join', next_steps: next });

/** Each case: a broken definition, the path the problem must be reported at, and words the message must contain. */
const cases: [string, WorkflowDefinition, string, RegExp][] = [
  ['unknown reference in next_steps', flow([task('a', ['nowhere'])]), 'steps[0].next_steps[0]', /not a step/],
  ['unknown reference in conditions', flow([approval('a', { conditions: { approve: ['ghost'], reject: [] } }), end]), 'steps[0].conditions.approve[0]', /not a step/],
  ['unknown reference in a routing rule', flow([{ step_id: 'd', name: 'D', type: 'decision', routing: { rules: [{ when: { var: 'x', op: 'exists' }, go: 'ghost' }], default: 'done' } }, end]), 'steps[0].routing.rules[0].go', /not a step/],
  ['duplicate step ids', flow([task('a', ['a2']), task('a2', []), task('a', [])]), 'steps[2].step_id', /used twice/],
  ['unknown initial step', { ...flow([task('a', [])]), initial_step: 'zzz' }, 'initial_step', /not one of the steps/],
  ['unreachable step', flow([task('a', []), task('island', [])]), 'steps[1]', /cannot be reached/],
  ['step that cannot reach an end', flow([task('a', ['b']), task('b', ['c']), task('c', ['b'])]), 'steps[1]', /No path leads/],
  ['approval without a reject route', flow([approval('a', { conditions: { approve: ['done'] } }), end]), 'steps[0].conditions.reject', /route for "reject"/],
  ['approval without an approve route', flow([approval('a', { conditions: { reject: [] } })]), 'steps[0].conditions.approve', /route for "approve"/],
  ['invalid rule', flow([{ step_id: 'd', name: 'D', type: 'decision', routing: { rules: [{ when: { var: 'x', op: 'in', value: 3 }, go: 'done' }], default: 'done' } }, end]), 'steps[0].routing.rules[0].when.value', /list of values/],
  ['routing without a default branch', flow([{ step_id: 'd', name: 'D', type: 'decision', routing: { rules: [{ when: { var: 'x', op: 'exists' }, go: 'done' }] } }, end]), 'steps[0].routing.default', /default branch/],
  ['decision without routing', flow([{ step_id: 'd', name: 'D', type: 'decision', next_steps: ['done'] }, end]), 'steps[0].routing', /needs routing/],
  ['sla for an unknown step', flow([task('a', [])], { sla_config: { ghost: { duration_hours: 4 } } }), 'sla_config.ghost', /not a step/],
  ['sla for an automatic step', flow([task('a', ['n']), { step_id: 'n', name: 'N', type: 'notify', assignee_type: 'role', assignee_value: 'hr', next_steps: ['done'] }, end], { sla_config: { n: { duration_hours: 4 } } }), 'sla_config.n', /only task and approval/],
  ['quorum needing more approvers than there are', flow([approval('a', { assignee_type: 'user', assignee_value: ['u1', 'u2'], approval: { quorum: 'n_of_m', n: 3 } }), end]), 'steps[0].approval.n', /only 2 approvers/],
  ['n_of_m without n', flow([approval('a', { approval: { quorum: 'n_of_m', m: 3 } }), end]), 'steps[0].approval.n', /needs n/],
  ['all over a role without m', flow([approval('a', { approval: { quorum: 'all' } }), end]), 'steps[0].approval.m', /needs m/],
  ['quorum of a level', flow([approval('a', { assignee_type: undefined, assignee_value: undefined, approval: { levels: [{ assignee_type: 'user', assignee_value: 'u1', quorum: 'n_of_m', n: 2 }] } }), end]), 'steps[0].approval.levels[0].n', /only 1 approvers/],
  ['approval settings on a task', flow([task('a', [], 'member', { approval: { quorum: 'any' } })]), 'steps[0].approval', /Only approval steps/],
  ['task leading to two steps at once', flow([task('a', ['b', 'c']), task('b', []), task('c', [])]), 'steps[0].next_steps', /Only a parallel step/],
  ['task without an assignee', flow([{ step_id: 'a', name: 'A', type: 'task', next_steps: [] }]), 'steps[0].assignee_type', /needs assignee_type/],
  ['parallel with one branch', flow([split('s', ['a']), task('a', ['j']), join('j', ['done']), end]), 'steps[0].next_steps', /at least two branches/],
  ['join that matches no split', flow([task('a', ['j']), join('j', ['done']), end]), 'steps[1]', /does not match any parallel split/],
  ['split whose branches never join', flow([split('s', ['a', 'b']), task('a', ['done']), task('b', ['done']), end]), 'steps[0]', /never meet/],
  ['branches meeting at different joins', flow([split('s', ['a', 'b']), task('a', ['j1']), task('b', ['j2']), join('j1', ['done']), join('j2', ['done']), end]), 'steps[0]', /different joins/],
  ['branch ending the flow before the join', flow([split('s', ['a', 'b']), task('a', ['j']), task('b', []), join('j', ['done']), end]), 'steps[2]', /ends the flow/],
  ['step jumping into a branch from outside', flow([task('start', ['s']), split('s', ['a', 'b']), task('a', ['j']), task('b', ['j']), join('j', ['x']), task('x', ['a'], 'member', { conditions: { again: ['a'], finish: [] } })]), 'steps[5]', /without passing the split/],
  ['escalation without a threshold', flow([task('a', [])], { sla_config: { a: { duration_hours: 8, escalation_rules: [{ action: 'notify' }] } } }), 'sla_config.a.escalation_rules[0]', /exactly one/],
  ['auto-act with an action the step does not take', flow([task('a', [])], { sla_config: { a: { duration_hours: 8, escalation_rules: [{ at_percent: 50, action: 'auto_act', auto_action: 'approve' }] } } }), 'sla_config.a.escalation_rules[0].auto_action', /must be one/],
  ['reassignment without a target', flow([task('a', [])], { sla_config: { a: { duration_hours: 8, escalation_rules: [{ after_breach_hours: 1, action: 'reassign' }] } } }), 'sla_config.a.escalation_rules[0].to_value', /needs to_type/],
  ['timer without a time', flow([{ step_id: 't', name: 'T', type: 'timer', next_steps: ['done'] }, end]), 'steps[0].timer', /exactly one/],
  ['end step leading on', flow([{ step_id: 'done', name: 'Done', type: 'end', next_steps: ['done'] }]), 'steps[0].next_steps', /leads nowhere/],
  ['loop of automatic steps', flow([task('a', ['d1']), { step_id: 'd1', name: 'D1', type: 'decision', routing: { rules: [{ when: { var: 'x', op: 'exists' }, go: 'done' }], default: 'd2' } }, { step_id: 'd2', name: 'D2', type: 'notify', assignee_type: 'role', assignee_value: 'hr', next_steps: ['d1'] }, end]), 'steps[1]', /loop that no person/],
  ['working day ending before it starts', flow([task('a', [])], { working_calendar: { weekdays: [1], hours: { start: '17:00', end: '08:00' } } }), 'working_calendar.hours', /end after it starts/],
];

describe('validation on save', () => {
  it.each(cases)('reports %s', (_, definition, path, words) => {
    const problems = validateDefinition(definition);
    const match = problems.find((p) => p.path === path);
    expect(match, `problems were ${JSON.stringify(problems)}`).toBeDefined();
    expect(match?.message).toMatch(words);
  });

  it('names the step of each problem', () => {
    const [problem] = validateDefinition(flow([task('a', ['nowhere'])]));
    expect(problem).toEqual({ path: 'steps[0].next_steps[0]', stepId: 'a', message: '"nowhere" is not a step of this workflow.' });
  });

  it('accepts nested splits, loops inside a branch, and a rejection inside a branch', () => {
    const definition = flow([
      split('outer', ['a', 'inner']),
      approval('a', { conditions: { approve: ['j_outer'], reject: [] } }),
      split('inner', ['b', 'c']),
      task('b', ['j_inner']),
      task('c', ['c2']),
      task('c2', [], 'member', { conditions: { redo: ['c'], ok: ['j_inner'] } }),
      join('j_inner', ['j_outer']),
      join('j_outer', ['done']),
      end,
    ]);
    expect(validateDefinition(definition)).toEqual([]);
  });

  it('returns the parsed definition, or every problem as invalid_definition', () => {
    expect(checkDefinition(flow([task('a', [])])).ok).toBe(true);
    const result = checkDefinition(flow([task('a', ['x', 'y'])]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_definition');
      expect((result.error.details as unknown[]).length).toBeGreaterThanOrEqual(3);
    }
  });
});

/** Issue 19: a person fixing a definition sees every problem at once, not one more after each fix. */
describe('validation in one pass', () => {
  const pathsOf = (definition: WorkflowDefinition) => validateDefinition(definition).map((problem) => problem.path);

  it('reports a dangling reference and an unreachable step together', () => {
    // "b" was meant as "island"'s predecessor; reachability follows only the references that resolve.
    const definition = flow([task('a', ['b']), task('bb', []), task('island', [])]);
    expect(pathsOf(definition)).toEqual(['steps[0].next_steps[0]', 'steps[1]', 'steps[2]']);
    expect(validateDefinition(definition)[1]?.message).toMatch(/cannot be reached/);
  });

  it('reports an unreachable step alongside a problem of another step on its own', () => {
    const definition = flow([{ step_id: 'a', name: 'A', type: 'task', next_steps: [] }, task('island', [])]);
    expect(pathsOf(definition)).toEqual(expect.arrayContaining(['steps[0].assignee_type', 'steps[1]']));
  });

  it('reports a dangling routing default together with a step that cannot reach an end', () => {
    const definition = flow([
      task('a', ['d']),
      { step_id: 'd', name: 'D', type: 'decision', routing: { rules: [{ when: { var: 'x', op: 'exists' }, go: 'loop' }], default: 'ghost' } },
      task('loop', ['loop2']),
      task('loop2', ['loop']),
    ]);
    expect(pathsOf(definition)).toEqual(expect.arrayContaining(['steps[1].routing.default', 'steps[2]', 'steps[3]']));
    expect(validateDefinition(definition).find((problem) => problem.path === 'steps[2]')?.message).toMatch(/No path leads/);
  });

  it('does not blame the step whose only way on dangles for having no end (its reference is the problem)', () => {
    expect(validateDefinition(flow([task('a', ['nowhere'])]))).toHaveLength(1);
  });

  it('does not call every step unreachable when the initial step is unknown', () => {
    expect(pathsOf({ ...flow([task('a', []), task('b', [])]), initial_step: 'zzz' })).toEqual(['initial_step']);
  });

  it('still checks split/join structure when the only other problem is a step on its own', () => {
    const definition = flow([split('s', ['a', 'b']), { step_id: 'a', name: 'A', type: 'task', next_steps: ['done'] }, task('b', ['done']), end]);
    expect(pathsOf(definition)).toEqual(expect.arrayContaining(['steps[1].assignee_type', 'steps[0]']));
  });

  it('reports a split with one branch once, not also as steps with no path to an end (the editor marks one step)', () => {
    const definition = flow([task('a', ['s']), { step_id: 's', name: 'S', type: 'parallel', next_steps: [] }]);
    expect(pathsOf(definition)).toEqual(['steps[1].next_steps']);
  });

  it('holds split/join structure back while a reference dangles, so a typo is not also a broken split', () => {
    const definition = flow([split('s', ['a', 'b']), task('a', ['j']), task('b', ['jj']), join('j', ['done']), end]);
    expect(pathsOf(definition)).toEqual(['steps[2].next_steps[0]']);
  });
});

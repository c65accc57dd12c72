import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { fireTimer } from '../../../src-shared/workflows/deadlines';
import type { StepDefinition, WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { stepOf } from '../../../src-shared/workflows/definition-graph';
import type { Actor, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { replay } from '../../../src-shared/workflows/replay';
import { startInstance } from '../../../src-shared/workflows/start';
import { validateDefinition } from '../../../src-shared/workflows/validate-definition';
import { applyEvent, type WorkflowEvent } from '../../../src-shared/workflows/workflow-events';

/**
 * Property tests: random valid definitions (sequences of tasks, approvals, notifications, timers,
 * data-routed choices and nested parallel splits) driven by random legal actions.
 */

type Block =
  | { kind: 'task'; role: string }
  | { kind: 'approval'; quorum: 'any' | 'all' | 'n_of_m' }
  | { kind: 'notify' }
  | { kind: 'timer'; hours: number }
  | { kind: 'decision'; branches: Block[][] }
  | { kind: 'parallel'; branches: Block[][] };

const roles = ['member', 'hr', 'qa_manager', 'finance'];
const approvers = ['p1', 'p2', 'p3'];

const leaf: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...roles).map((role) => ({ kind: 'task' as const, role })) },
  { weight: 3, arbitrary: fc.constantFrom('any' as const, 'all' as const, 'n_of_m' as const).map((quorum) => ({ kind: 'approval' as const, quorum })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'notify' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 48 }).map((hours) => ({ kind: 'timer' as const, hours })) },
);

function blockArb(depth: number): fc.Arbitrary<Block> {
  if (depth <= 0) return leaf;
  const inner = fc.array(blockArb(depth - 1), { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(fc.oneof(inner, fc.constant([] as Block[])), { minLength: 2, maxLength: 3 }).map((branches) => ({ kind: 'decision' as const, branches })) },
    { weight: 2, arbitrary: fc.array(inner, { minLength: 2, maxLength: 3 }).map((branches) => ({ kind: 'parallel' as const, branches })) },
  );
}

const programArb = fc.record({
  body: fc.array(blockArb(2), { minLength: 1, maxLength: 4 }),
  endsWithEndStep: fc.boolean(),
});

/** Compiles blocks into spec-format steps, back to front, so each block knows the step after it. */
function compile(program: { body: Block[]; endsWithEndStep: boolean }): WorkflowDefinition {
  const steps: StepDefinition[] = [];
  let counter = 0;
  const id = (prefix: string) => `${prefix}_${counter++}`;
  const add = (step: StepDefinition) => {
    steps.push(step);
    return step.step_id;
  };
  const sequence = (blocks: Block[], next: string): string => blocks.reduceRight((after, block) => one(block, after), next);
  const one = (block: Block, next: string): string => {
    switch (block.kind) {
      case 'task':
        return add({ step_id: id('task'), name: 'Task', type: 'task', assignee_type: 'role', assignee_value: block.role, next_steps: [next] });
      case 'approval':
        return add({
          step_id: id('approval'),
          name: 'Approval',
          type: 'approval',
          assignee_type: 'user',
          assignee_value: approvers,
          approval: { quorum: block.quorum, ...(block.quorum === 'n_of_m' ? { n: 2 } : {}) },
          conditions: { approve: [next], reject: [] },
        });
      case 'notify':
        return add({ step_id: id('notify'), name: 'Notify', type: 'notify', assignee_type: 'role', assignee_value: 'admin', next_steps: [next] });
      case 'timer':
        return add({ step_id: id('timer'), name: 'Timer', type: 'timer', timer: { after_hours: block.hours }, next_steps: [next] });
      case 'decision': {
        const stepId = id('decision');
        const entries = block.branches.map((branch) => sequence(branch, next));
        const [first, ...others] = entries;
        add({
          step_id: stepId,
          name: 'Decision',
          type: 'decision',
          routing: { rules: others.map((go, i) => ({ when: { var: `choice_${stepId}`, op: 'eq' as const, value: i + 1 }, go })), default: first as string },
        });
        return stepId;
      }
      case 'parallel': {
        const join = add({ step_id: id('join'), name: 'Join', type: 'join', next_steps: [next] });
        const entries = block.branches.map((branch) => sequence(branch, join));
        return add({ step_id: id('split'), name: 'Split', type: 'parallel', next_steps: entries });
      }
    }
  };
  const last = program.endsWithEndStep
    ? add({ step_id: 'finish', name: 'Finish', type: 'end' })
    : add({ step_id: 'finish', name: 'Finish', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: [] });
  const initial = sequence(program.body, last);
  return { workflow_code: 'GENERATED', name: 'Generated', version: 1, status: 'published', steps, initial_step: initial };
}

const people: Actor[] = [
  ...roles.map((role) => ({ userId: `holder-${role}`, roles: [role] })),
  ...approvers.map((userId) => ({ userId, roles: [] })),
];
const starter: Actor = { userId: 'starter', roles: [] };

const stack = (forks: { forkId: string; branch: number }[]) => forks.map((f) => `${f.forkId}:${f.branch}`).join('/');

/** No branch lost or duplicated: token fork stacks form an antichain, and every fork has all its branches. */
function checkBranches(instance: WorkflowInstance): void {
  if (instance.status !== 'running') return;
  expect(instance.activeSteps.length).toBeGreaterThan(0);
  const stacks = instance.activeSteps.map((s) => stack(s.forks));
  expect(new Set(instance.activeSteps.map((s) => s.token)).size).toBe(instance.activeSteps.length);
  for (const [i, a] of stacks.entries()) {
    for (const [j, b] of stacks.entries()) {
      if (i !== j) expect(a === b || (b.startsWith(a) && (a === '' || b[a.length] === '/')), `${a} and ${b}`).toBe(false);
    }
  }
  const branchesSeen = new Map<string, { of: number; branches: Set<number> }>();
  for (const step of instance.activeSteps) {
    step.forks.forEach((frame, depth) => {
      const key = `${depth}|${frame.forkId}`;
      const entry = branchesSeen.get(key) ?? { of: frame.of, branches: new Set<number>() };
      entry.branches.add(frame.branch);
      branchesSeen.set(key, entry);
    });
  }
  for (const [key, { of, branches }] of branchesSeen) expect([...branches].sort(), key).toEqual([...Array(of).keys()]);
}

/** Every join completion gathers exactly one token from each branch of its fork. */
function checkJoins(definition: WorkflowDefinition, events: WorkflowEvent[]): number {
  let state: WorkflowInstance | undefined;
  let joins = 0;
  for (const event of events) {
    if (event.type === 'step_completed' && event.stepId && stepOf(definition, event.stepId)?.type === 'join') {
      const gathered = [event.token, ...(event.consumedTokens ?? [])].map((token) => state?.activeSteps.find((s) => s.token === token));
      const frames = gathered.map((s) => s?.forks.at(-1));
      expect(new Set(frames.map((f) => f?.forkId)).size).toBe(1);
      expect(frames.map((f) => f?.branch).sort()).toEqual([...Array(frames[0]?.of ?? 0).keys()]);
      expect(gathered.every((s) => s?.isWaitingAtJoin)).toBe(true);
      joins++;
    }
    state = applyEvent(state, event);
  }
  return joins;
}

function drive(definition: WorkflowDefinition, choices: number[], variables: Record<string, unknown>) {
  const started = startInstance(definition, { entityType: 'test', entityId: '1', variables }, starter, '2025-01-06T09:00:00.000Z', () => 'PROP');
  if (!started.ok) throw new Error(started.error.message);
  let instance = started.value.instance;
  const events = [...started.value.events];
  let clock = Date.parse('2025-01-06T09:00:00.000Z');
  let lastCommand: { commandId: string; action: string; stepId: string; actor: Actor } | undefined;
  for (let n = 0; instance.status === 'running' && n < 400; n++) {
    const choice = choices[n % choices.length] ?? 0;
    const open = instance.activeSteps.filter((s) => !s.isWaitingAtJoin);
    const active = open[choice % open.length];
    expect(active, 'a running instance always has something to do').toBeDefined();
    if (!active) break;
    clock += 3_600_000;
    const step = stepOf(definition, active.stepId) as StepDefinition;
    let result;
    if (step.type === 'timer') {
      clock = Math.max(clock, Date.parse(active.wakeAt ?? ''));
      result = fireTimer(definition, instance, active.token, new Date(clock).toISOString());
    } else {
      const voted = new Set(active.approval?.votes.map((v) => v.userId));
      const actor = people.find((p) => !voted.has(p.userId) && (active.assignees.users.includes(p.userId) || p.roles.some((r) => active.assignees.roles.includes(r)))) as Actor;
      const action = step.type === 'approval' ? (choice % 7 === 0 ? 'reject' : 'approve') : 'complete';
      lastCommand = { commandId: `cmd-${n}`, action, stepId: active.token, actor };
      result = advance(definition, instance, lastCommand, actor, new Date(clock).toISOString());
    }
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    instance = result.value.instance;
    events.push(...result.value.events);
    checkBranches(instance);
  }
  return { instance, events, lastCommand };
}

describe('engine properties', () => {
  it('random valid definitions driven by random legal actions keep every branch, join correctly, finish, and replay', () => {
    let joinsSeen = 0;
    fc.assert(
      fc.property(programArb, fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }), (program, choices, picks) => {
        const definition = compile(program);
        expect(validateDefinition(definition)).toEqual([]);
        const variables = Object.fromEntries(definition.steps.filter((s) => s.type === 'decision').map((s, i) => [`choice_${s.step_id}`, picks[i % picks.length]]));
        const { instance, events, lastCommand } = drive(definition, choices, variables);
        expect(['completed', 'rejected']).toContain(instance.status);
        expect(instance.activeSteps).toEqual([]);
        joinsSeen += checkJoins(definition, events);
        const rebuilt = replay(definition, events);
        expect(rebuilt.ok && rebuilt.value).toEqual(instance);
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
        if (lastCommand) {
          const again = advance(definition, instance, lastCommand, lastCommand.actor, '2030-01-01T00:00:00.000Z');
          expect(again.ok && again.value.instance).toBe(instance);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must actually exercise joins, or the join property above proves nothing.
    expect(joinsSeen).toBeGreaterThan(50);
  });

  it('replaying any prefix of a history gives the state the engine had at that point', () => {
    fc.assert(
      fc.property(programArb, fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 30 }), (program, choices) => {
        const definition = compile(program);
        const { events } = drive(definition, choices, {});
        let state: WorkflowInstance | undefined;
        for (const [i, event] of events.entries()) {
          state = applyEvent(state, event);
          const rebuilt = replay(definition, events.slice(0, i + 1));
          expect(rebuilt.ok && rebuilt.value).toEqual(state);
        }
      }),
      { numRuns: 60 },
    );
  });
});

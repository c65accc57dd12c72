import { fail, ok, type Result } from '../core/result';
import { definitionSchema, shapeProblems, type DefinitionProblem, type StepDefinition, type WorkflowDefinition } from './definition-schema';
import { actionsOf, approvalLevelsOf, escalationRulesOf, knownApproverCount, stepOf, successorsOf } from './definition-graph';
import { analyseParallelBlocks, endingActions } from './parallel-blocks';
import { checkCondition } from './routing-rules';
import { recordBindingProblems } from './validate-record-binding';
import { checkStepShape } from './validate-step';
import { calendarProblems } from './working-calendar';

/**
 * Validation on save: every problem of a definition, each with where it is (`steps[2].next_steps[0]`),
 * which step, and why. Shape first (the zod schema); when the shape is sound, meaning: references,
 * duplicates, reachability, an end reachable from every step, split/join structure, approval routes
 * and quorums, routing rules and their default branch, SLA and escalation settings, step forms and
 * what steps do to the workflow's record.
 *
 * Like a compiler, one pass lists every meaning problem: reachability is computed over the
 * references that resolve, so a dangling reference and an unreachable step are reported together.
 * Only what would merely echo a problem already listed is held back (see `checkGraph`).
 */
export function validateDefinition(input: unknown): DefinitionProblem[] {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) return shapeProblems(input, parsed.error);
  const definition = parsed.data;
  const problems: DefinitionProblem[] = [];
  const ids = new Set<string>();
  definition.steps.forEach((step, index) => {
    if (ids.has(step.step_id)) problems.push({ path: `steps[${index}].step_id`, stepId: step.step_id, message: `The step id "${step.step_id}" is used twice.` });
    ids.add(step.step_id);
  });
  if (!ids.has(definition.initial_step)) {
    problems.push({ path: 'initial_step', message: `The initial step "${definition.initial_step}" is not one of the steps.` });
  }
  const misshapen = new Set<string>();
  definition.steps.forEach((step, index) => {
    const at = `steps[${index}]`;
    const report = (field: string, message: string) => problems.push({ path: at + field, stepId: step.step_id, message });
    checkReferences(step, ids, report);
    checkStepShape(step, (field, message) => {
      // Only a wrong route (not, say, a missing assignee) puts the graph's shape in doubt.
      if (routeFields.some((route) => field.startsWith(route))) misshapen.add(step.step_id);
      report(field, message);
    });
    checkApproval(step, report);
    step.routing?.rules.forEach((rule, r) => {
      for (const problem of checkCondition(rule.when, `.routing.rules[${r}].when`)) report(problem.path, problem.message);
    });
  });
  definition.steps.forEach((step, index) => {
    if (step.boundary_timer?.working_hours && !definition.working_calendar) {
      problems.push({ path: `steps[${index}].boundary_timer.working_hours`, stepId: step.step_id, message: `The timer of "${step.name}" counts working hours, but the workflow has no working calendar.` });
    }
  });
  checkSla(definition, ids, problems);
  problems.push(...recordBindingProblems(definition));
  if (definition.working_calendar) problems.push(...calendarProblems(definition.working_calendar));
  return [...problems, ...checkGraph(definition, misshapen)];
}

/** The definition when it is valid, else `invalid_definition` with every problem in `details`. */
export function checkDefinition(input: unknown): Result<WorkflowDefinition> {
  const problems = validateDefinition(input);
  if (problems.length === 0) return ok(definitionSchema.parse(input));
  const [first] = problems;
  return fail('invalid_definition', first?.message ?? 'The definition is not valid.', { field: first?.path, details: problems });
}

type Report = (field: string, message: string) => void;

const routeFields = ['.next_steps', '.routing', '.conditions'];

function checkReferences(step: StepDefinition, ids: Set<string>, report: Report): void {
  const check = (target: string, field: string) => {
    if (!ids.has(target)) report(field, `"${target}" is not a step of this workflow.`);
  };
  (step.next_steps ?? []).forEach((target, i) => check(target, `.next_steps[${i}]`));
  for (const [action, targets] of Object.entries(step.conditions ?? {})) targets.forEach((target, i) => check(target, `.conditions.${action}[${i}]`));
  step.routing?.rules.forEach((rule, r) => check(rule.go, `.routing.rules[${r}].go`));
  if (step.routing?.default !== undefined) check(step.routing.default, '.routing.default');
  if (step.boundary_timer) check(step.boundary_timer.go, '.boundary_timer.go');
  if (step.routing && step.routing.default === undefined) {
    report('.routing.default', 'Routing needs a default branch for when no rule matches.');
  }
}

function checkApproval(step: StepDefinition, report: Report): void {
  if (step.type !== 'approval') {
    if (step.approval) report('.approval', 'Only approval steps have approval settings.');
    return;
  }
  if (!step.conditions?.reject) report('.conditions.reject', 'An approval step needs a route for "reject" ([] ends the instance as rejected).');
  if (!step.conditions?.approve && !step.routing && (step.next_steps ?? []).length === 0) {
    report('.conditions.approve', 'An approval step needs a route for "approve" (conditions.approve, routing or next_steps).');
  }
  const levelsAt = step.approval?.levels ? '.approval.levels' : '';
  approvalLevelsOf(step).forEach((level, index) => {
    const at = levelsAt ? `${levelsAt}[${index}]` : '.approval';
    if (!levelsAt && (!step.assignee_type || step.assignee_value === undefined)) {
      report('.assignee_value', 'An approval step needs approvers (assignee_type and assignee_value, or approval.levels).');
    }
    const count = knownApproverCount(level);
    if (level.quorum === 'n_of_m' && level.n === undefined) report(`${at}.n`, 'An n_of_m quorum needs n, the approvals required.');
    if (level.quorum === 'n_of_m' && level.n !== undefined && count !== undefined && level.n > count) {
      report(`${at}.n`, `The quorum needs ${level.n} approvals but only ${count} approvers are possible.`);
    }
    if ((level.quorum === 'all' || level.quorum === 'n_of_m') && level.assigneeType === 'role' && level.m === undefined) {
      report(`${at}.m`, `A "${level.quorum}" quorum over a role needs m, the number of approvers.`);
    }
    if (level.quorum !== 'n_of_m' && level.n !== undefined) report(`${at}.n`, 'n only applies to an n_of_m quorum.');
  });
}

function checkSla(definition: WorkflowDefinition, ids: Set<string>, problems: DefinitionProblem[]): void {
  for (const stepId of Object.keys(definition.sla_config ?? {})) {
    const at = `sla_config.${stepId}`;
    const step = stepOf(definition, stepId);
    if (!ids.has(stepId) || !step) {
      problems.push({ path: at, stepId, message: `The SLA is for "${stepId}", which is not a step of this workflow.` });
      continue;
    }
    if (step.type !== 'task' && step.type !== 'approval') {
      problems.push({ path: at, stepId, message: `"${step.name}" is a ${step.type} step; only task and approval steps wait for people and have an SLA.` });
    }
    escalationRulesOf(definition, stepId).forEach((rule, index) => {
      const ruleAt = `${at}.escalation_rules[${index}]`;
      const report = (field: string, message: string) => problems.push({ path: ruleAt + field, stepId, message });
      if ((rule.at_percent === undefined) === (rule.after_breach_hours === undefined)) {
        report('', 'An escalation fires either at_percent of the SLA or after_breach_hours; give exactly one.');
      }
      if (rule.action === 'reassign' && (!rule.to_type || rule.to_value === undefined)) report('.to_value', 'A reassignment needs to_type and to_value.');
      if (rule.action === 'notify' && (rule.to_type === undefined) !== (rule.to_value === undefined)) report('.to_value', 'Give both to_type and to_value, or neither (to notify the assignees).');
      if (rule.action === 'auto_act' && (!rule.auto_action || !actionsOf(step).includes(rule.auto_action))) {
        report('.auto_action', `An automatic action must be one "${step.name}" takes: ${actionsOf(step).join(', ') || 'none'}.`);
      }
    });
  }
}

/**
 * Graph-wide checks over the references that resolve. Held back, so that one mistake is reported
 * once: reachability when the initial step is unknown (every step would be "unreachable"); "no path
 * to an end" for a step whose dangling reference or wrong route may well have been meant to lead to
 * one; and the split/join structure and automatic loops while a reference dangles, a step's route
 * is wrong or a step id is used twice
 * (both need the whole graph to say anything true).
 */
function checkGraph(definition: WorkflowDefinition, misshapen: ReadonlySet<string>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const resolves = (id: string) => stepOf(definition, id) !== undefined;
  const successors = (step: StepDefinition) => successorsOf(step).filter(resolves);
  const dangles = (step: StepDefinition) => successorsOf(step).some((id) => !resolves(id));
  const canReachFromStart = resolves(definition.initial_step);
  const reachable = new Set<string>();
  const pending = canReachFromStart ? [definition.initial_step] : [];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    pending.push(...successors(stepOf(definition, id) as StepDefinition));
  }
  const predecessors = new Map<string, string[]>();
  for (const step of definition.steps) for (const next of successors(step)) predecessors.set(next, [...(predecessors.get(next) ?? []), step.step_id]);
  const canEnd = new Set<string>();
  // A step whose own route is wrong (a split with one branch) may well be meant to lead to an end, like a dangling reference.
  const backwards = definition.steps.filter((step) => endingActions(step).length > 0 || dangles(step) || misshapen.has(step.step_id)).map((step) => step.step_id);
  while (backwards.length > 0) {
    const id = backwards.pop() as string;
    if (canEnd.has(id)) continue;
    canEnd.add(id);
    backwards.push(...(predecessors.get(id) ?? []));
  }
  definition.steps.forEach((step, index) => {
    if (canReachFromStart && !reachable.has(step.step_id)) problems.push({ path: `steps[${index}]`, stepId: step.step_id, message: `"${step.name}" cannot be reached from the initial step.` });
    else if (!canEnd.has(step.step_id)) problems.push({ path: `steps[${index}]`, stepId: step.step_id, message: `No path leads from "${step.name}" to an end.` });
  });
  const hasWholeGraph =
    misshapen.size === 0 && definition.steps.every((step) => !dangles(step)) && new Set(definition.steps.map((step) => step.step_id)).size === definition.steps.length;
  if (!hasWholeGraph) return problems;
  problems.push(...analyseParallelBlocks(definition).problems);
  problems.push(...automaticLoops(definition));
  return problems;
}

const automaticTypes = new Set(['notify', 'parallel', 'join', 'decision']);

/** A cycle of steps that need no person or time would spin forever; report one step of each. */
function automaticLoops(definition: WorkflowDefinition): DefinitionProblem[] {
  const state = new Map<string, 'open' | 'done'>();
  const problems: DefinitionProblem[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    const step = stepOf(definition, id) as StepDefinition;
    for (const next of successorsOf(step)) {
      const nextStep = stepOf(definition, next);
      if (!nextStep || !automaticTypes.has(nextStep.type)) continue;
      if (state.get(next) === 'open') {
        const index = definition.steps.indexOf(nextStep);
        problems.push({ path: `steps[${index}]`, stepId: next, message: `"${nextStep.name}" is part of a loop that no person or timer ever stops.` });
      } else if (!state.has(next)) visit(next);
    }
    state.set(id, 'done');
  };
  for (const step of definition.steps) if (automaticTypes.has(step.type) && !state.has(step.step_id)) visit(step.step_id);
  return problems;
}

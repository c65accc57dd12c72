import type { StepDefinition } from './definition-schema';

type Report = (field: string, message: string) => void;

/**
 * What each step type needs and refuses, on its own (references and graph checks live in
 * `validate-definition.ts`). Only a parallel split may lead to several steps at once; every other
 * step goes to one step per action, or chooses one by routing.
 */
export function checkStepShape(step: StepDefinition, report: Report): void {
  const next = step.next_steps ?? [];
  const hasRoute = next.length > 0 || step.routing !== undefined;
  if (new Set(next).size !== next.length) report('.next_steps', 'A step is listed twice in next_steps.');
  if (step.timer && step.type !== 'timer') report('.timer', 'Only timer steps have a timer.');
  if (step.boundary_timer && step.type !== 'task' && step.type !== 'approval') {
    report('.boundary_timer', 'Only steps that wait for people (task, approval) have a timer that moves them on.');
  }
  if (step.outcome && step.type !== 'end') report('.outcome', 'Only end steps have an outcome.');
  if (step.require_signature && step.type !== 'approval' && step.type !== 'task') report('.require_signature', 'Only steps people act on can ask for a signature.');
  if (step.ready_instrument && step.type !== 'approval' && step.type !== 'task') report('.ready_instrument', 'Only steps people act on can require a ready instrument.');
  const instrumentField = step.ready_instrument?.field;
  if (instrumentField !== undefined && !(step.form ?? []).some((f) => f.key === instrumentField)) {
    report('.ready_instrument.field', `The step's form has no field “${instrumentField}” to name the instrument.`);
  }
  if (step.conditions && step.type !== 'task' && step.type !== 'approval') {
    report('.conditions', `A ${step.type} step takes no actions; route it with next_steps${step.type === 'parallel' ? '' : ' or routing'}.`);
  }
  if (step.type !== 'parallel' && next.length > 1) {
    report('.next_steps', 'Only a parallel step leads to several steps at once; use a parallel split, or routing to choose one.');
  }
  for (const [action, targets] of Object.entries(step.conditions ?? {})) {
    if (targets.length > 1) report(`.conditions.${action}`, `"${action}" leads to several steps; put a parallel split after the step instead.`);
  }
  const needsAssignee = (what: string) => {
    if (!step.assignee_type) report('.assignee_type', `A ${step.type} step needs assignee_type (role, user or variable) ${what}.`);
    if (step.assignee_value === undefined) report('.assignee_value', `A ${step.type} step needs assignee_value ${what}.`);
  };
  switch (step.type) {
    case 'task':
      needsAssignee('for who does it');
      break;
    case 'approval':
      if (step.approval?.levels && (step.assignee_type || step.assignee_value)) {
        report('.approval.levels', 'Give approvers either on the step or as approval.levels, not both.');
      }
      break;
    case 'notify':
      needsAssignee('for who is told');
      if (!hasRoute) report('.next_steps', 'A notify step needs the step that follows it.');
      break;
    case 'parallel':
      if (next.length < 2) report('.next_steps', 'A parallel split needs at least two branches in next_steps.');
      if (step.routing) report('.routing', 'A parallel split starts all its branches; it has no routing.');
      break;
    case 'join':
      if (!hasRoute) report('.next_steps', 'A join needs the step that follows it.');
      break;
    case 'timer': {
      const timer = step.timer;
      if (!timer || (timer.after_hours === undefined) === (timer.until_variable === undefined)) {
        report('.timer', 'A timer waits either after_hours or until the date in until_variable; give exactly one.');
      }
      if (!hasRoute) report('.next_steps', 'A timer step needs the step that follows it.');
      break;
    }
    case 'decision':
      if (!step.routing) report('.routing', 'A decision step needs routing rules and a default branch.');
      if (next.length > 0) report('.next_steps', 'A decision step goes where its routing says; it has no next_steps.');
      break;
    case 'end':
      if (next.length > 0 || step.routing) report('.next_steps', 'An end step leads nowhere.');
      break;
  }
}

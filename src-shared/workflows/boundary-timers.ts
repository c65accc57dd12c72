import { fail, ok, type Result } from '../core/result';
import type { StepDefinition, WorkflowDefinition } from './definition-schema';
import { stepOf } from './definition-graph';
import { Run, type EngineResult } from './engine-run';
import { checkCanWorkOn, unchanged } from './guards';
import { systemActor, type EngineOptions, type WorkflowInstance } from './instance';
import { addWorkingHours } from './working-calendar';

/**
 * Boundary timers (issue 19.5): a task or approval that waits too long is left and its token goes
 * to the step the timer names ("no answer from the supplier in 10 working days → chase"). Distinct
 * from SLA escalations, which act on the step and leave it where it is. The moment is fixed when
 * the step is entered (`boundaryAt`, in the step_entered event), so replay needs no calendar; it
 * fires once: the token is gone afterwards, and firing again changes nothing.
 */

const hourMs = 3_600_000;

/** When the step's boundary timer fires for a step entered at `enteredAt`; undefined without one. */
export function boundaryAt(definition: WorkflowDefinition, step: StepDefinition, enteredAt: string): string | undefined {
  const timer = step.boundary_timer;
  if (!timer) return undefined;
  const from = Date.parse(enteredAt);
  const calendar = timer.working_hours ? definition.working_calendar : undefined;
  return new Date(calendar ? addWorkingHours(calendar, from, timer.after_hours) : from + timer.after_hours * hourMs).toISOString();
}

/** The action a boundary timer's completion records (the step was left by its timer, not by a person). */
export const boundaryAction = 'boundary_timer';

/**
 * Fires the boundary timer of an active step whose moment has come (`timer_not_due` before): the
 * step is completed as `boundary_timer` and its token enters the timer's `go` step, in the same
 * branch. A token that has moved on, or has no boundary timer, is a no-op.
 */
export function fireBoundaryTimer(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  token: string,
  now: string,
  options: EngineOptions = {},
): Result<EngineResult> {
  const allowed = checkCanWorkOn(definition, instance, token);
  if (!allowed.ok) return allowed;
  const active = instance.activeSteps.find((step) => step.token === token);
  const step = active && stepOf(definition, active.stepId);
  const go = step?.boundary_timer?.go;
  if (!active?.boundaryAt || !step || go === undefined) return unchanged(instance);
  if (Date.parse(now) < Date.parse(active.boundaryAt)) return fail('timer_not_due', `The timer of "${step.name}" fires at ${active.boundaryAt}.`);
  const run = new Run(definition, instance, instance.id, now, systemActor, undefined, options);
  run.emit({ type: 'step_completed', token, stepId: active.stepId, action: boundaryAction, toSteps: [go] });
  run.cancelDeadlines(active);
  run.enter([{ stepId: go, forks: active.forks }]);
  return ok(run.result());
}

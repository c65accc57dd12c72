import { fail, ok, type Result } from '../core/result';
import { resolveAssignees } from './assignees';
import { fireBoundaryTimer } from './boundary-timers';
import type { WorkflowDefinition } from './definition-schema';
import { actionsOf, escalationRulesOf, stepOf } from './definition-graph';
import { deadlineKey, type ScheduledWork } from './effects';
import { Run, type EngineResult } from './engine-run';
import { checkCanChange, checkCanWorkOn, unchanged } from './guards';
import { isClosed, systemActor, type ActiveStep, type EngineOptions, type WorkflowInstance } from './instance';
import { escalationThresholds, slaViolation } from './sla';

/**
 * Time-driven work: timer steps, boundary timers of waiting steps (boundary-timers.ts), escalation thresholds and SLA breaches. `dueWork` derives all of it
 * from an instance (so the scheduler can rebuild its queue from data after a restart), and
 * `runDueWork` does one item. Each item fires at most once: a fired item is recorded in the
 * instance, and running it again returns the instance unchanged.
 */

/** Everything time-driven an instance waits for, each with a deterministic key. Empty once it has ended. */
export function dueWork(definition: WorkflowDefinition, instance: WorkflowInstance): ScheduledWork[] {
  if (isClosed(instance.status)) return [];
  const work: ScheduledWork[] = [];
  for (const step of instance.activeSteps) {
    const base = { instanceId: instance.id, token: step.token };
    if (step.wakeAt) work.push({ ...base, key: deadlineKey(step.token, 'timer'), at: step.wakeAt, kind: 'timer' });
    if (step.boundaryAt) work.push({ ...base, key: deadlineKey(step.token, 'boundary'), at: step.boundaryAt, kind: 'boundary' });
    if (step.dueAt && !step.isBreached) work.push({ ...base, key: deadlineKey(step.token, 'sla_breach'), at: step.dueAt, kind: 'sla_breach' });
    for (const { rule, at } of escalationThresholds(definition, step)) {
      if (!step.escalationsFired.includes(rule)) work.push({ ...base, key: deadlineKey(step.token, 'escalation', rule), at, kind: 'escalation', rule });
    }
  }
  return work.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Runs one scheduled item. Work for a token that has moved on is a no-op, not an error. */
export function runDueWork(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  work: Pick<ScheduledWork, 'kind' | 'token' | 'rule'>,
  now: string,
  options: EngineOptions = {},
): Result<EngineResult> {
  if (work.kind === 'timer') return fireTimer(definition, instance, work.token, now, options);
  if (work.kind === 'boundary') return fireBoundaryTimer(definition, instance, work.token, now, options);
  if (work.kind === 'sla_breach') return recordBreach(definition, instance, work.token, now);
  return escalate(definition, instance, work.token, work.rule ?? 0, now, options);
}

function findToken(instance: WorkflowInstance, token: string): ActiveStep | undefined {
  return instance.activeSteps.find((step) => step.token === token);
}

/** Fires a timer step whose time has come (`timer_not_due` before), and runs on from it. */
export function fireTimer(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  token: string,
  now: string,
  options: EngineOptions = {},
): Result<EngineResult> {
  const allowed = checkCanWorkOn(definition, instance, token);
  if (!allowed.ok) return allowed;
  const active = findToken(instance, token);
  const step = active && stepOf(definition, active.stepId);
  if (!active || !step || !active.wakeAt) return unchanged(instance);
  if (Date.parse(now) < Date.parse(active.wakeAt)) return fail('timer_not_due', `"${step.name}" waits until ${active.wakeAt}.`);
  const run = new Run(definition, instance, instance.id, now, systemActor, undefined, options);
  run.finish(active, step, 'timer_fired');
  return ok(run.result());
}

/** Records the SLA breach of an active step once, as the spec's SLAViolation, and tells its assignees. */
export function recordBreach(definition: WorkflowDefinition, instance: WorkflowInstance, token: string, now: string): Result<EngineResult> {
  const open = checkCanChange(definition, instance);
  if (!open.ok) return open;
  const active = findToken(instance, token);
  if (!active || !active.dueAt || active.isBreached) return unchanged(instance);
  if (Date.parse(now) < Date.parse(active.dueAt)) return fail('timer_not_due', `This step is due at ${active.dueAt}.`);
  const run = new Run(definition, instance, instance.id, now, systemActor, undefined, {});
  const violation = slaViolation(definition, instance, active, now);
  run.emit({ type: 'sla_breached', token, stepId: active.stepId, violation });
  run.notify(active.assignees, 'sla_breached', `"${violation.step_name}" is past its deadline.`, { stepId: active.stepId, token });
  return ok(run.result());
}

/**
 * Applies one escalation rule of an active step: notify someone, hand the step to someone, or take
 * the stated action on the assignees' behalf (an auto-approval decides the step whatever its quorum).
 */
export function escalate(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  token: string,
  rule: number,
  now: string,
  options: EngineOptions = {},
): Result<EngineResult> {
  const allowed = checkCanWorkOn(definition, instance, token);
  if (!allowed.ok) return allowed;
  const active = findToken(instance, token);
  const step = active && stepOf(definition, active.stepId);
  const escalation = active && escalationRulesOf(definition, active.stepId)[rule];
  if (!active || !step || !escalation || active.escalationsFired.includes(rule)) return unchanged(instance);
  const threshold = escalationThresholds(definition, active).find((t) => t.rule === rule);
  if (threshold && Date.parse(now) < Date.parse(threshold.at)) return fail('timer_not_due', `This escalation is due at ${threshold.at}.`);
  const target =
    escalation.to_type && escalation.to_value
      ? resolveAssignees(escalation.to_type, escalation.to_value, instance, active.stepId, options.resolveAssignees)
      : null;
  const run = new Run(definition, instance, instance.id, now, systemActor, undefined, options);
  const comments = escalation.comments === undefined ? {} : { comments: escalation.comments };
  run.emit({
    type: 'escalation_triggered',
    token,
    stepId: active.stepId,
    rule,
    escalation: escalation.action,
    ...(target ? { target } : {}),
    ...comments,
  });
  const about = { stepId: active.stepId, token };
  if (escalation.action === 'notify') {
    run.notify(target ?? active.assignees, 'escalation', `"${step.name}" needs attention: it is running late.`, about);
  } else if (escalation.action === 'reassign' && target) {
    run.emit({ type: 'step_reassigned', token, stepId: active.stepId, assignees: target, previous: active.assignees, ...comments });
    run.notify(target, 'step_assigned', `"${step.name}" was escalated to you.`, about);
  } else if (escalation.action === 'auto_act' && escalation.auto_action && actionsOf(step).includes(escalation.auto_action)) {
    const current = run.activeStep(token) as ActiveStep;
    run.finish(current, step, escalation.auto_action, comments);
  } else {
    run.raiseIncident(run.activeStep(token) as ActiveStep, 'no_assignee', `Escalation ${rule + 1} of "${step.name}" has no one to go to or nothing to do.`);
  }
  return ok(run.result());
}

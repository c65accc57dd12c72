import { fail, ok, type Result } from '../core/result';
import { isAssignee, refusalCode } from './assignees';
import { castVote } from './approvals';
import type { WorkflowDefinition } from './definition-schema';
import { actionsOf, stepOf } from './definition-graph';
import { Run, type EngineResult } from './engine-run';
import { checkRepeat, stampOf } from './command-fingerprint';
import { checkCanChange, checkNotStopped, diffVariables, stoppedBy, unchanged } from './guards';
import { openIncidents, type ActiveStep, type Actor, type AdvanceCommand, type EngineOptions, type WorkflowInstance } from './instance';
import { recordChangesFor, routingContext } from './record-binding';
import { checkStepForm } from './step-form-check';

/**
 * Advances an instance by one person's action on one of its active steps. Pure: returns the new
 * instance, the events to append and the effects to run, or a typed error and nothing changed.
 * A command id seen before returns the instance unchanged with no events.
 *
 * Errors: `instance_closed`, `instance_incident` (an open incident stopped that step; other
 * branches go on), `step_not_active` (no such active step, or a
 * step no person acts on), `not_your_step` / `not_your_role`, `unknown_action`,
 * `self_approval_not_allowed`, `duplicate_approver`, `signature_required`, `invalid_input` (a
 * step form's values: the field as `data.<key>`, every problem in `details`).
 *
 * A step with a form takes only its fields in `data`, sent to variables or record fields as the
 * form says; a step without one takes any variables.
 */
export function advance(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  command: AdvanceCommand,
  actor: Actor,
  now: string,
  options: EngineOptions = {},
): Result<EngineResult> {
  // The signature proves who acts (the runtime adds it, with the time); it is not part of what is asked.
  const stamp = stampOf('advance', { ...command, signature: undefined }, actor);
  const seen = checkRepeat(instance, stamp);
  if (!seen.ok) return seen;
  if (seen.value === 'repeat') return unchanged(instance);
  const open = checkCanChange(definition, instance);
  if (!open.ok) return open;
  const picked = pickStep(instance, command, actor);
  if (!picked.ok) {
    // Nothing to act on while an incident stops the instance's work: say that, not "no step waits".
    const stoppedAt = openIncidents(instance)[0];
    return picked.error.code === 'step_not_active' && command.stepId === undefined && stoppedAt ? stoppedBy(stoppedAt) : picked;
  }
  const active = picked.value;
  const stopped = checkNotStopped(instance, active.token);
  if (!stopped.ok) return stopped;
  const step = stepOf(definition, active.stepId);
  if (!step || (step.type !== 'task' && step.type !== 'approval') || active.isWaitingAtJoin) {
    return fail('step_not_active', `"${step?.name ?? active.stepId}" is not a step a person acts on.`, { field: 'stepId' });
  }
  const actions = actionsOf(step);
  if (!actions.includes(command.action)) {
    return fail('unknown_action', `"${step.name}" takes ${actions.map((a) => `"${a}"`).join(', ')}, not "${command.action}".`, { field: 'action' });
  }
  if (!isAssignee(actor, active.assignees)) {
    return fail(refusalCode(active.assignees), `"${step.name}" is assigned to ${describe(active)}, not to you.`);
  }
  const isDecision = step.type === 'approval' && (command.action === 'approve' || command.action === 'reject');
  if (isDecision) {
    if (actor.userId === instance.requestedBy && !step.approval?.allow_self_approval) {
      return fail('self_approval_not_allowed', 'You cannot decide on your own request.');
    }
    if (active.approval?.votes.some((vote) => vote.userId === actor.userId)) {
      return fail('duplicate_approver', `You have already decided on "${step.name}"; approvers must be different people.`);
    }
  }
  if (step.require_signature && !command.signature) {
    return fail('signature_required', `"${step.name}" needs your electronic signature.`, { field: 'signature' });
  }
  const record = options.record ?? instance.record;
  const form = step.form?.length
    ? checkStepForm(step.form, command.action, command.data, { context: routingContext({ variables: instance.variables, record }), ...(options.isPerson ? { isPerson: options.isPerson } : {}), ...(options.isAttachment ? { isAttachment: options.isAttachment } : {}) })
    : undefined;
  if (form && !form.ok) return form;
  const changes = diffVariables(instance.variables, form ? form.value.variables : command.data);
  if (!changes.ok) return changes;
  const recordChanges = form ? recordChangesFor(record, undefined, form.value.recordFields) : undefined;
  const extras = {
    ...(command.comments === undefined ? {} : { comments: command.comments }),
    ...(command.signature === undefined ? {} : { signature: command.signature }),
    ...(changes.value === undefined ? {} : { dataChanges: changes.value }),
    ...(recordChanges === undefined ? {} : { recordChanges }),
  };
  const run = new Run(definition, instance, instance.id, now, actor, stamp, options);
  if (isDecision) castVote(run, active, step, command.action as 'approve' | 'reject', extras);
  else run.finish(active, step, command.action, extras);
  return ok(run.result());
}

/**
 * The active step a command addresses: the one named by `stepId` (a step id or a token), or,
 * when none is named, the only one the actor may act on.
 */
export function pickStep(instance: WorkflowInstance, command: { stepId?: string }, actor: Actor): Result<ActiveStep> {
  const candidates = instance.activeSteps.filter((step) => !step.isWaitingAtJoin);
  if (command.stepId !== undefined) {
    const named = candidates.filter((step) => step.token === command.stepId || step.stepId === command.stepId);
    const mine = named.filter((step) => isAssignee(actor, step.assignees));
    const found = mine[0] ?? named[0];
    return found ? ok(found) : fail('step_not_active', `"${command.stepId}" is not an active step of this instance.`, { field: 'stepId' });
  }
  const mine = candidates.filter((step) => isAssignee(actor, step.assignees));
  if (mine.length === 1) return ok(mine[0] as ActiveStep);
  if (mine.length > 1) return fail('invalid_input', 'Several steps are waiting for you here; say which one.', { field: 'stepId' });
  const first = candidates.find((step) => step.assignees.users.length + step.assignees.roles.length > 0);
  if (!first) return fail('step_not_active', 'No step of this instance is waiting for a person.');
  return fail(refusalCode(first.assignees), `The active step is assigned to ${describe(first)}, not to you.`);
}

function describe(step: ActiveStep): string {
  const parts = [...step.assignees.roles.map((role) => `the ${role} role`), ...step.assignees.users.map((user) => `user ${user}`)];
  return parts.join(' or ') || 'nobody';
}

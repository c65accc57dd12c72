import { isAdmin } from '../people/roles';
import { fail, ok, type Result } from '../core/result';
import { isAssignee } from './assignees';
import type { AssigneeType, WorkflowDefinition } from './definition-schema';
import { stepOf } from './definition-graph';
import { Run, type EngineResult } from './engine-run';
import { checkRepeat, stampOf } from './command-fingerprint';
import { checkCanChange, checkNotStopped, unchanged } from './guards';
import { resolveAssignees } from './assignees';
import { isClosed, type Actor, type EngineOptions, type WorkflowInstance } from './instance';

/**
 * What people do to an instance besides acting on a step: cancel it, hand a step to someone else,
 * or leave a comment. Each is an event in the history; a repeated command id changes nothing.
 */

/**
 * Cancels a running instance (or one stopped by an incident). Allowed to an admin and to whoever
 * started or requested it (`forbidden` otherwise); `instance_closed` when it has already ended.
 */
export function cancel(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  command: { commandId: string; reason?: string },
  actor: Actor,
  now: string,
): Result<EngineResult> {
  const stamp = stampOf('cancel', command, actor);
  const seen = checkRepeat(instance, stamp);
  if (!seen.ok) return seen;
  if (seen.value === 'repeat') return unchanged(instance);
  const open = checkCanChange(definition, instance);
  if (!open.ok) return open;
  if (!isAdmin(actor.roles) && actor.userId !== instance.startedBy && actor.userId !== instance.requestedBy) {
    return fail('forbidden', 'Only an administrator or the person who started this instance can cancel it.');
  }
  const run = new Run(definition, instance, instance.id, now, actor, stamp, {});
  run.endInstance('cancelled', command.reason);
  return ok(run.result());
}

export interface ReassignCommand {
  commandId: string;
  /** The active step (step id or token). */
  stepId: string;
  to: { assignee_type: AssigneeType; assignee_value: string | string[] };
  reason?: string;
}

/**
 * Hands an active step to other people. Allowed to an admin and to the step's current assignees
 * (delegation). Votes already cast on an approval stay.
 */
export function reassign(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  command: ReassignCommand,
  actor: Actor,
  now: string,
  options: EngineOptions = {},
): Result<EngineResult> {
  const stamp = stampOf('reassign', command, actor);
  const seen = checkRepeat(instance, stamp);
  if (!seen.ok) return seen;
  if (seen.value === 'repeat') return unchanged(instance);
  const open = checkCanChange(definition, instance);
  if (!open.ok) return open;
  const active = instance.activeSteps.find((s) => (s.token === command.stepId || s.stepId === command.stepId) && !s.isWaitingAtJoin);
  const step = active && stepOf(definition, active.stepId);
  if (!active || !step || (step.type !== 'task' && step.type !== 'approval')) {
    return fail('step_not_active', `"${command.stepId}" is not an active step people work on.`, { field: 'stepId' });
  }
  const stopped = checkNotStopped(instance, active.token);
  if (!stopped.ok) return stopped;
  if (!isAdmin(actor.roles) && !isAssignee(actor, active.assignees)) {
    return fail('not_your_step', 'Only an administrator or the step’s assignees can hand it to someone else.');
  }
  const assignees = resolveAssignees(command.to.assignee_type, command.to.assignee_value, instance, active.stepId, options.resolveAssignees);
  if (!assignees) return fail('invalid_input', 'Nobody could be found to hand the step to.', { field: 'to' });
  const run = new Run(definition, instance, instance.id, now, actor, stamp, options);
  run.emit({
    type: 'step_reassigned',
    token: active.token,
    stepId: active.stepId,
    assignees,
    previous: active.assignees,
    ...(command.reason === undefined ? {} : { comments: command.reason }),
  });
  run.notify(assignees, 'step_assigned', `"${step.name}" was handed to you.`, { stepId: active.stepId, token: active.token });
  return ok(run.result());
}

/** Adds a comment to the history, on the instance or one of its steps. Allowed on closed instances too (a note after the fact). */
export function comment(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  command: { commandId: string; comments: string; stepId?: string },
  actor: Actor,
  now: string,
): Result<EngineResult> {
  const stamp = stampOf('comment', command, actor);
  const seen = checkRepeat(instance, stamp);
  if (!seen.ok) return seen;
  if (seen.value === 'repeat') return unchanged(instance);
  if (command.comments.trim() === '') return fail('invalid_input', 'Write a comment first.', { field: 'comments' });
  if (definition.workflow_code !== instance.workflowCode) return fail('invalid_input', 'This comment is for another workflow.');
  if (command.stepId !== undefined && !stepOf(definition, command.stepId) && !instance.activeSteps.some((s) => s.token === command.stepId)) {
    return fail('invalid_input', `"${command.stepId}" is not a step of this workflow.`, { field: 'stepId' });
  }
  const run = new Run(definition, instance, instance.id, now, actor, stamp, {});
  run.emit({ type: 'comment_added', comments: command.comments, ...(command.stepId === undefined ? {} : { stepId: command.stepId }) });
  return ok(run.result());
}

/** True when the instance can still change (for UIs deciding which buttons to show). */
export const isOpen = (instance: WorkflowInstance): boolean => !isClosed(instance.status);

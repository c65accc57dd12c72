import { fail, ok, type Result } from '../core/result';
import { advance } from '../workflows/advance';
import { boundaryAction, fireBoundaryTimer } from '../workflows/boundary-timers';
import type { WorkflowDefinition } from '../workflows/definition-schema';
import { escalate, fireTimer, recordBreach } from '../workflows/deadlines';
import { formDataOf } from '../workflows/form-replay';
import { directoryResolver, type DirectoryPerson } from '../workflows/directory';
import type { EngineResult } from '../workflows/engine-run';
import { resolveIncident } from '../workflows/incidents';
import { cancel, comment, reassign } from '../workflows/instance-actions';
import type { Actor, AssigneeResolver, Assignees, WorkflowInstance } from '../workflows/instance';
import { startInstance } from '../workflows/start';
import type { WorkflowEvent } from '../workflows/workflow-events';
import { isSameValue } from './conflicts';

/**
 * Replays a run of pushed workflow events through the engine (DESIGN.md §5): the server takes the
 * command the run's first event stands for (a vote, a completion, a timer, an escalation …),
 * asks the engine what it records for that command from the state before the run, and accepts
 * the run's events only as far as they are exactly what the engine records. So a forged follow-up
 * is refused — a step skipped to, a quorum counted as met after one vote, an escalation before its
 * time — and so is anything the engine itself refuses (self-approval, an ineligible approver).
 *
 * Assignees are resolved with the server's people directory. A step for "the requester's department
 * head" may have been resolved on a PC offline against an older directory, so there the recorded
 * assignees are taken when every one of them is an active department head (not the requester).
 */

export interface RunReplay {
  definition: WorkflowDefinition;
  /** The instance before the run; undefined for a start. */
  stateBefore: WorkflowInstance | undefined;
  /** The run's events, in order, the one being checked last. */
  run: readonly WorkflowEvent[];
  /** Who acts, with the roles the server holds for them (the system for system runs). */
  actor: Actor;
  /** The server's people; without it, assignees are resolved as the definition writes them. */
  directory?: ReadonlyMap<string, DirectoryPerson>;
}

/** Why the engine's record differs from the pushed one; `null` when the engine records the pushed events. */
export type ReplayOutcome = Result<{ engineEvents: number }>;

const dataOf = (event: WorkflowEvent): Record<string, unknown> | undefined =>
  event.dataChanges ? Object.fromEntries(Object.entries(event.dataChanges).map(([key, change]) => [key, change.to])) : undefined;

/** What the command carried besides its action: comments, signature, and its data (by step form field key when the step has a form: form-replay.ts). */
const extrasOf = (event: WorkflowEvent, data: Record<string, unknown> | undefined = dataOf(event)) => ({
  ...(event.comments === undefined ? {} : { comments: event.comments }),
  ...(event.signature === undefined ? {} : { signature: event.signature }),
  ...(data === undefined ? {} : { data }),
});

/** The assignees the pushed run recorded, per step, in the order the engine resolves them. */
function recordedAssignees(run: readonly WorkflowEvent[]): Map<string, Assignees[]> {
  const byStep = new Map<string, Assignees[]>();
  const add = (stepId: string | undefined, assignees: Assignees | undefined) => {
    if (stepId && assignees) byStep.set(stepId, [...(byStep.get(stepId) ?? []), assignees]);
  };
  run.forEach((event, i) => {
    if (event.type === 'step_entered') add(event.activeStep?.stepId, event.activeStep?.assignees);
    if (event.type === 'approval_level_passed') add(event.stepId, event.assignees);
    if (event.type === 'escalation_triggered') add(event.stepId, event.target);
    const previous = run[i - 1];
    if (event.type === 'step_reassigned' && previous?.type !== 'escalation_triggered') add(event.stepId, event.assignees);
  });
  return byStep;
}

const isDepartmentHeads = (assignees: Assignees, directory: ReadonlyMap<string, DirectoryPerson>, requester: string): boolean =>
  assignees.roles.every((role) => role === 'department_head') &&
  assignees.users.every((id) => id !== requester && directory.get(id)?.isActive === true && directory.get(id)?.roles.includes('department_head') === true);

function replayResolver(run: readonly WorkflowEvent[], directory: ReadonlyMap<string, DirectoryPerson> | undefined): AssigneeResolver | undefined {
  if (!directory) return undefined;
  const server = directoryResolver(directory);
  const recorded = recordedAssignees(run);
  return (request) => {
    const expected = server(request);
    const queue = recorded.get(request.stepId) ?? [];
    const pushed = queue.shift();
    if (!expected || !pushed || isSameValue(expected, pushed)) return expected;
    const names = Array.isArray(request.assigneeValue) ? request.assigneeValue : [request.assigneeValue];
    const dependsOnDirectory = request.assigneeType === 'variable' && names.includes('requester_department_head');
    return dependsOnDirectory && isDepartmentHeads(pushed, directory, request.instance.requestedBy) ? pushed : expected;
  };
}

function withoutFingerprints(instance: WorkflowInstance): WorkflowInstance {
  const { commandFingerprints: _clientsOwn, ...rest } = instance;
  return rest;
}

/** The engine call the run's first event stands for, or null when it is not a command the engine replays (e.g. a migration). */
function engineCall(input: RunReplay): Result<EngineResult> | null {
  const { definition, actor } = input;
  // The server judges a run as it did before fingerprints (command-fingerprint.ts): they are the
  // client's record of its own requests, pushed with its events, and cannot be checked here.
  const state = input.stateBefore && withoutFingerprints(input.stateBefore);
  const first = input.run[0] as WorkflowEvent;
  const resolver = replayResolver(input.run, input.directory);
  // A workflow about a record reads the record its run saw: recorded on the run's first event when it changed, else the instance's copy.
  const record = first.record ?? state?.record;
  const options = { ...(resolver ? { resolveAssignees: resolver } : {}), ...(record ? { record } : {}) };
  const commandId = first.commandId ?? '';
  if (first.type === 'instance_started') {
    const input = { entityType: first.entityType, entityId: first.entityId, variables: first.variables, requestedBy: first.requestedBy, ...(first.commandId ? { commandId } : {}) };
    return startInstance({ ...definition, status: 'published' }, input, actor, first.at, () => first.instanceId, options);
  }
  if (!state) return null;
  switch (first.type) {
    case 'vote_recorded':
      return advance(definition, state, { commandId, action: first.vote.decision, stepId: first.token, ...extrasOf(first, formDataOf(definition, state, first) ?? dataOf(first)) }, actor, first.at, options);
    case 'step_completed':
      if (actor.userId === 'system') {
        return first.action === boundaryAction ? fireBoundaryTimer(definition, state, first.token, first.at, options) : fireTimer(definition, state, first.token, first.at, options);
      }
      return advance(definition, state, { commandId, action: String(first.action), stepId: first.token, ...extrasOf(first, formDataOf(definition, state, first) ?? dataOf(first)) }, actor, first.at, options);
    case 'escalation_triggered':
      return escalate(definition, state, first.token, first.rule, first.at, options);
    case 'sla_breached':
      return recordBreach(definition, state, first.token, first.at);
    case 'incident_resolved':
      return resolveIncident(definition, state, { commandId, incident: first.token, ...(first.toSteps?.[0] ? { goTo: first.toSteps[0] } : {}), ...extrasOf(first) }, actor, first.at, options);
    case 'instance_ended':
      return first.status === 'cancelled' ? cancel(definition, state, { commandId, ...(first.comments === undefined ? {} : { reason: first.comments }) }, actor, first.at) : null;
    case 'comment_added':
      return comment(definition, state, { commandId, comments: first.comments ?? '', ...(first.stepId === undefined ? {} : { stepId: first.stepId }) }, actor, first.at);
    case 'step_reassigned': {
      const { users, roles } = first.assignees;
      if (users.length > 0 && roles.length > 0) return null;
      const to = users.length > 0 ? { assignee_type: 'user' as const, assignee_value: users } : { assignee_type: 'role' as const, assignee_value: roles };
      return reassign(definition, state, { commandId, stepId: first.token, to, ...(first.comments === undefined ? {} : { reason: first.comments }) }, actor, first.at, options);
    }
    default:
      return null;
  }
}

/**
 * An event without what may differ between PCs and the server: the names shown with it, and the
 * command's fingerprint — a digest of the request as the client sent it, which the server rebuilds
 * only from the events and so cannot reproduce. It only decides whether that client's own later
 * reuse of the id is a retry (command-fingerprint.ts), so taking it as pushed grants nothing.
 */
function comparable(event: WorkflowEvent): unknown {
  const { actor, signature, commandFingerprint: _clientsOwn, ...rest } = event;
  return { ...rest, actor: { userId: actor.userId }, ...(signature ? { signature: { ...signature, signerName: '' } } : {}) };
}

const describe = (event: WorkflowEvent) => event.type.replace(/_/g, ' ');

/**
 * Checks the run against the engine. Ok with how many events the engine records for the run's
 * command (fewer than the run has means the run's later events belong to a new run); refused with
 * the engine's own error when the engine refuses the command, or when an event differs.
 */
export function replayRun(input: RunReplay): ReplayOutcome {
  const call = engineCall(input);
  if (call === null) return ok({ engineEvents: input.run.length });
  if (!call.ok) return call;
  const engine = call.value.events;
  const checked = Math.min(engine.length, input.run.length);
  for (let i = 0; i < checked; i++) {
    const pushed = input.run[i] as WorkflowEvent;
    if (!isSameValue(comparable(engine[i] as WorkflowEvent), comparable(pushed))) {
      return fail('invalid_input', `This ${describe(pushed)} is not what the workflow engine records at this point (it records a ${describe(engine[i] as WorkflowEvent)}): the workflow would not move this way.`);
    }
  }
  if (engine.length === 0 && input.run.length > 0) return fail('invalid_input', `The workflow engine records nothing for this ${describe(input.run[0] as WorkflowEvent)}: it has happened already or cannot happen now.`);
  return ok({ engineEvents: engine.length });
}

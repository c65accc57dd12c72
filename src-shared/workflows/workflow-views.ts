import { roleLabel } from '../people/role-label';
import { isAdmin } from '../people/roles';
import { recordKindLabel } from '../records/record-labels';
import { recordKindOf } from '../records/record-kinds';
import { isAssignee } from './assignees';
import { boundaryAction } from './boundary-timers';
import type { WorkflowDefinition } from './definition-schema';
import { actionsOf, approvalLevelsOf, stepOf } from './definition-graph';
import { isClosed, openIncidents, type ActiveStep, type Actor, type Assignees, type Incident, type WorkflowInstance } from './instance';
import { signatureActionsOf } from './signature-policy';
import { slaState, type SlaState } from './sla';
import type { ActiveStepView, AssigneesView, AvailableActionView, IncidentView, InstanceSummaryView, MyWorkItemView, PersonRef, TimelineEntryView } from './workflow-contract';
import type { WorkflowEvent } from './workflow-events';

/** Pure mappings from stored workflow state to the contract's views. `nameOf` looks people up in the directory. */

export type NameOf = (personId: string) => string | undefined;

export const personRef = (nameOf: NameOf, id: string): PersonRef => ({ id, name: id === 'system' ? 'LabFlow' : (nameOf(id) ?? id) });

const slaRank: Record<SlaState, number> = { no_sla: 0, on_track: 1, at_risk: 2, breached: 3 };

const assigneesView = (nameOf: NameOf, assignees: Assignees): AssigneesView => ({ users: assignees.users.map((id) => personRef(nameOf, id)), roles: assignees.roles });

function stepSla(step: ActiveStep, now: string): SlaState {
  return step.isBreached ? 'breached' : slaState(step, now);
}

export function activeStepView(definition: WorkflowDefinition, step: ActiveStep, nameOf: NameOf, now: string): ActiveStepView {
  const defined = stepOf(definition, step.stepId);
  const view: ActiveStepView = {
    token: step.token,
    stepId: step.stepId,
    stepName: defined?.name ?? step.stepId,
    stepType: defined?.type ?? 'task',
    enteredAt: step.enteredAt,
    assignees: assigneesView(nameOf, step.assignees),
    slaState: stepSla(step, now),
    isBreached: step.isBreached,
    isWaitingAtJoin: step.isWaitingAtJoin === true,
    ...(step.dueAt ? { dueAt: step.dueAt } : {}),
    ...(step.atRiskAt ? { atRiskAt: step.atRiskAt } : {}),
    ...(step.wakeAt ? { wakeAt: step.wakeAt } : {}),
    ...(step.boundaryAt && defined?.boundary_timer ? { movesOn: { at: step.boundaryAt, toStepName: stepOf(definition, defined.boundary_timer.go)?.name ?? defined.boundary_timer.go } } : {}),
  };
  if (step.approval && defined) {
    const levels = approvalLevelsOf(defined);
    const votes = step.approval.votes.filter((v) => v.level === step.approval?.level);
    const rejections = votes.filter((v) => v.decision === 'reject').length;
    const levelName = levels[step.approval.level]?.name;
    view.approval = {
      level: step.approval.level,
      levelCount: levels.length,
      required: step.approval.required,
      approvals: votes.length - rejections,
      rejections,
      ...(levelName ? { levelName } : {}),
    };
  }
  return view;
}

export function instanceSummary(instance: WorkflowInstance, definition: WorkflowDefinition, definitionId: string, nameOf: NameOf, now: string): InstanceSummaryView {
  const activeSteps = isClosed(instance.status) ? [] : instance.activeSteps.map((step) => activeStepView(definition, step, nameOf, now));
  const worst = activeSteps.reduce<SlaState>((acc, step) => (slaRank[step.slaState] > slaRank[acc] ? step.slaState : acc), 'no_sla');
  return {
    id: instance.id,
    code: instance.workflowCode,
    workflowName: definition.name,
    definitionId,
    definitionVersion: instance.definitionVersion,
    entityType: instance.entityType,
    entityId: instance.entityId,
    status: instance.status,
    slaState: worst,
    activeSteps,
    variables: instance.variables,
    startedAt: instance.startedAt,
    startedBy: personRef(nameOf, instance.startedBy),
    requestedBy: personRef(nameOf, instance.requestedBy),
    updatedAt: instance.updatedAt,
    ...(instance.endedAt ? { endedAt: instance.endedAt } : {}),
    ...(instance.incident
      ? { incident: { stepId: instance.incident.stepId, reason: instance.incident.reason, message: instance.incident.message, at: instance.incident.at } }
      : {}),
    ...(instance.incident ? { incidents: openIncidents(instance).map((incident) => incidentView(definition, incident)) } : {}),
  };
}

const incidentView = (definition: WorkflowDefinition, incident: Incident): IncidentView => ({
  token: incident.token,
  stepId: incident.stepId,
  stepName: stepOf(definition, incident.stepId)?.name ?? incident.stepId,
  reason: incident.reason,
  message: incident.message,
  at: incident.at,
});

/** Whether an open incident stopped this step (nobody acts on it until an administrator resolves it). */
const isStopped = (instance: WorkflowInstance, token: string): boolean => openIncidents(instance).some((incident) => incident.token === token);

/** What the actor may do on each active step they are assigned to. */
export function availableActions(definition: WorkflowDefinition, instance: WorkflowInstance, actor: Actor): AvailableActionView[] {
  if (isClosed(instance.status)) return [];
  return instance.activeSteps.flatMap((step) => {
    const defined = stepOf(definition, step.stepId);
    if (!defined || isStopped(instance, step.token) || step.isWaitingAtJoin || (defined.type !== 'task' && defined.type !== 'approval') || !isAssignee(actor, step.assignees)) return [];
    if (defined.type === 'approval' && step.approval?.votes.some((v) => v.userId === actor.userId)) return [];
    let actions = actionsOf(defined);
    if (defined.type === 'approval' && actor.userId === instance.requestedBy && !defined.approval?.allow_self_approval) {
      actions = actions.filter((a) => a !== 'approve' && a !== 'reject');
    }
    if (actions.length === 0) return [];
    return [{ token: step.token, stepId: step.stepId, stepName: defined.name, actions, signatureActions: signatureActionsOf(defined, actions), form: defined.form ?? [] }];
  });
}

export const canCancel = (instance: WorkflowInstance, actor: Actor): boolean =>
  !isClosed(instance.status) && (isAdmin(actor.roles) || actor.userId === instance.startedBy || actor.userId === instance.requestedBy);

export const canReassign = (instance: WorkflowInstance, actor: Actor): boolean =>
  !isClosed(instance.status) && (isAdmin(actor.roles) || instance.activeSteps.some((s) => !isStopped(instance, s.token) && isAssignee(actor, s.assignees)));

/** The active steps waiting for the actor, most urgent first (overdue, then by due time, then oldest). */
export function myWorkItems(definition: WorkflowDefinition, instance: WorkflowInstance, actor: Actor, nameOf: NameOf, now: string): MyWorkItemView[] {
  return availableActions(definition, instance, actor).map((available) => {
    const step = instance.activeSteps.find((s) => s.token === available.token) as ActiveStep;
    const state = stepSla(step, now);
    return {
      instanceId: instance.id,
      code: instance.workflowCode,
      workflowName: definition.name,
      entityType: instance.entityType,
      entityId: instance.entityId,
      token: step.token,
      stepId: step.stepId,
      stepName: available.stepName,
      stepType: stepOf(definition, step.stepId)?.type ?? 'task',
      enteredAt: step.enteredAt,
      slaState: state,
      isOverdue: state === 'breached',
      assignedVia: step.assignees.users.includes(actor.userId) ? 'user' : 'role',
      actions: available.actions,
      signatureActions: available.signatureActions,
      form: available.form,
      requestedBy: personRef(nameOf, instance.requestedBy),
      ...(step.dueAt ? { dueAt: step.dueAt } : {}),
    };
  });
}

export function compareWork(a: MyWorkItemView, b: MyWorkItemView): number {
  if (a.isOverdue !== b.isOverdue) return a.isOverdue ? -1 : 1;
  const dueA = a.dueAt ?? '\uffff';
  const dueB = b.dueAt ?? '\uffff';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.enteredAt < b.enteredAt ? -1 : a.enteredAt > b.enteredAt ? 1 : 0;
}

const describeAssignees = (nameOf: NameOf, assignees: Assignees): string =>
  [...assignees.users.map((id) => personRef(nameOf, id).name), ...assignees.roles.map((role) => `role ${roleLabel(role)}`)].join(', ') || 'nobody';

/** The record a run started for, as people name it ("Leave request LR-2026-0001"); the kind and id when it is no declared kind. */
function startedFor(event: WorkflowEvent & { type: 'instance_started' }): string {
  const kind = recordKindOf(event.entityType);
  const name = [event.record?.number, event.record?.title].find((v): v is string => typeof v === 'string' && v !== '');
  return kind && name ? `${kind.label} ${name}` : `${recordKindLabel(event.entityType)} ${event.entityId}`;
}

/** What an event did to its record, as a clause after the event's line ("; the leave request is now Approved"). */
function recordMove(event: WorkflowEvent, definition: WorkflowDefinition): string {
  const to = event.recordChanges?.status?.to;
  const kind = recordKindOf(definition.record_kind);
  if (!to || !kind) return '';
  return `; the ${kind.label.toLowerCase()} is now ${kind.statuses.find((s) => s.id === to)?.label ?? to}`;
}

/** One readable line per event for the history. */
export function eventSummary(event: WorkflowEvent, definition: WorkflowDefinition, nameOf: NameOf): string {
  return eventLine(event, definition, nameOf) + recordMove(event, definition);
}

function eventLine(event: WorkflowEvent, definition: WorkflowDefinition, nameOf: NameOf): string {
  const who = personRef(nameOf, event.actor.userId).name;
  const step = event.stepId ? (stepOf(definition, event.stepId)?.name ?? event.stepId) : '';
  switch (event.type) {
    case 'instance_started':
      return `${who} started ${definition.name} for ${startedFor(event)}`;
    case 'step_entered':
      return `${step} started${event.activeStep.assignees.users.length + event.activeStep.assignees.roles.length > 0 ? `, waiting for ${describeAssignees(nameOf, event.activeStep.assignees)}` : ''}`;
    case 'vote_recorded':
      return `${who} ${event.vote.decision === 'approve' ? 'approved' : 'rejected'} ${step}`;
    case 'approval_level_passed':
      return `${step}: level ${event.approval.level} passed, now waiting for ${describeAssignees(nameOf, event.assignees)}`;
    case 'step_completed':
      if (event.action === boundaryAction) return `Nobody acted on ${step} in time: it moved on to ${stepOf(definition, event.toSteps?.[0] ?? '')?.name ?? event.toSteps?.[0] ?? ''}`;
      return event.actor.userId === 'system' ? `${step} finished (${event.action ?? 'done'})` : `${who} finished ${step} with "${event.action ?? 'complete'}"`;
    case 'instance_ended':
      return `The workflow ${event.status === 'completed' ? 'completed' : event.status === 'rejected' ? 'ended as rejected' : `was cancelled by ${who}`}`;
    case 'incident_raised':
      return `Stopped at ${step}: ${event.incident.message}`;
    case 'incident_resolved':
      return `${who} resolved the incident at ${step}`;
    case 'step_reassigned':
      return `${step} was handed to ${describeAssignees(nameOf, event.assignees)}${event.actor.userId === 'system' ? ' (escalation)' : ` by ${who}`}`;
    case 'comment_added':
      return `${who} commented${step ? ` on ${step}` : ''}`;
    case 'escalation_triggered':
      return `${step} escalated (${event.escalation})`;
    case 'sla_breached':
      return `${step} is past its deadline (${event.violation.expected_completion_time})`;
    case 'instance_migrated':
      return `${who} moved the instance from version ${event.fromVersion} to ${event.toVersion}`;
  }
}

export function timelineEntry(event: WorkflowEvent, definition: WorkflowDefinition, nameOf: NameOf): TimelineEntryView {
  const stepName = event.stepId ? stepOf(definition, event.stepId)?.name : undefined;
  return {
    id: event.id,
    seq: event.seq,
    type: event.type,
    at: event.at,
    actor: personRef(nameOf, event.actor.userId),
    summary: eventSummary(event, definition, nameOf),
    ...(event.stepId ? { stepId: event.stepId } : {}),
    ...(stepName ? { stepName } : {}),
    ...(event.toSteps ? { toSteps: event.toSteps } : {}),
    ...(event.action ? { action: event.action } : {}),
    ...(event.comments ? { comments: event.comments } : {}),
    ...(event.dataChanges ? { dataChanges: event.dataChanges } : {}),
    ...(event.signature ? { signature: { meaning: event.signature.meaning, signerName: event.signature.signerName, signedAt: event.signature.signedAt } } : {}),
  };
}

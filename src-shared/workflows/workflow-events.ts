import type { EscalationAction } from './definition-schema';
import { applyRecordChanges, type RecordChanges, type RecordSnapshot } from './record-binding';
import { openIncidents, type ActiveStep, type ApprovalProgress, type Assignees, type Incident, type Signature, type Vote, type WorkflowInstance } from './instance';
import type { SlaViolation } from './sla';

/**
 * Workflow events: the append-only history of an instance and its audit trail. Each event says who,
 * when, from which step, to which steps, with which action, comments, data changes and signature, and
 * carries the state change it stands for, so `applyEvent` needs neither the definition nor a resolver.
 * The engine changes an instance only by applying the events it emits; replaying them gives the
 * same state.
 */

export type DataChanges = Record<string, { from: unknown; to: unknown }>;

interface EventBase {
  /** `<instanceId>-<seq, six digits>`: deterministic, so two PCs applying the same step collide instead of both appending. */
  id: string;
  instanceId: string;
  seq: number;
  at: string;
  actor: { userId: string; name?: string };
  commandId?: string;
  /** What the command asked for (command-fingerprint.ts); absent on events written before it was recorded. */
  commandFingerprint?: string;
  /** The step the event is about (the step left, for completions). */
  stepId?: string;
  toSteps?: string[];
  action?: string;
  comments?: string;
  dataChanges?: DataChanges;
  signature?: Signature;
  /** The record as the run saw it when it began, on the run's first event when it differs from the instance's copy (record-binding.ts). */
  record?: RecordSnapshot;
  /** What the event changes on the record; the runtime writes it in the same command. */
  recordChanges?: RecordChanges;
}

export type WorkflowEvent = EventBase &
  (
    | {
        type: 'instance_started';
        workflowCode: string;
        definitionVersion: number;
        entityType: string;
        entityId: string;
        variables: Record<string, unknown>;
        requestedBy: string;
      }
    | { type: 'step_entered'; activeStep: ActiveStep }
    | { type: 'vote_recorded'; token: string; vote: Vote }
    | { type: 'approval_level_passed'; token: string; approval: ApprovalProgress; assignees: Assignees }
    /** Removes the token (and, for a join, every branch token it gathers). */
    | { type: 'step_completed'; token: string; consumedTokens?: string[]; rule?: number | 'default' }
    | { type: 'instance_ended'; status: 'completed' | 'rejected' | 'cancelled' }
    /**
     * `keepsOthers`: raised while other incidents are open, by an engine that keeps each with its
     * step (issue 19.1): it joins them. Without it, it replaces the open incident: the same when
     * none is open, and what events written before did, so an old history replays to the very
     * state it had (and a lone incident's event is what it always was).
     */
    | { type: 'incident_raised'; incident: Incident; keepsOthers?: true }
    | { type: 'incident_resolved'; token: string }
    | { type: 'step_reassigned'; token: string; assignees: Assignees; previous: Assignees }
    | { type: 'comment_added' }
    | { type: 'escalation_triggered'; token: string; rule: number; escalation: EscalationAction; target?: Assignees }
    | { type: 'sla_breached'; token: string; violation: SlaViolation }
    | { type: 'instance_migrated'; fromVersion: number; toVersion: number; moves: { token: string; from: string; to: string }[] }
  );

export type WorkflowEventType = WorkflowEvent['type'];

/** Distributes over the union so each event keeps its own fields when the base is left out. */
type WithoutBase<E> = E extends unknown ? Omit<E, 'id' | 'instanceId' | 'seq' | 'at' | 'actor' | 'commandId' | 'commandFingerprint'> : never;
export type EventDraft = WithoutBase<WorkflowEvent>;

export const eventId = (instanceId: string, seq: number): string => `${instanceId}-${String(seq).padStart(6, '0')}`;

const mapStep = (instance: WorkflowInstance, token: string, change: (step: ActiveStep) => ActiveStep): ActiveStep[] =>
  instance.activeSteps.map((step) => (step.token === token ? change(step) : step));

/** The instance with these incidents open, oldest first, in `incident` and `otherIncidents`. */
function withIncidents(instance: WorkflowInstance, open: readonly Incident[]): WorkflowInstance {
  const { incident: _oldest, otherIncidents: _others, ...rest } = instance;
  const [oldest, ...others] = open;
  return { ...rest, ...(oldest ? { incident: oldest } : {}), ...(others.length > 0 ? { otherIncidents: others } : {}) };
}

/**
 * The state after one event. Pure and total over well-formed events: it never consults the
 * definition, so a history replays identically even after the definition has a newer version.
 */
export function applyEvent(instance: WorkflowInstance | undefined, event: WorkflowEvent): WorkflowInstance {
  if (event.type === 'instance_started') {
    return {
      id: event.instanceId,
      workflowCode: event.workflowCode,
      definitionVersion: event.definitionVersion,
      entityType: event.entityType,
      entityId: event.entityId,
      status: 'running',
      variables: { ...event.variables },
      ...(event.record ? { record: { ...event.record } } : {}),
      activeSteps: [],
      startedBy: event.actor.userId,
      requestedBy: event.requestedBy,
      startedAt: event.at,
      updatedAt: event.at,
      processedCommandIds: event.commandId ? [event.commandId] : [],
      ...(event.commandId && event.commandFingerprint ? { commandFingerprints: { [event.commandId]: event.commandFingerprint } } : {}),
      eventCount: 1,
      tokenCount: 0,
    };
  }
  if (!instance) throw new Error(`Event ${event.id} (${event.type}) comes before the instance started.`);
  let next: WorkflowInstance = { ...instance, eventCount: instance.eventCount + 1, updatedAt: event.at };
  if (event.commandId && !next.processedCommandIds.includes(event.commandId)) {
    next.processedCommandIds = [...next.processedCommandIds, event.commandId];
  }
  if (event.commandId && event.commandFingerprint && next.commandFingerprints?.[event.commandId] !== event.commandFingerprint) {
    next.commandFingerprints = { ...next.commandFingerprints, [event.commandId]: event.commandFingerprint };
  }
  if (event.dataChanges) {
    const variables = { ...next.variables };
    for (const [key, change] of Object.entries(event.dataChanges)) {
      if (change.to === undefined) delete variables[key];
      else variables[key] = change.to;
    }
    next.variables = variables;
  }
  if (event.record) next.record = { ...event.record };
  if (event.recordChanges && next.record) next.record = applyRecordChanges(next.record, event.recordChanges);
  switch (event.type) {
    case 'step_entered':
      next.activeSteps = [...next.activeSteps, event.activeStep];
      next.tokenCount += 1;
      break;
    case 'vote_recorded':
      next.activeSteps = mapStep(next, event.token, (step) =>
        step.approval ? { ...step, approval: { ...step.approval, votes: [...step.approval.votes, event.vote] } } : step,
      );
      break;
    case 'approval_level_passed':
      next.activeSteps = mapStep(next, event.token, (step) => ({ ...step, approval: event.approval, assignees: event.assignees }));
      break;
    case 'step_completed': {
      const gone = new Set([event.token, ...(event.consumedTokens ?? [])]);
      next.activeSteps = next.activeSteps.filter((step) => !gone.has(step.token));
      break;
    }
    case 'instance_ended':
      next = withIncidents({ ...next, status: event.status, activeSteps: [], endedAt: event.at }, []);
      break;
    case 'incident_raised':
      next = withIncidents({ ...next, status: 'incident' }, event.keepsOthers ? [...openIncidents(next), event.incident] : [event.incident]);
      break;
    case 'incident_resolved': {
      const open = openIncidents(next).filter((incident) => incident.token !== event.token);
      next = withIncidents({ ...next, status: open.length > 0 ? 'incident' : 'running' }, open);
      break;
    }
    case 'step_reassigned':
      next.activeSteps = mapStep(next, event.token, (step) => ({ ...step, assignees: event.assignees }));
      break;
    case 'escalation_triggered':
      next.activeSteps = mapStep(next, event.token, (step) => ({ ...step, escalationsFired: [...step.escalationsFired, event.rule] }));
      break;
    case 'sla_breached':
      next.activeSteps = mapStep(next, event.token, (step) => ({ ...step, isBreached: true }));
      break;
    case 'instance_migrated': {
      const moves = new Map(event.moves.map((move) => [move.token, move.to]));
      next.definitionVersion = event.toVersion;
      next.activeSteps = next.activeSteps.map((step) => {
        const to = moves.get(step.token);
        return to === undefined ? step : { ...step, stepId: to };
      });
      break;
    }
    case 'comment_added':
      break;
  }
  return next;
}

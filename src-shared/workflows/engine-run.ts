import { resolveAssignees } from './assignees';
import { boundaryAt } from './boundary-timers';
import { levelProgress } from './approvals';
import type { StepDefinition, WorkflowDefinition } from './definition-schema';
import { approvalLevelsOf, routeOf, stepOf, type Route } from './definition-graph';
import { deadlineKey, deadlineKeysOf, type NotifyReason, type WorkflowEffect } from './effects';
import type { CommandStamp } from './command-fingerprint';
import { isSameJson } from './guards';
import { isClosed, openIncidents, type ActiveStep, type Actor, type Assignees, type EngineOptions, type ForkFrame, type Incident, type Signature, type WorkflowInstance } from './instance';
import { applyRecordChanges, mergeRecordChanges, recordChangesFor, routingContext, type RecordChanges, type RecordSnapshot } from './record-binding';
import { readVariable } from './routing-rules';
import { escalationThresholds, stepDeadlines } from './sla';
import { applyEvent, eventId, type DataChanges, type EventDraft, type WorkflowEvent } from './workflow-events';

/**
 * One engine run: the instance as a draft that changes only by emitting events, the events and
 * effects gathered so far, and the step-entry machinery that runs automatic steps (notify, parallel,
 * join, decision, end, due timers) until the instance rests on people or timers.
 */

export interface EngineResult {
  instance: WorkflowInstance;
  events: WorkflowEvent[];
  effects: WorkflowEffect[];
}

interface Target {
  stepId: string;
  forks: ForkFrame[];
}

export interface ActionExtras {
  comments?: string;
  signature?: Signature;
  dataChanges?: DataChanges;
  /** Record fields a step form sets (record-binding.ts). */
  recordChanges?: RecordChanges;
}

/** Automatic steps one run may pass through before it decides the definition loops without a person. */
const maxAutomaticSteps = 1000;
const adminRecipients: Assignees = { users: [], roles: ['admin'] };

export class Run {
  readonly events: WorkflowEvent[] = [];
  readonly effects: WorkflowEffect[] = [];
  private entered = 0;
  /** The record as the runtime read it for this run; recorded in the first event when the instance's copy differs. */
  private observed: RecordSnapshot | undefined;

  constructor(
    readonly definition: WorkflowDefinition,
    private draft: WorkflowInstance | undefined,
    private readonly instanceId: string,
    readonly now: string,
    readonly actor: Actor,
    /** The command this run carries out; its id and fingerprint go on every event. */
    private readonly command: CommandStamp | undefined,
    private readonly options: EngineOptions,
  ) {
    this.observed = options.record;
  }

  get state(): WorkflowInstance {
    if (!this.draft) throw new Error('The run has no instance yet: emit instance_started first.');
    return this.draft;
  }

  result(): EngineResult {
    return { instance: this.state, events: this.events, effects: this.effects };
  }

  emit(draft: EventDraft): WorkflowEvent {
    const seq = this.draft?.eventCount ?? 0;
    const actor = this.actor.name === undefined ? { userId: this.actor.userId } : { userId: this.actor.userId, name: this.actor.name };
    const record = this.takeObserved();
    // The spread of a union member plus the base fields is that member; TypeScript cannot see it through the spread.
    const event = {
      id: eventId(this.instanceId, seq),
      instanceId: this.instanceId,
      seq,
      at: this.now,
      actor,
      ...(this.command === undefined ? {} : { commandId: this.command.id, commandFingerprint: this.command.fingerprint }),
      ...(record === undefined ? {} : { record }),
      ...draft,
    } as WorkflowEvent;
    this.draft = applyEvent(this.draft, event);
    this.events.push(event);
    return event;
  }

  /** The record read for this run, once, when it differs from the instance's copy (a start carries its own). */
  private takeObserved(): RecordSnapshot | undefined {
    const observed = this.observed;
    this.observed = undefined;
    if (observed === undefined || !this.draft || isSameJson(this.draft.record, observed)) return undefined;
    return observed;
  }

  /** The record as it is about to be: the instance's copy, or the fresher one read for this run. */
  get record(): RecordSnapshot | undefined {
    return this.observed ?? this.draft?.record;
  }

  /** What routing and assignee rules read now. */
  get context(): Readonly<Record<string, unknown>> {
    return routingContext({ variables: this.state.variables, record: this.record });
  }

  notify(recipients: Assignees, reason: NotifyReason, message: string, about: { stepId?: string; token?: string }): void {
    const last = this.events[this.events.length - 1];
    const key = `${last?.id ?? this.instanceId}:notify${this.effects.filter((e) => e.type === 'notify').length}`;
    this.effects.push({ type: 'notify', key, instanceId: this.instanceId, recipients, reason, message, ...about });
  }

  activeStep(token: string): ActiveStep | undefined {
    return this.state.activeSteps.find((step) => step.token === token);
  }

  /** Enters the targets and runs every automatic step that follows, breadth first. */
  enter(targets: Target[]): void {
    const queue = [...targets];
    for (let index = 0; index < queue.length && !isClosed(this.state.status); index++) {
      const target = queue[index] as Target;
      if (++this.entered > maxAutomaticSteps) {
        const token = this.emitEntered(target, { users: [], roles: [] });
        this.raiseIncident(token, 'automatic_loop', `More than ${maxAutomaticSteps} steps ran without a person; the definition loops.`);
        return;
      }
      queue.push(...this.enterOne(target));
    }
  }

  /**
   * Completes a step with an action and enters what follows. The step's `record_effects` for the
   * action change the record with the completion; routing already reads the record as it will be.
   */
  finish(active: ActiveStep, step: StepDefinition, action: string, extras: ActionExtras = {}): void {
    const before = this.record && extras.recordChanges ? applyRecordChanges(this.record, extras.recordChanges) : this.record;
    const outcome = recordChangesFor(before, step.record_effects?.[action]);
    const after = before && outcome ? applyRecordChanges(before, outcome) : before;
    const context = routingContext({ variables: withChanges(this.state.variables, extras.dataChanges), record: after });
    this.enter(this.complete(active, step, action, routeOf(step, action, context), extras, outcome));
  }

  raiseIncident(active: ActiveStep, reason: Incident['reason'], message: string, extras: ActionExtras = {}): void {
    const incident: Incident = { token: active.token, stepId: active.stepId, reason, message, at: this.now };
    // Marked only when it joins others: a lone incident's event stays as it always was (workflow-events.ts).
    const keepsOthers = openIncidents(this.state).length > 0 ? { keepsOthers: true as const } : {};
    this.emit({ type: 'incident_raised', incident, ...keepsOthers, stepId: active.stepId, ...extras });
    this.notify(adminRecipients, 'incident', message, { stepId: active.stepId, token: active.token });
  }

  endInstance(status: 'completed' | 'rejected' | 'cancelled', comments?: string): void {
    for (const step of this.state.activeSteps) this.cancelDeadlines(step);
    this.emit({ type: 'instance_ended', status, ...(comments === undefined ? {} : { comments }) });
  }

  cancelDeadlines(active: ActiveStep): void {
    const keys = deadlineKeysOf(this.definition, active);
    if (keys.length > 0) this.effects.push({ type: 'cancel_deadline', instanceId: this.instanceId, token: active.token, keys });
  }

  private complete(active: ActiveStep, step: StepDefinition, action: string, route: Route, extras: ActionExtras, outcome?: RecordChanges): Target[] {
    if (route.kind === 'no_route') {
      // The step does not complete, so its outcome does not reach the record; what the person filled in does.
      this.raiseIncident(active, 'no_route', `No routing rule of "${step.name}" matched and it has no default branch.`, extras);
      return [];
    }
    if (route.steps.length > 1 && step.type !== 'parallel') {
      this.raiseIncident(active, 'no_route', `"${step.name}" leads to several steps at once; only a parallel step may.`, extras);
      return [];
    }
    const recordChanges = mergeRecordChanges([extras, { ...(outcome ? { recordChanges: outcome } : {}) }]);
    this.emit({
      type: 'step_completed',
      token: active.token,
      stepId: active.stepId,
      action,
      toSteps: route.steps,
      ...(route.rule === undefined ? {} : { rule: route.rule }),
      ...extras,
      ...(recordChanges ? { recordChanges } : {}),
    });
    this.cancelDeadlines(active);
    if (route.steps.length === 0) {
      this.endInstance(action === 'reject' ? 'rejected' : 'completed');
      return [];
    }
    if (step.type === 'parallel') {
      return route.steps.map((stepId, branch) => ({
        stepId,
        forks: [...active.forks, { forkId: active.token, splitStepId: step.step_id, branch, of: route.steps.length }],
      }));
    }
    return route.steps.map((stepId) => ({ stepId, forks: active.forks }));
  }

  private emitEntered(target: Target, assignees: Assignees, extra: Partial<ActiveStep> = {}): ActiveStep {
    const activeStep: ActiveStep = {
      token: `${this.instanceId}.t${this.state.tokenCount}`,
      stepId: target.stepId,
      enteredAt: this.now,
      forks: target.forks,
      assignees,
      escalationsFired: [],
      isBreached: false,
      ...extra,
    };
    this.emit({ type: 'step_entered', activeStep, stepId: target.stepId });
    return activeStep;
  }

  /** A step that waits for people: deadlines from the SLA, a notification, and scheduler entries. */
  private rest(target: Target, step: StepDefinition, assignees: Assignees, extra: Partial<ActiveStep> = {}): ActiveStep {
    const deadlines = stepDeadlines(this.definition, step.step_id, this.now);
    const boundary = boundaryAt(this.definition, step, this.now);
    const active = this.emitEntered(target, assignees, { ...deadlines, ...(boundary ? { boundaryAt: boundary } : {}), ...extra });
    this.notify(assignees, 'step_assigned', `"${step.name}" is waiting for you.`, { stepId: step.step_id, token: active.token });
    this.scheduleDeadlines(active);
    return active;
  }

  scheduleDeadlines(active: ActiveStep): void {
    const base = { instanceId: this.instanceId, token: active.token };
    if (active.boundaryAt) this.effects.push({ type: 'schedule_deadline', ...base, key: deadlineKey(active.token, 'boundary'), at: active.boundaryAt, kind: 'boundary' });
    if (active.dueAt) {
      this.effects.push({ type: 'schedule_deadline', ...base, key: deadlineKey(active.token, 'sla_breach'), at: active.dueAt, kind: 'sla_breach' });
      for (const { rule, at } of escalationThresholds(this.definition, active)) {
        this.effects.push({ type: 'schedule_deadline', ...base, key: deadlineKey(active.token, 'escalation', rule), at, kind: 'escalation', rule });
      }
    }
  }

  private enterOne(target: Target): Target[] {
    const step = stepOf(this.definition, target.stepId);
    if (!step) {
      this.raiseIncident(this.emitEntered(target, { users: [], roles: [] }), 'unknown_step', `The definition has no step "${target.stepId}".`);
      return [];
    }
    const noOne: Assignees = { users: [], roles: [] };
    switch (step.type) {
      case 'task': {
        const assignees = this.resolve(step.assignee_type ?? 'role', step.assignee_value ?? [], step.step_id);
        if (!assignees) return this.incidentAt(target, 'no_assignee', `Nobody could be found for "${step.name}".`);
        this.rest(target, step, assignees);
        return [];
      }
      case 'approval':
        return this.enterApproval(target, step);
      case 'timer': {
        const wakeAt = this.wakeAt(step);
        if (!wakeAt) return this.incidentAt(target, 'bad_timer', `The timer of "${step.name}" has no valid date to wait for.`);
        if (wakeAt > this.now) {
          const active = this.emitEntered(target, noOne, { wakeAt });
          this.effects.push({ type: 'schedule_deadline', instanceId: this.instanceId, token: active.token, key: deadlineKey(active.token, 'timer'), at: wakeAt, kind: 'timer' });
          return [];
        }
        return this.complete(this.emitEntered(target, noOne), step, 'timer_fired', routeOf(step, 'complete', this.context), {});
      }
      case 'notify': {
        const active = this.emitEntered(target, noOne);
        const recipients = step.assignee_type && step.assignee_value ? this.resolve(step.assignee_type, step.assignee_value, step.step_id) : null;
        if (recipients) this.notify(recipients, 'notify_step', step.message ?? step.name, { stepId: step.step_id, token: active.token });
        return this.complete(active, step, 'notified', routeOf(step, 'complete', this.context), {});
      }
      case 'parallel':
        return this.complete(this.emitEntered(target, noOne), step, 'split', { kind: 'go', steps: step.next_steps ?? [] }, {});
      case 'join':
        return this.enterJoin(target, step);
      case 'decision':
        return this.complete(this.emitEntered(target, noOne), step, 'route', routeOf(step, 'complete', this.context), {});
      case 'end': {
        const active = this.emitEntered(target, noOne);
        this.emit({ type: 'step_completed', token: active.token, stepId: step.step_id, action: 'end', toSteps: [] });
        this.endInstance(step.outcome ?? 'completed');
        return [];
      }
    }
  }

  private incidentAt(target: Target, reason: Incident['reason'], message: string): Target[] {
    this.raiseIncident(this.emitEntered(target, { users: [], roles: [] }), reason, message);
    return [];
  }

  resolve(type: 'role' | 'user' | 'variable', value: string | string[], stepId: string): Assignees | null {
    return resolveAssignees(type, value, { ...this.state, record: this.record }, stepId, this.options.resolveAssignees);
  }

  private enterApproval(target: Target, step: StepDefinition): Target[] {
    const level = approvalLevelsOf(step)[0];
    if (!level) return this.incidentAt(target, 'no_assignee', `"${step.name}" has no approvers.`);
    const assignees = this.resolve(level.assigneeType, level.assigneeValue, step.step_id);
    if (!assignees) return this.incidentAt(target, 'no_assignee', `Nobody could be found to approve "${step.name}".`);
    const progress = levelProgress(level, 0, assignees, this.state.requestedBy, step.approval?.allow_self_approval ?? false);
    if ('unreachable' in progress) return this.incidentAt(target, 'quorum_unreachable', progress.unreachable);
    this.rest(target, step, assignees, { approval: progress });
    return [];
  }

  private wakeAt(step: StepDefinition): string | undefined {
    const config = step.timer;
    if (config?.until_variable) {
      const value = readVariable(this.context, config.until_variable);
      const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(at) ? undefined : new Date(at).toISOString();
    }
    if (config?.after_hours) return new Date(Date.parse(this.now) + config.after_hours * 3_600_000).toISOString();
    return undefined;
  }

  /** A branch arrives at a join; the last of its split's branches to arrive moves on alone. */
  private enterJoin(target: Target, step: StepDefinition): Target[] {
    const frame = target.forks[target.forks.length - 1];
    if (!frame) return this.incidentAt(target, 'join_mismatch', `"${step.name}" was reached outside a parallel split.`);
    const arrived = this.emitEntered(target, { users: [], roles: [] }, { isWaitingAtJoin: true });
    const waiting = this.state.activeSteps.filter(
      (s) => s.isWaitingAtJoin && s.stepId === step.step_id && s.forks[s.forks.length - 1]?.forkId === frame.forkId,
    );
    const branches = new Set(waiting.map((s) => s.forks[s.forks.length - 1]?.branch));
    if (branches.size !== waiting.length) {
      this.raiseIncident(arrived, 'join_mismatch', `A branch reached "${step.name}" twice.`);
      return [];
    }
    if (waiting.length < frame.of) return [];
    const consumedTokens = waiting.filter((s) => s.token !== arrived.token).map((s) => s.token);
    const route = routeOf(step, 'complete', this.context);
    const outerForks = target.forks.slice(0, -1);
    if (route.kind === 'go' && route.steps.length <= 1) {
      this.emit({ type: 'step_completed', token: arrived.token, consumedTokens, stepId: step.step_id, action: 'join', toSteps: route.steps });
      if (route.steps.length === 0) {
        this.endInstance('completed');
        return [];
      }
      return route.steps.map((stepId) => ({ stepId, forks: outerForks }));
    }
    this.raiseIncident(arrived, 'no_route', `"${step.name}" has no single step to continue with.`);
    return [];
  }
}

export function withChanges(variables: Record<string, unknown>, changes: DataChanges | undefined): Record<string, unknown> {
  if (!changes) return variables;
  const out = { ...variables };
  for (const [key, change] of Object.entries(changes)) out[key] = change.to;
  return out;
}

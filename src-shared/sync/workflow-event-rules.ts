import { fail, ok, type AppError, type Result } from '../core/result';
import { isAdmin } from '../people/roles';
import { isAssignee, refusalCode } from '../workflows/assignees';
import { boundaryAction } from '../workflows/boundary-timers';
import { stepOf } from '../workflows/definition-graph';
import type { WorkflowDefinition } from '../workflows/definition-schema';
import type { DirectoryPerson } from '../workflows/directory';
import { isClosed, openIncidents, systemActor, type ActiveStep, type Actor, type WorkflowInstance } from '../workflows/instance';
import { meaningFits, needsSignature } from '../workflows/signature-policy';
import { escalationThresholds } from '../workflows/sla';
import { applyEvent, eventId, type WorkflowEvent, type WorkflowEventType } from '../workflows/workflow-events';
import type { SyncPerson } from './sync-person';
import { checkRecordEffects } from './workflow-record-rules';
import { replayRun } from './workflow-run-replay';

/**
 * The workflow engine's rules for an event pushed by a PC (DESIGN.md §5). Pure: the server passes
 * the instance's history as it holds it. The engine builds an instance only from the events it
 * emits, so an event is valid when it is what the engine could have emitted next:
 *
 * - the document agrees with the event it carries (id = `<instanceId>-<seq>`, type, time, author);
 * - it comes right after the history (no gap) and belongs to the instance;
 * - after the instance has ended only comments are added (the engine allows notes after the fact);
 * - people's events are by the person who pushes them; system events (timers, escalations, SLA
 *   breaches; actor `system`) come from any signed-in PC's scheduler;
 * - a vote or a completion is by someone the step is assigned to (user or role), unless the step
 *   was entered in the same run (automatic steps) or a vote, an incident resolution or an
 *   escalation of that run decided it; approvers vote once, not on their own request unless the
 *   definition allows it; only administrators resolve incidents and migrate, and only they, the
 *   starter or the requester cancel;
 * - follow-up events (a step entered, an approval level passed, the end) continue the run before them;
 * - deciding an approval, and any action on a step that requires it, carries the actor's electronic
 *   signature (signer = actor, name as the server knows them, signed at the event's time, a meaning
 *   that fits the action);
 * - the run is exactly what the engine records for its command (workflow-run-replay.ts): no step
 *   skipped to, no quorum met early, no command applied twice;
 * - time-driven events (timers, SLA breaches, escalations) wait until they are due by the server's
 *   clock, and an event after a gap waits for the events before it: neither is refused, both are
 *   judged again when the PC sends them later.
 *
 * A "run" is one engine call: its events share actor, time and command id. A rival for an event id
 * the server holds already (two PCs acted on the same step) is only checked for form and author.
 */

type Doc = Record<string, unknown>;

/** The workflow definitions the server holds, by code and version. */
export interface DefinitionCatalog {
  /** The stored version (`id` is its document's id), or null when the server has none. */
  version(code: string, version: number): { id: string; status: string; definition: WorkflowDefinition } | null;
}

export interface EventAppend {
  /** The pushed `workflow_events` document. */
  doc: Doc;
  /** The instance's events before this one as the server holds them (earlier rows of the same push included), in `seq` order. */
  before: readonly WorkflowEvent[];
  person: SyncPerson;
  definitions: DefinitionCatalog;
  /**
   * The event's id is taken on the server by another version (two PCs acted on the same step). A
   * rival is never applied, only kept as the losing version: its form and its author are checked,
   * not the run it belonged to, which the server's history does not have.
   */
  isRival?: boolean;
  /** The server's clock: time-driven events wait until it reaches their moment. Absent: the event's own time. */
  now?: string;
  /** The server's people, for the engine's assignee resolution when replaying the run. */
  directory?: ReadonlyMap<string, DirectoryPerson>;
}

/** Refused, accepted, or neither yet: `isWaiting` when the event may be accepted later (after a gap, before its time). */
export type EventVerdict = Result<WorkflowEvent> | Waiting;

interface Waiting {
  ok: false;
  error: AppError;
  isWaiting: true;
}

const waiting = (message: string): Waiting => ({ ...fail('invalid_state', message), isWaiting: true });

const eventTypes = {
  instance_started: true,
  step_entered: true,
  vote_recorded: true,
  approval_level_passed: true,
  step_completed: true,
  instance_ended: true,
  incident_raised: true,
  incident_resolved: true,
  step_reassigned: true,
  comment_added: true,
  escalation_triggered: true,
  sla_breached: true,
  instance_migrated: true,
} satisfies Record<WorkflowEventType, true>;

/** Events the scheduler emits as the system (deadlines.ts) and what its runs lead to. */
const systemEventTypes: ReadonlySet<string> = new Set(['escalation_triggered', 'sla_breached', 'step_reassigned', 'step_completed', 'step_entered', 'incident_raised', 'instance_ended']);
/**
 * The step a run's first event works on, when an open incident stops that step the run is refused
 * (the engine's `checkNotStopped`): an incident stops its own branch, the other branches go on. A
 * breach is recorded on a stopped step too, as the engine does.
 */
function workedOnToken(event: WorkflowEvent): string | undefined {
  switch (event.type) {
    case 'vote_recorded':
    case 'step_completed':
    case 'step_reassigned':
    case 'escalation_triggered':
      return event.token;
    case 'incident_raised':
      return event.incident?.token;
    default:
      return undefined;
  }
}

const isObject = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value);
const runKey = (event: WorkflowEvent): string => JSON.stringify([event.actor.userId, event.at, event.commandId ?? null]);

/** The event a `workflow_events` document carries, when the document agrees with it. */
export function eventOfDocument(doc: Doc): Result<WorkflowEvent> {
  const data = doc.data;
  const bad = (what: string) => fail('invalid_input', `This workflow event is malformed: ${what}.`);
  if (!isObject(data)) return bad('it carries no event');
  if (typeof data.type !== 'string' || !(data.type in eventTypes)) return bad(`“${String(data.type)}” is not an event type`);
  if (typeof data.instanceId !== 'string' || data.instanceId === '') return bad('it names no instance');
  if (typeof data.seq !== 'number' || !Number.isInteger(data.seq) || data.seq < 0) return bad('its sequence number is not a whole number');
  if (!isObject(data.actor) || typeof data.actor.userId !== 'string' || data.actor.userId === '') return bad('it names no actor');
  if (typeof data.at !== 'string' || Number.isNaN(Date.parse(data.at))) return bad('its time is not a date');
  const event = data as unknown as WorkflowEvent;
  const agrees =
    doc.id === eventId(event.instanceId, event.seq) && event.id === doc.id && doc.instanceId === event.instanceId && doc.type === event.type && doc.at === event.at && doc.createdBy === event.actor.userId;
  return agrees ? ok(event) : fail('invalid_input', 'This workflow event document does not agree with the event it carries (id, instance, sequence number, type, time or author).');
}

/** The instance before the event and what the rules need to know about the run the event continues. */
interface Before {
  state: WorkflowInstance | undefined;
  /** Run key of the event that entered each active token. */
  enteredBy: Map<string, string>;
  /** The events of the run the last event belongs to, in order. */
  run: WorkflowEvent[];
  /** The instance before that run's first event. */
  stateBeforeRun: WorkflowInstance | undefined;
}

function fold(events: readonly WorkflowEvent[]): Result<Before> {
  let state: WorkflowInstance | undefined;
  let stateBeforeRun: WorkflowInstance | undefined;
  const enteredBy = new Map<string, string>();
  let run: WorkflowEvent[] = [];
  for (const [index, event] of events.entries()) {
    if (event.seq !== index) return fail('invalid_input', `The server's history of this instance has a gap at event ${index}.`);
    const isSameRun = run.length > 0 && runKey(run[0] as WorkflowEvent) === runKey(event);
    if (!isSameRun) stateBeforeRun = state;
    try {
      state = applyEvent(state, event);
    } catch {
      return fail('invalid_input', `The server's history of this instance cannot be replayed at event ${index}.`);
    }
    if (event.type === 'step_entered') enteredBy.set(event.activeStep.token, runKey(event));
    run = isSameRun ? [...run, event] : [event];
  }
  return ok({ state, enteredBy, run, stateBeforeRun });
}

/** Checks one pushed workflow event against the instance's history; the event when it may be appended. */
export function checkEventAppend(input: EventAppend): EventVerdict {
  const parsed = eventOfDocument(input.doc);
  if (!parsed.ok) return parsed;
  const event = parsed.value;
  const isSystem = event.actor.userId === systemActor.userId;
  if (isSystem ? !systemEventTypes.has(event.type) : event.actor.userId !== input.person.id) {
    return fail('forbidden', isSystem ? `A ${event.type.replace(/_/g, ' ')} is a person's action, not the system's.` : 'This workflow event is signed by someone else; people can only record their own actions.');
  }
  if (!input.isRival && event.seq > input.before.length) {
    return waiting(`This workflow event is number ${event.seq + 1} of its instance, but the server has ${input.before.length} before it: it waits for the events before it.`);
  }
  if (!input.isRival && event.seq < input.before.length) {
    return fail('invalid_input', `This workflow event is number ${event.seq + 1} of its instance, which the server has already.`);
  }
  if (input.isRival) return ok(event);
  const before = fold(input.before);
  if (!before.ok) return before;
  const check = before.value.state ? checkNext(event, before.value.state, before.value, input) : checkStart(event, input);
  if (!check.ok) return check;
  // A record move its step does not declare is named as such before the engine's replay finds the run differs.
  const effects = checkRecordEffects(event, before.value.state, input.definitions);
  if (!effects.ok) return effects;
  const replayed = checkRun(event, before.value, input);
  if (!replayed.ok) return replayed;
  try {
    applyEvent(before.value.state, event);
  } catch {
    return fail('invalid_input', 'This workflow event cannot be applied to its instance.');
  }
  return ok(event);
}

function checkStart(event: WorkflowEvent, input: EventAppend): Check {
  if (event.type !== 'instance_started') return fail('invalid_input', 'The history of a workflow instance starts with instance_started, which the server does not have.');
  const definition = input.definitions.version(String(event.workflowCode), Number(event.definitionVersion));
  if (!definition) return waiting(`The server has no version ${String(event.definitionVersion)} of the workflow ${String(event.workflowCode)} yet.`);
  if (definition.status === 'draft') {
    return fail('definition_not_published', `Version ${String(event.definitionVersion)} of the workflow ${String(event.workflowCode)} is a draft on the server; only a published version starts instances.`);
  }
  return ok(null);
}

/** The definition version an instance runs, as the server holds it. */
const definitionOf = (input: EventAppend, state: WorkflowInstance | undefined, event: WorkflowEvent): WorkflowDefinition | null => {
  if (state) return input.definitions.version(state.workflowCode, state.definitionVersion)?.definition ?? null;
  return event.type === 'instance_started' ? (input.definitions.version(event.workflowCode, event.definitionVersion)?.definition ?? null) : null;
};

/**
 * The event's run, replayed through the engine from the instance before it. Events sharing actor,
 * time and command id may be several engine runs (the system's timers due at one moment): each
 * run's length is what the engine records for its first event.
 */
function checkRun(event: WorkflowEvent, before: Before, input: EventAppend): Result<null> {
  const isSameRun = before.run.length > 0 && runKey(before.run[0] as WorkflowEvent) === runKey(event);
  const group = isSameRun ? [...before.run, event] : [event];
  let state = isSameRun ? before.stateBeforeRun : before.state;
  // The run's first event names the definition when the run is the start (no state before it yet).
  const definition = definitionOf(input, state, group[0] as WorkflowEvent);
  if (!definition) return ok(null);
  const actor: Actor = event.actor.userId === systemActor.userId ? systemActor : { userId: input.person.id, name: input.person.name, roles: input.person.roles };
  for (let start = 0; start < group.length; ) {
    const run = group.slice(start);
    const outcome = replayRun({ definition, stateBefore: state, run, actor, ...(input.directory ? { directory: input.directory } : {}) });
    if (!outcome.ok) return outcome;
    const length = Math.max(1, outcome.value.engineEvents);
    if (length >= run.length) return ok(null);
    for (const done of run.slice(0, length)) state = applyEvent(state, done);
    start += length;
  }
  return ok(null);
}

const actorOf = (person: SyncPerson): Actor => ({ userId: person.id, roles: person.roles });
const hasAssignees = (step: ActiveStep) => step.assignees.users.length + step.assignees.roles.length > 0;
const describe = (step: ActiveStep) => `“${step.stepId}” is assigned to ${[...step.assignees.roles.map((r) => `the ${r} role`), ...step.assignees.users].join(' or ') || 'nobody'}, not to you.`;

type Check = Result<null> | Waiting;

/** Whether the server's clock has reached `moment` (a time-driven event before it waits). */
const isDueByServer = (input: EventAppend, event: WorkflowEvent, moment: string) => (input.now ?? event.at) >= moment;

/**
 * The electronic signature an action carries (DESIGN.md §6): required when the engine asks for
 * one (deciding an approval; any action on a step with `require_signature`), and when present it
 * must be the actor's own, made at the event's time, under the name the server knows, with a
 * meaning that fits the action. The password itself was checked on the PC that signed.
 */
function checkSignature(event: WorkflowEvent, action: string, stepId: string | undefined, state: WorkflowInstance, input: EventAppend): Result<null> {
  const definition = input.definitions.version(state.workflowCode, state.definitionVersion)?.definition;
  const step = definition && stepId ? stepOf(definition, stepId) : undefined;
  const signature = event.signature;
  if (!signature) {
    return step && needsSignature(step, action) ? fail('signature_required', `“${step.name}” needs the electronic signature of the person who acts; this action carries none.`) : ok(null);
  }
  if (signature.signerId !== event.actor.userId || signature.signerName !== input.person.name || signature.signedAt !== event.at) {
    return fail('signature_invalid', 'This electronic signature is not the acting person’s own (signer, name or time do not match the action).');
  }
  if (!meaningFits(action, signature.meaning)) return fail('signature_invalid', `A signature meaning “${signature.meaning}” does not fit the action “${action}”.`);
  return ok(null);
}

function checkNext(event: WorkflowEvent, state: WorkflowInstance, before: Before, input: EventAppend): Check {
  if (event.type === 'instance_started') return fail('invalid_input', 'This workflow instance has started already.');
  const isSameRun = before.run.length > 0 && runKey(before.run[0] as WorkflowEvent) === runKey(event);
  const run = isSameRun ? before.run : [];
  if (isClosed(state.status) && event.type !== 'comment_added') {
    return fail('instance_closed', `This workflow instance is ${state.status}; nothing more can happen to it.`);
  }
  if (!isSameRun) {
    const stopped = openIncidents(state).find((incident) => incident.token === workedOnToken(event));
    if (stopped) return fail('instance_incident', `“${stopped.stepId}” is stopped by an incident; an administrator must resolve it first.`);
    if (event.commandId !== undefined && state.processedCommandIds.includes(event.commandId)) return fail('invalid_input', 'This command was applied to the instance already.');
  }
  const active = (token: unknown) => state.activeSteps.find((step) => step.token === token);
  const person = input.person;
  const isAdminPerson = event.actor.userId === person.id && isAdmin(person.roles);
  const last = run[run.length - 1];

  /** Whether this run may complete (or raise an incident on) the active step `token`. */
  const mayFinish = (token: string): Check => {
    const step = active(token);
    if (!step) return fail('step_not_active', `“${token}” is not an active step of this instance.`);
    const decidedInRun = run.some(
      (e) =>
        (e.type === 'vote_recorded' && e.token === token) ||
        (e.type === 'incident_resolved' && e.token === token) ||
        (e.type === 'escalation_triggered' && e.token === token && e.escalation === 'auto_act'),
    );
    if (decidedInRun || before.enteredBy.get(token) === runKey(event)) return ok(null);
    if (event.actor.userId === systemActor.userId) {
      // A timer step's own timer, or a waiting step's boundary timer (boundary-timers.ts).
      const moment = event.type === 'step_completed' && event.action === boundaryAction ? step.boundaryAt : step.wakeAt;
      if (!moment || event.at < moment) return fail('timer_not_due', `“${step.stepId}” is not a timer that is due.`);
      return isDueByServer(input, event, moment) ? ok(null) : waiting(`“${step.stepId}” is a timer due at ${moment} by the server's clock.`);
    }
    if (event.type === 'step_completed') {
      const signed = checkSignature(event, String(event.action), step.stepId, state, input);
      if (!signed.ok) return signed;
    }
    if (step.isWaitingAtJoin || !hasAssignees(step)) return fail('step_not_active', `“${step.stepId}” is not a step a person acts on.`);
    return isAssignee(actorOf(person), step.assignees) ? ok(null) : fail(refusalCode(step.assignees), describe(step));
  };
  const followUp = (isRightPlace: boolean) =>
    isRightPlace ? ok(null) : fail('invalid_input', `A ${event.type.replace(/_/g, ' ')} only follows the action that causes it, in the same run.`);

  switch (event.type) {
    case 'step_entered': {
      const token = event.activeStep?.token;
      if (token !== `${state.id}.t${state.tokenCount}`) return fail('invalid_input', `The next step of this instance gets token ${state.id}.t${state.tokenCount}, not ${String(token)}.`);
      return followUp(isSameRun);
    }
    case 'vote_recorded': {
      const step = active(event.token);
      if (!step?.approval || step.isWaitingAtJoin) return fail('step_not_active', `“${String(event.token)}” is not an approval waiting for a decision.`);
      if (!isAssignee(actorOf(person), step.assignees)) return fail(refusalCode(step.assignees), describe(step));
      if (event.vote?.userId !== person.id || event.vote.level !== step.approval.level) return fail('invalid_input', 'A vote is cast by its author, in the level being decided.');
      if (step.approval.votes.some((vote) => vote.userId === person.id)) return fail('duplicate_approver', `You have already decided on “${step.stepId}”; approvers must be different people.`);
      if (person.id === state.requestedBy && !allowsSelfApproval(input.definitions, state, step.stepId)) {
        return fail('self_approval_not_allowed', 'You cannot decide on your own request.');
      }
      return checkSignature(event, event.vote.decision, step.stepId, state, input);
    }
    case 'approval_level_passed':
      return followUp(last?.type === 'vote_recorded' && last.token === event.token && active(event.token)?.approval !== undefined);
    case 'step_completed': {
      const finish = mayFinish(event.token);
      if (!finish.ok) return finish;
      const stray = (event.consumedTokens ?? []).find((token) => !active(token)?.isWaitingAtJoin);
      return stray === undefined ? ok(null) : fail('invalid_input', `“${stray}” is not waiting at a join.`);
    }
    case 'instance_ended':
      if (isSameRun) return followUp(last?.type === 'step_completed');
      if (event.status !== 'cancelled' || event.actor.userId !== person.id) return followUp(false);
      return isAdminPerson || person.id === state.startedBy || person.id === state.requestedBy
        ? ok(null)
        : fail('forbidden', 'Only an administrator or the person who started this instance can cancel it.');
    case 'incident_raised':
      return isSameRun ? ok(null) : mayFinish(event.incident?.token);
    case 'incident_resolved':
      if (state.status !== 'incident' || !openIncidents(state).some((incident) => incident.token === event.token)) return fail('invalid_state', 'This instance has no such incident to resolve.');
      return isAdminPerson ? ok(null) : fail('forbidden', 'Only an administrator can resolve an incident.');
    case 'step_reassigned': {
      const step = active(event.token);
      if (!step || step.isWaitingAtJoin) return fail('step_not_active', `“${String(event.token)}” is not an active step people work on.`);
      if (isSameRun && last?.type === 'escalation_triggered' && last.token === event.token && last.escalation === 'reassign') return ok(null);
      if (event.actor.userId === systemActor.userId || !hasAssignees(step)) return followUp(false);
      return isAdminPerson || isAssignee(actorOf(person), step.assignees) ? ok(null) : fail('not_your_step', 'Only an administrator or the step’s assignees can hand it to someone else.');
    }
    case 'comment_added':
      return event.actor.userId === person.id ? ok(null) : fail('forbidden', 'Comments are written by people.');
    case 'escalation_triggered': {
      const step = active(event.token);
      if (!step || step.escalationsFired.includes(event.rule)) return fail('invalid_state', 'This escalation has nothing to escalate or has fired already.');
      const definition = input.definitions.version(state.workflowCode, state.definitionVersion)?.definition;
      const threshold = definition ? escalationThresholds(definition, step).find((t) => t.rule === event.rule) : undefined;
      if (!threshold || event.at < threshold.at) return fail('timer_not_due', 'This escalation is not due at the time it names.');
      return isDueByServer(input, event, threshold.at) ? ok(null) : waiting(`This escalation is due at ${threshold.at} by the server's clock.`);
    }
    case 'sla_breached': {
      const step = active(event.token);
      if (!step?.dueAt || step.isBreached || event.at < step.dueAt) return fail('timer_not_due', 'This step is not past its deadline, or its breach is recorded already.');
      return isDueByServer(input, event, step.dueAt) ? ok(null) : waiting(`This step is due at ${step.dueAt} by the server's clock.`);
    }
    case 'instance_migrated': {
      if (!isAdminPerson) return fail('forbidden', 'Only an administrator can move instances to another version.');
      const known = input.definitions.version(state.workflowCode, Number(event.toVersion));
      if (event.fromVersion !== state.definitionVersion || !known || known.status !== 'published') {
        return fail('invalid_state', `Instances move from their own version to a published one the server knows.`);
      }
      return (event.moves ?? []).every((move) => active(move.token)) ? ok(null) : fail('invalid_input', 'The migration moves steps that are not active.');
    }
  }
}

function allowsSelfApproval(definitions: DefinitionCatalog, state: WorkflowInstance, stepId: string): boolean {
  const stored = definitions.version(state.workflowCode, state.definitionVersion);
  const steps = Array.isArray(stored?.definition?.steps) ? stored.definition.steps : [];
  return steps.find((step) => step.step_id === stepId)?.approval?.allow_self_approval === true;
}

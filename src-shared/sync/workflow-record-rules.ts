import { fail, ok, type Result } from '../core/result';
import { recordKindOf } from '../records/record-kinds';
import { isScopedKind } from '../records/record-scope';
import type { WorkflowDefinition } from '../workflows/definition-schema';
import type { WorkflowInstance } from '../workflows/instance';
import type { WorkflowEvent } from '../workflows/workflow-events';
import { canReadRecord, scopeProjection, sensitiveRecordKinds } from './read-scope';
import type { SyncPerson } from './sync-person';
import type { DefinitionCatalog } from './workflow-event-rules';
import { recordKindLabel, recordKindPluralLabel } from '../records/record-labels';

/**
 * The sync server's rules for workflows that act on records (src-shared/workflows/record-binding.ts).
 * Pure: the server loads the records, histories and definitions inside the push transaction.
 *
 * - A start names a record of the kind its definition is about, and one the pusher may read when
 *   the server holds it (a record not here yet arrives after its events: collections.ts `pushAfter`).
 * - An event that moves its record to a status is a step completion whose definition declares that
 *   move for that action (`record_effects`); the server's record rule then takes the record's move
 *   only with such an event (`workflowMovesOf`), so a forged "approved" is refused.
 * - Instances and events carry their record's scope (`subjectScope`), stamped by the server from
 *   its own copy of the record, so pulls send them where the record goes.
 */

type Doc = Record<string, unknown>;
type Started = Extract<WorkflowEvent, { type: 'instance_started' }>;

const isLive = (doc: Doc | null | undefined): doc is Doc => Boolean(doc) && doc?._deleted !== true;

/** Checks a pushed `instance_started` against the record it names (null when the server does not hold it). */
export function checkStartRecord(event: WorkflowEvent, person: SyncPerson, definitions: DefinitionCatalog, record: Doc | null): Result<null> {
  if (event.type !== 'instance_started') return ok(null);
  const wanted = definitions.version(event.workflowCode, event.definitionVersion)?.definition.record_kind;
  if (wanted !== undefined && event.entityType !== wanted) {
    return fail('invalid_input', `${event.workflowCode} runs on ${recordKindPluralLabel(wanted).toLowerCase()}, not on ${recordKindPluralLabel(event.entityType).toLowerCase()}.`);
  }
  if (!isLive(record)) return ok(null);
  if (record.kind !== event.entityType) return fail('invalid_input', `Record ${event.entityId} is a ${recordKindLabel(String(record.kind)).toLowerCase()}, not a ${recordKindLabel(event.entityType).toLowerCase()}.`);
  if (!canReadRecord(person, record)) return fail('forbidden', 'This record is not shared with you, so you cannot start a workflow on it.');
  return ok(null);
}

/**
 * The record a run says it read (`event.record`, which routing and `record.manager` assignees
 * follow), against the record the server holds: the same record, about the same person, and its
 * managers are the subject's managers as the server's directory has them now or as the server
 * stamped them on the record — so a PC cannot route an approval to a friend by sending a snapshot
 * with other managers. Data fields are taken as the PC read them: records reach the server after
 * their events (collections.ts), so an offline PC's newer version may not be here yet.
 */
export function checkRecordSnapshot(event: WorkflowEvent, record: Doc | null, managersOf: (personId: string) => readonly string[]): Result<null> {
  const seen = event.record;
  if (!seen || !isLive(record)) return ok(null);
  const refuse = (why: string) => fail('forbidden', `This workflow run was refused: ${why}.`);
  if (seen.id !== record.id || seen.kind !== record.kind) return refuse('it says it read another record than the one it is about');
  // A record about nobody (a job requisition) is stored with personId '', which a snapshot leaves out.
  const subject = typeof record.personId === 'string' && record.personId !== '' ? record.personId : undefined;
  if ((seen.personId ?? undefined) !== subject) return refuse('it says the record is about someone else');
  const known = new Set([...(subject ? managersOf(subject) : []), ...(Array.isArray(record.managerIds) ? record.managerIds.map(String) : [])]);
  const claimed = Array.isArray(seen.managerIds) ? seen.managerIds.map(String) : [];
  const stranger = claimed.find((id) => !known.has(id));
  return stranger === undefined ? ok(null) : refuse('it names a manager of the person that the team’s directory does not');
}

/** The record effect a definition declares for a step and action. */
function declaredStatus(definitions: DefinitionCatalog, state: Pick<WorkflowInstance, 'workflowCode' | 'definitionVersion'>, stepId: string | undefined, action: string | undefined): string | undefined {
  const definition: WorkflowDefinition | undefined = definitions.version(state.workflowCode, state.definitionVersion)?.definition;
  const step = (Array.isArray(definition?.steps) ? definition.steps : []).find((s) => s.step_id === stepId);
  return action === undefined ? undefined : step?.record_effects?.[action]?.status;
}

/** A status move an event carries must be the one its step's definition declares for its action. */
export function checkRecordEffects(event: WorkflowEvent, state: WorkflowInstance | undefined, definitions: DefinitionCatalog): Result<null> {
  const move = event.recordChanges?.status;
  if (!move) return ok(null);
  const isDeclared = event.type === 'step_completed' && state !== undefined && declaredStatus(definitions, state, event.stepId, event.action) === move.to;
  return isDeclared ? ok(null) : fail('forbidden', `This workflow event moves its record to “${move.to}”, which its step does not do.`);
}

/**
 * The statuses the workflows bound to a record moved it to, in the order they did, from its
 * stored status on: each move starts where the one before ended (a step that submits, then the
 * approval), so a PC that made both offline pushes the record once, as the last move left it.
 * `histories` are the instances' events the server holds, each checked by `checkRecordEffects`.
 */
export function workflowMovesOf(record: { id: string; kind: string; status: string }, histories: readonly (readonly WorkflowEvent[])[]): string[] {
  const moves = histories
    .filter((events) => {
      const start = events[0];
      return start?.type === 'instance_started' && start.entityType === record.kind && start.entityId === record.id;
    })
    .flatMap((events) => events.flatMap((e) => (e.type === 'step_completed' && e.recordChanges?.status ? [{ ...e.recordChanges.status, at: e.at }] : [])))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const path: string[] = [];
  let at = record.status;
  for (const move of moves) {
    if (move.from !== at) continue;
    path.push(move.to);
    at = move.to;
  }
  return path;
}

/**
 * The scope stamped on an instance and its events: its record's, when the server holds the record;
 * while it does not (it arrives after its events), the requester's own, for a kind read by fewer
 * than everyone; none for workflows about anything else.
 */
export function workflowScopeOf(start: Started | undefined, record: Doc | null): Doc | undefined {
  if (!start) return undefined;
  if (isLive(record) && record.kind === start.entityType) return scopeProjection('records', record);
  const kind = recordKindOf(start.entityType);
  const isScoped = kind ? isScopedKind(kind) : start.entityType in sensitiveRecordKinds;
  return isScoped ? { kind: start.entityType, personId: start.requestedBy, managerIds: [], createdBy: start.actor.userId, data: {} } : undefined;
}

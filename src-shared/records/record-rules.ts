import { isSameValue } from '../sync/conflicts';
import { fail, ok, type Result } from '../core/result';
import type { RecordDocument } from './record-document';
import type { AnyRecordKind, FieldRule, RecordTransition } from './record-kind';
import { statusesAlong, statusPath } from './status-path';
import { describeWho, isWho, type RecordActor } from './who';

/**
 * What a person may do to a record of a kind, from the kind's declaration. The host's record
 * commands and the sync server's push check call the same functions with the same stored version
 * (`before`), so a right is never gained by the change being made. Pure.
 */

type Doc = Pick<RecordDocument, 'kind' | 'status' | 'data' | 'personId' | 'managerIds' | 'ownerId' | 'departmentId' | 'createdBy'>;

const statusLabel = (kind: AnyRecordKind, id: string) => kind.statuses.find((s) => s.id === id)?.label ?? id;
const isReadOnlyStatus = (kind: AnyRecordKind, status: string) => kind.statuses.find((s) => s.id === status)?.isReadOnly === true;

/** The rules that decide who changes data field `field`: those naming it, else the '*' rules. */
export function fieldRulesOf(kind: AnyRecordKind, field: string): FieldRule[] {
  const named = kind.edit.filter((rule) => rule.fields !== '*' && rule.fields.includes(field));
  return named.length > 0 ? named : kind.edit.filter((rule) => rule.fields === '*');
}

const isInStatus = (rule: FieldRule, status: string) => !rule.inStatuses || rule.inStatuses.includes(status);

/** Whether `actor` may change `field` of `record` as it is now. */
export function canEditField(kind: AnyRecordKind, actor: RecordActor, record: Doc, field: string): boolean {
  if (isReadOnlyStatus(kind, record.status)) return false;
  return fieldRulesOf(kind, field).some((rule) => isInStatus(rule, record.status) && isWho(rule.who, actor, record));
}

/** The transitions out of the record's status that `actor` may make (workflow-only ones and those following the data left out). */
export function availableTransitions(kind: AnyRecordKind, actor: RecordActor, record: Doc): RecordTransition[] {
  return kind.transitions.filter((t) => t.from.includes(record.status) && t.who !== 'workflow' && !t.isFollowingData && isWho(t.who, actor, record));
}

/** Top-level data fields whose values differ. */
export function changedDataFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !isSameValue(before[key] ?? null, after[key] ?? null)).sort();
}

export interface RecordWriteCheck {
  kind: AnyRecordKind;
  actor: RecordActor;
  /** The stored version (null for a create), upgraded to the kind's version. */
  before: (Doc & Partial<RecordDocument>) | null;
  after: Doc & Partial<RecordDocument>;
  isDelete?: boolean;
  /** Whether a workflow bound to this record moved it to `to` (the host's or server's own events). */
  hasWorkflowMove?(to: string): boolean;
  /** Role codes to names, for messages. */
  roleName?(code: string): string;
  /**
   * The sync server's judgement of a pushed state: a status reached by several moves made on the PC
   * before its push is taken when the actor may make each (status-path.ts), and a field counts as
   * the actor's to change in any status on the way. The host's commands make one move at a time.
   */
  allowsPath?: boolean;
}

/**
 * Checks one write to a record: a create by the kind's `create` rule and into its first status, a
 * status change only along a transition the person (or a workflow) may make, each changed data
 * field by its field rule in the stored status, a removal by `remove`. `forbidden` or
 * `invalid_state` with a message naming who may; never throws.
 */
export function checkRecordWrite(check: RecordWriteCheck): Result<null> {
  const { kind, actor, before, after } = check;
  const who = (w: Parameters<typeof describeWho>[0]) => describeWho(w, check.roleName);
  if (!actor.isActive) return fail('forbidden', 'This account is deactivated.');
  if (!before) {
    if (check.isDelete) return ok(null);
    if (!isWho(kind.create, actor, after)) return fail('forbidden', `Only ${who(kind.create)} can create a ${kind.label.toLowerCase()}.`);
    if (after.status === kind.initialStatus) return ok(null);
    const path = check.allowsPath ? statusPath({ kind, actor, target: after, data: after.data, from: kind.initialStatus, to: after.status, hasWorkflowMove: check.hasWorkflowMove }) : null;
    return path ? ok(null) : fail('invalid_state', `A new ${kind.label.toLowerCase()} starts as ${statusLabel(kind, kind.initialStatus)}.`, { field: 'status' });
  }
  if (after.kind !== before.kind) return fail('invalid_input', 'A record cannot change its kind.', { field: 'kind' });
  if (check.isDelete) {
    const remove = kind.remove;
    if (!remove || !isWho(remove.who, actor, before)) return fail('forbidden', remove ? `Only ${who(remove.who)} can remove a ${kind.label.toLowerCase()}.` : `A ${kind.label.toLowerCase()} cannot be removed; cancel or close it instead.`);
    if (remove.inStatuses && !remove.inStatuses.includes(before.status)) return fail('invalid_state', `A ${kind.label.toLowerCase()} that is ${statusLabel(kind, before.status)} cannot be removed.`);
    return ok(null);
  }
  // Statuses the record passed through on the way (a path pushed as one state), where its fields may have changed too.
  let passedThrough: string[] = [];
  if (after.status !== before.status) {
    const move = checkMove(check, who);
    const path = move.ok || !check.allowsPath ? null : statusPath({ kind, actor, target: before, data: after.data, from: before.status, to: after.status, hasWorkflowMove: check.hasWorkflowMove });
    if (!move.ok && !path) return move;
    passedThrough = path ? statusesAlong(path) : [after.status];
  }
  const changed = changedDataFields(before.data, after.data);
  if (changed.length > 0 && isReadOnlyStatus(kind, before.status)) {
    return fail('invalid_state', `A ${kind.label.toLowerCase()} that is ${statusLabel(kind, before.status)} can no longer be changed.`, { field: `data.${changed[0]}` });
  }
  for (const field of changed) {
    if (canEditField(kind, actor, before, field)) continue;
    if (check.allowsPath && passedThrough.some((status) => canEditField(kind, actor, { ...before, status }, field))) continue;
    const rules = fieldRulesOf(kind, field);
    const label = kind.fields.find((f) => f.field === field)?.label ?? field;
    const at = { field: `data.${field}` };
    if (rules.length === 0) return fail('forbidden', `${label} cannot be changed once the ${kind.label.toLowerCase()} exists.`, at);
    const now = rules.filter((rule) => isInStatus(rule, before.status));
    if (now.length === 0) {
      const statuses = [...new Set(rules.flatMap((rule) => rule.inStatuses ?? []))].map((s) => statusLabel(kind, s));
      return fail('invalid_state', `${label} can be changed only while the ${kind.label.toLowerCase()} is ${statuses.join(' or ')}.`, at);
    }
    return fail('forbidden', `Only ${now.map((rule) => who(rule.who)).join(' or ')} can change ${label.toLowerCase()} of a ${kind.label.toLowerCase()} that is ${statusLabel(kind, before.status)}.`, at);
  }
  return ok(null);
}

/** One move from the stored status to the pushed one: along a transition the actor (or the record's workflow) may make, its required fields filled. */
function checkMove(check: RecordWriteCheck, who: (w: Parameters<typeof describeWho>[0]) => string): Result<null> {
  const { kind, actor, after } = check;
  const before = check.before!;
  const moves = kind.transitions.filter((t) => t.to === after.status && t.from.includes(before.status));
  if (moves.length === 0) return fail('invalid_state', `A ${kind.label.toLowerCase()} cannot go from ${statusLabel(kind, before.status)} to ${statusLabel(kind, after.status)}.`, { field: 'status' });
  const allowed = moves.find((t) => (t.who === 'workflow' ? (check.hasWorkflowMove?.(t.to) ?? false) : isWho(t.who, actor, before)));
  if (!allowed) {
    const move = moves[0] as RecordTransition;
    return fail('forbidden', move.who === 'workflow' ? `${statusLabel(kind, after.status)} is decided by the approval workflow, not set by hand.` : `Only ${who(move.who)} can make this ${kind.label.toLowerCase()} ${statusLabel(kind, after.status)}.`, { field: 'status' });
  }
  const missing = (allowed.requires ?? []).find((field) => after.data[field] === undefined || after.data[field] === null || after.data[field] === '');
  if (missing) return fail('invalid_input', `Fill in ${kind.fields.find((f) => f.field === missing)?.label ?? missing} first.`, { field: `data.${missing}` });
  return ok(null);
}

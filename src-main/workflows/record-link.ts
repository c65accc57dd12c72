import { fail, ok, type Result } from '../../src-shared/core/result';
import { parseData } from '../../src-shared/records/record-data';
import type { ManagerLookup, RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { canReadScope, isScopedKind, scopeOfRecord, type RecordScope } from '../../src-shared/records/record-scope';
import type { RecordActor } from '../../src-shared/records/who';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { snapshotOfRecord, type RecordChanges, type RecordSnapshot } from '../../src-shared/workflows/record-binding';
import { recordRefOf, type RecordRefView } from '../../src-shared/workflows/record-ref';
import { recordFieldOf } from '../../src-shared/workflows/step-form';
import type { LabDatabase } from '../database/open-database';
import { actorIn, loadDirectory, type Directory } from '../records/record-actor';
import { canReadRecordDoc, readStored, type StoredRecord } from '../records/record-store';
import { planRecordWrite } from '../records/record-write';

/**
 * The record a workflow instance is about (src-shared/workflows/record-binding.ts), as the host's
 * runtime and queries need it: which record, whether the person may read it, the snapshot a run
 * reads, the scope stamped on the instance and its events, and the record write a step's outcome
 * makes — judged by the record rules like a person's click.
 */

/** An instance (or a start) about a record of a declared kind. */
export interface Binding {
  kind: AnyRecordKind;
  /** The stored record, its data upgraded; null when this PC does not have it (removed, or not here yet). */
  record: StoredRecord | null;
}

interface EntityRef {
  entityType: string;
  entityId: string;
}

export const bindingKey = (ref: EntityRef): string => `${ref.entityType}/${ref.entityId}`;

/** The records these instances (or starts) are about, keyed by `bindingKey`; only those about a declared kind. */
export async function loadBindings(db: LabDatabase, refs: readonly EntityRef[]): Promise<Map<string, Binding>> {
  const bound = refs.filter((ref) => recordKindOf(ref.entityType) !== undefined);
  const out = new Map<string, Binding>();
  if (bound.length === 0) return out;
  const docs = await db.records.findByIds([...new Set(bound.map((ref) => ref.entityId))]).exec();
  for (const ref of bound) {
    const raw = docs.get(ref.entityId)?.toJSON() as RecordDocument | undefined;
    const record = raw && raw.kind === ref.entityType ? readStored(raw) : null;
    out.set(bindingKey(ref), { kind: recordKindOf(ref.entityType) as AnyRecordKind, record });
  }
  return out;
}

/** People as the record rules see them, read once for a batch. */
export interface RecordDirectory {
  managers: ManagerLookup;
  actorOf(personId: string): RecordActor;
}

export function recordDirectoryOf(directory: Directory): RecordDirectory {
  return { managers: directory.managers, actorOf: (id) => actorIn(directory, id) };
}

export const loadRecordDirectory = async (db: LabDatabase): Promise<RecordDirectory> => recordDirectoryOf(await loadDirectory(db));

/** The record as a run reads it, with the subject's managers as the directory says now. */
export function snapshotOf(binding: Binding | undefined, managers: ManagerLookup): RecordSnapshot | undefined {
  const doc = binding?.record?.doc;
  if (!doc) return undefined;
  return snapshotOfRecord({ ...doc, managerIds: doc.personId ? managers.managersOf(doc.personId) : doc.managerIds });
}

/** The scope stamped on the instance and its events (src-shared/sync/read-scope.ts reads it on pull). */
export const scopeOf = (binding: Binding | undefined): RecordScope | undefined => (binding?.record ? scopeOfRecord(binding.kind, binding.record.doc) : undefined);

/**
 * Whether the person may see and act on an instance: its record's read scope; the scope stamped
 * on the instance when the record is not on this PC; anyone's when it is about no declared record.
 */
export function mayReadBound(actor: RecordActor, binding: Binding | undefined, stamped: unknown): boolean {
  if (!actor.isActive) return false;
  if (!binding) return true;
  if (binding.record) return canReadRecordDoc(actor, binding.record);
  if (stamped && typeof stamped === 'object') return canReadScope(binding.kind, actor, stamped as RecordScope);
  return !isScopedKind(binding.kind);
}

/** The record an instance is about as a person sees it in lists and on the instance page. */
export const recordRefFor = (binding: Binding | undefined): RecordRefView | undefined => (binding?.record ? recordRefOf(binding.record.doc, binding.kind) : undefined);

const notShared = (field: string) => fail('not_found', 'That record no longer exists, or it is not shared with you.', { field });

/**
 * A start refers to a record the person may read, of the kind the definition is about. Workflows
 * about no kind may still name any other thing (free text), but never a record they may not read.
 */
export function checkStartRecord(definition: WorkflowDefinition, input: EntityRef, binding: Binding | undefined, actor: RecordActor): Result<null> {
  const wanted = definition.record_kind;
  if (wanted !== undefined && input.entityType !== wanted) {
    const label = recordKindOf(wanted)?.label.toLowerCase() ?? wanted.replace(/_/g, ' ');
    return fail('invalid_input', `${definition.name} runs on a ${label}; start it from one.`, { field: 'entityType' });
  }
  if (!binding) return ok(null);
  if (!binding.record || !canReadRecordDoc(actor, binding.record)) return notShared('entityId');
  if (binding.record.isFromNewerVersion) return fail('invalid_state', 'This record was written by a newer version of LabFlow; update LabFlow on this PC to run workflows on it.', { field: 'entityId' });
  return ok(null);
}

/** The record field a problem names (`data.<field>`), as the step form that sent it names it (`data.<key>`). */
function formFieldOf(definition: WorkflowDefinition, field: string | undefined): string | undefined {
  const name = field?.startsWith('data.') ? field.slice('data.'.length).split('.')[0] : undefined;
  if (name === undefined) return field;
  for (const step of definition.steps) for (const f of step.form ?? []) if (recordFieldOf(f) === name) return `data.${f.key}`;
  return field;
}

export interface RecordChangeRequest {
  db: LabDatabase;
  newId: () => string;
  definition: WorkflowDefinition;
  binding: Binding | undefined;
  changes: RecordChanges;
  actor: RecordActor;
  at: string;
  managers: ManagerLookup;
}

/** The record as the run's changes leave it, checked like a person's write (the run's own status move allowed). */
export async function planRecordChange(request: RecordChangeRequest): Promise<Result<{ before: RecordDocument; after: RecordDocument }>> {
  const { binding, changes } = request;
  const stored = binding?.record;
  if (!binding || !stored) return fail('not_found', 'The record this workflow is about is not on this computer any more; nothing was changed.');
  if (stored.isFromNewerVersion) return fail('invalid_state', 'This record was written by a newer version of LabFlow; update LabFlow on this PC first.');
  const before = stored.doc;
  const data: Record<string, unknown> = { ...before.data };
  for (const [field, change] of Object.entries(changes.fields ?? {})) {
    if (change.to === null || change.to === undefined) delete data[field];
    else data[field] = change.to;
  }
  const parsed = parseData(binding.kind, data);
  if (!parsed.ok) return fail(parsed.error.code, parsed.error.message, { field: formFieldOf(request.definition, parsed.error.field) ?? 'data', details: parsed.error.details });
  const planned = await planRecordWrite({
    db: request.db,
    newId: request.newId,
    kind: binding.kind,
    actor: request.actor,
    before,
    proposed: { ...before, status: changes.status?.to ?? before.status, data: parsed.value },
    at: request.at,
    managers: request.managers,
    ...(changes.status ? { workflowMove: changes.status.to } : {}),
  });
  if (!planned.ok) return fail(planned.error.code, planned.error.message, { ...(planned.error.field ? { field: formFieldOf(request.definition, planned.error.field) } : {}) });
  return ok({ before, after: planned.value });
}

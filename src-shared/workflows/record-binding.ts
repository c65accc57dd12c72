import { z } from 'zod';
import type { WorkflowInstance } from './instance';
import type { DataChanges } from './workflow-events';

/**
 * Workflows that act on records (src-shared/records). A definition names the record kind it is
 * about (`record_kind`); an instance starts from one record of that kind (`entityType` = the kind,
 * `entityId` = the record). The engine stays pure and replayable:
 *
 * - The runtime reads the record before every run and hands it in (`EngineOptions.record`). When it
 *   differs from what the instance last saw, the run's first event carries it (`record`), so the
 *   history holds every value routing and assignee rules ever read and a replay needs no record.
 * - Routing and `variable` assignees read `record.<field>`: the record's data fields, its `status`,
 *   `number`, `title`, `personId` (the person it is about), `ownerId`, `departmentId`, and
 *   `record.manager` (that person's managers).
 * - A step's outcome changes the record (`record_effects`: a status and fixed field values per
 *   action; step form fields sent to `record.<field>`). The event that makes a change carries it
 *   (`recordChanges`), the instance's copy of the record follows, and the runtime writes the record
 *   in the same audited command as the step.
 */

/** The record as a run saw it: data fields, then the record's own columns (which win). */
export type RecordSnapshot = Record<string, unknown>;

/** What one event changes on the record: a status move and data fields (from → to). */
export interface RecordChanges {
  status?: { from: string; to: string };
  fields?: DataChanges;
}

const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,79}$/, 'A record field is a name like hrNote.');
const scalar = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

/** What completing a step with one action does to its record. */
export const recordEffectSchema = z
  .object({
    /** The status the record moves to: a transition of its kind, including those only a workflow makes. */
    status: z.string().min(1).max(40).optional(),
    /** Data fields set to these values (null clears one). */
    set: z.record(fieldName, scalar).optional(),
  })
  .strict();
export type RecordEffect = z.infer<typeof recordEffectSchema>;

/** Per action (approve, reject, complete …): what the step's outcome does to the record. */
export const recordEffectsSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'An action is a lower-case word like approve.'), recordEffectSchema);

/** A record as host and server store it (src-shared/records/record-document.ts), as much as a snapshot reads. */
export interface BoundRecord {
  id: string;
  kind: string;
  status: string;
  number?: string;
  title?: string;
  personId?: string;
  managerIds?: readonly string[];
  ownerId?: string;
  departmentId?: string;
  data: Record<string, unknown>;
}

const columnNames = ['personId', 'ownerId', 'departmentId'] as const;

/** The snapshot of a stored record that routing and assignee rules read. */
export function snapshotOfRecord(record: BoundRecord): RecordSnapshot {
  const columns: Record<string, unknown> = {};
  for (const name of columnNames) if (record[name]) columns[name] = record[name];
  return {
    ...record.data,
    ...columns,
    id: record.id,
    kind: record.kind,
    status: record.status,
    number: record.number ?? '',
    title: record.title ?? '',
    managerIds: [...(record.managerIds ?? [])],
  };
}

/** What routing conditions and `variable` assignees read: the variables, and the record as `record`. */
export function routingContext(instance: Pick<WorkflowInstance, 'variables' | 'record'>): Readonly<Record<string, unknown>> {
  if (!instance.record) return instance.variables;
  return { ...instance.variables, record: { ...instance.record, manager: instance.record.managerIds ?? [] } };
}

/** The snapshot after an event's changes. */
export function applyRecordChanges(snapshot: RecordSnapshot, changes: RecordChanges): RecordSnapshot {
  const next = { ...snapshot };
  if (changes.status) next.status = changes.status.to;
  for (const [field, change] of Object.entries(changes.fields ?? {})) {
    if (change.to === null || change.to === undefined) delete next[field];
    else next[field] = change.to;
  }
  return next;
}

/** The net change a run's events make to the record (first `from`, last `to`), or undefined when none. */
export function mergeRecordChanges(events: readonly { recordChanges?: RecordChanges }[]): RecordChanges | undefined {
  let status: RecordChanges['status'];
  const fields: DataChanges = {};
  for (const { recordChanges } of events) {
    if (!recordChanges) continue;
    if (recordChanges.status) status = { from: status?.from ?? recordChanges.status.from, to: recordChanges.status.to };
    for (const [field, change] of Object.entries(recordChanges.fields ?? {})) fields[field] = { from: fields[field]?.from ?? change.from, to: change.to };
  }
  const hasFields = Object.keys(fields).length > 0;
  if (!status && !hasFields) return undefined;
  return { ...(status ? { status } : {}), ...(hasFields ? { fields } : {}) };
}

/** The changes one step outcome makes: the effect's status and fields, plus form values sent to the record. */
export function recordChangesFor(snapshot: RecordSnapshot | undefined, effect: RecordEffect | undefined, formFields: Readonly<Record<string, unknown>> = {}): RecordChanges | undefined {
  if (!snapshot) return undefined;
  const fields: DataChanges = {};
  for (const [field, to] of Object.entries({ ...formFields, ...(effect?.set ?? {}) })) {
    const from = snapshot[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to ?? null)) fields[field] = { from, to: to ?? null };
  }
  const current = String(snapshot.status ?? '');
  const status = effect?.status && effect.status !== current ? { from: current, to: effect.status } : undefined;
  const hasFields = Object.keys(fields).length > 0;
  if (!status && !hasFields) return undefined;
  return { ...(status ? { status } : {}), ...(hasFields ? { fields } : {}) };
}

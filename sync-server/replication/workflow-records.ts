import { isSameValue } from '../../src-shared/sync/conflicts';
import { workflowMovesOf, workflowScopeOf } from '../../src-shared/sync/workflow-record-rules';
import { gaplessHistory } from '../../src-shared/workflows/replay';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import type { SqlClient } from '../db/sql-database';
import { readDocuments, readWhere, upsertDocument, type StoredDocument } from './document-store';
import type { WorkflowHistories } from './rule-context';

/**
 * The records workflow instances are about, as the push transaction needs them
 * (src-shared/sync/workflow-record-rules.ts): which record each pushed event's instance names, the
 * scope stamped on events and instances, the workflow moves a pushed record may make, and the
 * restamping of instances and events when their record's scope changes.
 */
type Doc = Record<string, unknown>;
type Started = Extract<WorkflowEvent, { type: 'instance_started' }>;

export interface EventRecords {
  /** The record the instance is about as the server holds it, or null. */
  recordOf(instanceId: string): Doc | null;
  /** The scope its events and instance carry (none for workflows about no scoped record). */
  scopeOf(instanceId: string): Doc | undefined;
}

const startIn = (events: readonly WorkflowEvent[]): Started | undefined => (events[0]?.type === 'instance_started' ? events[0] : undefined);

/**
 * The records of these instances: named by their start as the server holds it, or by a start
 * pushed in the same request (`pushed`: workflow event documents).
 */
export async function loadEventRecords(tx: SqlClient, instanceIds: readonly string[], pushed: readonly Doc[], histories: WorkflowHistories): Promise<EventRecords> {
  const starts = new Map<string, Started>();
  for (const doc of pushed) {
    const data = doc.data as WorkflowEvent | undefined;
    if (data?.type === 'instance_started' && data.seq === 0 && typeof data.entityId === 'string') starts.set(data.instanceId, data);
  }
  for (const id of new Set(instanceIds)) {
    const held = startIn(histories.history(id));
    if (held) starts.set(id, held);
  }
  const records = await readDocuments(tx, 'records', [...new Set([...starts.values()].map((s) => s.entityId))]);
  const recordOf = (instanceId: string): Doc | null => {
    const start = starts.get(instanceId);
    const stored = start ? records.get(start.entityId) : undefined;
    return stored && !stored.deleted && stored.data.kind === start?.entityType ? stored.data : null;
  };
  return { recordOf, scopeOf: (instanceId) => workflowScopeOf(starts.get(instanceId), recordOf(instanceId)) };
}

interface Bound {
  instances: Doc[];
  /** Each instance's events the server holds, gapless and in order. */
  histories: Map<string, WorkflowEvent[]>;
  /** Each instance's stored event documents. */
  rows: Map<string, StoredDocument[]>;
}

/** The instances bound to these records, with their events. */
async function boundHistories(tx: SqlClient, recordIds: string[]): Promise<Bound> {
  const instances = (await readWhere(tx, 'workflow_instances', 'entityId', recordIds)).map((row) => ({ ...row.data, id: row.id }));
  const histories = new Map<string, WorkflowEvent[]>();
  const rows = new Map<string, StoredDocument[]>();
  for (const row of await readWhere(tx, 'workflow_events', 'instanceId', instances.map((i) => String(i.id)))) {
    const event = row.data.data as WorkflowEvent | undefined;
    if (!event || typeof event.seq !== 'number') continue;
    histories.set(event.instanceId, [...(histories.get(event.instanceId) ?? []), event]);
    rows.set(event.instanceId, [...(rows.get(event.instanceId) ?? []), row]);
  }
  for (const [id, events] of histories) histories.set(id, gaplessHistory(events));
  return { instances, histories, rows };
}

/** For each pushed record, the statuses its workflows moved it to from its stored status on (`RelatedDocuments.workflowMoves`). */
export async function loadWorkflowMoves(tx: SqlClient, targets: readonly { doc: Doc; previous: Doc | null }[]): Promise<Map<string, string[]>> {
  const stored = targets.filter((t) => t.previous && typeof t.doc.id === 'string');
  const moves = new Map<string, string[]>();
  if (stored.length === 0) return moves;
  const { histories } = await boundHistories(tx, stored.map((t) => String(t.doc.id)));
  for (const { doc, previous } of stored) {
    const record = { id: String(doc.id), kind: String(previous?.kind ?? doc.kind), status: String(previous?.status ?? '') };
    moves.set(record.id, workflowMovesOf(record, [...histories.values()]));
  }
  return moves;
}

/**
 * Stamps the record's current scope on the instances bound to it and on their events whose stamp
 * differs, so pulls send them where the record now goes. Returns the collections written.
 */
export async function restampRecordWorkflows(tx: SqlClient, record: Doc): Promise<string[]> {
  const { instances, histories, rows } = await boundHistories(tx, [String(record.id)]);
  const written = new Set<string>();
  for (const instance of instances) {
    if (instance.entityType !== record.kind) continue;
    const start = startIn(histories.get(String(instance.id)) ?? []);
    const scope = workflowScopeOf(start, record._deleted === true ? null : record);
    if (!scope) continue;
    if (!isSameValue(instance.subjectScope, scope)) {
      await upsertDocument(tx, 'workflow_instances', String(instance.id), { ...instance, subjectScope: scope, _deleted: false });
      written.add('workflow_instances');
    }
    for (const row of rows.get(String(instance.id)) ?? []) {
      if (isSameValue(row.data.subjectScope, scope)) continue;
      await upsertDocument(tx, 'workflow_events', row.id, { ...row.data, subjectScope: scope, _deleted: false });
      written.add('workflow_events');
    }
  }
  return [...written];
}

/** A pushed workflow document with the server's scope in place of the PC's claim. */
export function withServerScope<T extends Doc>(doc: T, scope: Doc | undefined): T {
  const { subjectScope: _claimed, ...rest } = doc;
  return (scope ? { ...rest, subjectScope: scope } : rest) as T;
}

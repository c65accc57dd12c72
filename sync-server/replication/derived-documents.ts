import type { AppError } from '../../src-shared/core/result';
import { isSameContent, isSameValue } from '../../src-shared/sync/conflicts';
import type { WireDocument } from '../../src-shared/sync/protocol';
import { scopeProjection } from '../../src-shared/sync/read-scope';
import { isRecordSubject } from '../../src-shared/sync/related-documents';
import { deriveInstanceDocument, judgeInstancePush } from '../../src-shared/sync/workflow-instance-rules';
import type { SqlClient } from '../db/sql-database';
import { readForUpdate, readWhere, toWire, upsertDocument } from './document-store';
import type { WorkflowHistories } from './rule-context';

/**
 * Documents the server writes itself because they follow from others: workflow instances from
 * their events (workflow-instance-rules.ts), with the scope of the record they are about
 * (workflow-records.ts), and the read scope stamped on activity about an HR or finance record from
 * that record (read-scope.ts). Runs inside the push transaction, with the
 * collections it writes locked.
 */
type Doc = Record<string, unknown>;

/** The scope an instance carries (workflow-records.ts): its record's, when it is about a scoped one. */
export type ScopeOf = (instanceId: string) => Doc | undefined;

/** Stores the instance its history gives (with its record's scope) when the stored one differs; returns the instance as it now stands. */
async function storeDerivedInstance(tx: SqlClient, id: string, stored: Doc | null, histories: WorkflowHistories, scopeOf?: ScopeOf): Promise<Doc | null> {
  const history = histories.history(id);
  const first = history[0];
  if (first?.type !== 'instance_started') return stored;
  const definitionId = histories.definitions.version(first.workflowCode, first.definitionVersion)?.id ?? '';
  const derived = deriveInstanceDocument(history, stored, definitionId);
  if (!derived) return stored;
  const scope = scopeOf?.(id);
  const scoped = scope && !isSameValue(derived.subjectScope, scope) ? { ...derived, subjectScope: scope } : derived;
  if (scoped === stored) return stored;
  await upsertDocument(tx, 'workflow_instances', id, scoped as WireDocument);
  return scoped;
}

/** After events were accepted (or lost a race): every touched instance becomes the replay of its events. Returns whether any was written. */
export async function deriveInstances(tx: SqlClient, instanceIds: Iterable<string>, histories: WorkflowHistories, scopeOf?: ScopeOf): Promise<boolean> {
  const ids = [...new Set(instanceIds)];
  const stored = await readForUpdate(tx, 'workflow_instances', ids);
  let wrote = false;
  for (const id of ids) {
    const before = stored.get(id) ? toWire(stored.get(id)!) : null;
    wrote = (await storeDerivedInstance(tx, id, before, histories, scopeOf)) !== before || wrote;
  }
  return wrote;
}

export interface InstancePushOutcome {
  refused?: AppError;
  /** The server's instance, when the PC must take it instead of its own. */
  reply?: Doc;
  wrote: boolean;
}

/**
 * A pushed instance never becomes the server's by itself: the server's instance is derived from
 * the events it holds, and the PC gets it back whenever its own differs.
 */
export async function pushInstance(tx: SqlClient, id: string, incoming: Doc, master: Doc | null, histories: WorkflowHistories, scopeOf?: ScopeOf): Promise<InstancePushOutcome> {
  const judgement = judgeInstancePush(incoming, histories.history(id).length);
  if (judgement.kind === 'refuse') return { refused: judgement.error, wrote: false };
  const current = judgement.kind === 'pending' ? master : await storeDerivedInstance(tx, id, master, histories, scopeOf);
  return { ...(current && !isSameContent(current, incoming) ? { reply: current } : {}), wrote: current !== master };
}

/**
 * Stamps an HR or finance record's current scope on the activity about it (comments, conflict
 * records) whose stamp differs, so pulls send those documents where the record goes — and take
 * them back from whoever the record no longer reaches. Returns whether anything was written.
 */
export async function restampRecordActivity(tx: SqlClient, record: Doc): Promise<boolean> {
  const scope = scopeProjection('records', record);
  let wrote = false;
  for (const row of await readWhere(tx, 'activity', 'subjectId', [String(record.id)])) {
    const data = (row.data.data && typeof row.data.data === 'object' ? row.data.data : {}) as Doc;
    if (!isRecordSubject(row.data.subjectType) || isSameValue(data.subjectScope, scope)) continue;
    await upsertDocument(tx, 'activity', row.id, { ...row.data, data: { ...data, subjectScope: scope }, _deleted: row.deleted });
    wrote = true;
  }
  return wrote;
}

import type { RecordDocument } from '../../src-shared/records/record-document';
import type { RecordScope } from '../../src-shared/records/record-scope';
import type { EngineResult } from '../../src-shared/workflows/engine-run';
import type { WriteContext } from '../audit/audited-writer';
import type { HostServices } from '../host/handler-types';
import { forgetIntents, rememberIntents } from './record-intents';
import { eventDocument, instanceFields, type InstanceDocument } from './workflow-documents';

/** One engine result to persist: the instance before it (null for a start) and who did it. */
export interface PersistEntry {
  result: EngineResult;
  previous: InstanceDocument | null;
  definitionId: string;
  context: WriteContext;
  /** The record the run changes (record-link.ts `planRecordChange`), written in the same command. */
  record?: { before: RecordDocument; after: RecordDocument };
  /** The scope of the record the instance is about, stamped on the instance and its events. */
  scope?: RecordScope;
}

/** Events of the instance exist already: the stored instance is behind its history (a cut-off write, or another PC). */
export interface EventConflict {
  conflict: true;
  instanceId: string;
}

/**
 * Persists engine results. RxDB cannot write two collections atomically, so the order makes it
 * crash-safe: the events first (the source of truth: `replay` rebuilds an instance from them),
 * then the records the runs change and the instances, through the audited writer (audit entries,
 * then documents). A record write is noted on this PC before the events (record-intents.ts), so
 * a crash before its audit entry is finished on the next start. A crash after
 * the events leaves instances whose `eventCount` lags their history; `repairInstances` replays
 * them on the next start. A crash between audit entry and document is rolled forward by the audit
 * recovery. Events are never updated: when an event id exists already, that instance is reported
 * as a conflict and not written.
 *
 * Batched: all events in one insert, all audit entries in one, all instances in one write, so a
 * batch of steps (the scheduler catching up, a migration, the benchmark) costs a few transactions.
 * The entries must be for different instances. Runs inside the write queue; returns, per entry,
 * the instance as written (the previous one when its result has no events) or the conflict.
 */
export async function persistResults(services: Pick<HostServices, 'db' | 'writer'>, entries: readonly PersistEntry[]): Promise<(InstanceDocument | EventConflict)[]> {
  const { db, writer } = services;
  const events = entries.flatMap((entry) => entry.result.events.map((event) => eventDocument(event, '', entry.scope)));
  const changing = entries.filter((entry) => entry.record && entry.result.events.length > 0);
  await rememberIntents(
    services,
    changing.map((entry) => ({
      instanceId: entry.result.instance.id,
      lastEventId: entry.result.events.at(-1)?.id ?? '',
      after: entry.record?.after as RecordDocument,
      actor: entry.context.actor,
      command: entry.context.command,
      at: entry.context.now.toISOString(),
    })),
  );
  const conflicted = new Set<string>();
  if (events.length > 0) {
    const instanceOf = new Map(events.map((event) => [event.id, event.instanceId]));
    const inserted = await db.workflow_events.bulkInsert(events);
    for (const error of inserted.error) {
      if (error.status !== 409) throw new Error(`Writing workflow events failed: ${JSON.stringify(error)}`);
      conflicted.add(instanceOf.get(error.documentId) ?? '');
    }
  }
  const toWrite = entries.filter((entry) => entry.result.events.length > 0 && !conflicted.has(entry.result.instance.id));
  await writer.replaceMany<RecordDocument>(
    'records',
    toWrite.flatMap((entry) => (entry.record ? [{ before: entry.record.before, fields: { ...entry.record.after }, context: entry.context }] : [])),
  );
  await forgetIntents(services, changing.map((entry) => entry.result.instance.id));
  const written = await writer.replaceMany<InstanceDocument>(
    'workflow_instances',
    toWrite.map((entry) => ({
      before: entry.previous,
      fields: { id: entry.result.instance.id, ...instanceFields(entry.result.instance, entry.definitionId), ...(entry.scope ? { subjectScope: entry.scope } : {}) },
      context: entry.context,
      // The events are the instance's detailed history: its audit entries list the status and event count, not the state's old and new copies.
      toldElsewhere: ['state'],
    })),
  );
  const byId = new Map(written.map((doc) => [doc.id, doc]));
  return entries.map((entry) => {
    const id = entry.result.instance.id;
    if (conflicted.has(id)) return { conflict: true, instanceId: id };
    return byId.get(id) ?? (entry.previous as InstanceDocument);
  });
}

export const isConflict = (outcome: InstanceDocument | EventConflict): outcome is EventConflict => 'conflict' in outcome;

import type { EngineResult } from '../../src-shared/workflows/engine-run';
import type { WriteContext } from '../audit/audited-writer';
import type { HostServices } from '../host/handler-types';
import { eventDocument, instanceFields, type InstanceDocument } from './workflow-documents';

/** Events with these ids exist already: the stored instance is behind its history (a cut-off write, or another PC). */
export class EventConflictError extends Error {
  constructor(readonly instanceId: string, readonly eventIds: string[]) {
    super(`Workflow events ${eventIds.join(', ')} of ${instanceId} exist already.`);
  }
}

/**
 * Persists one engine result. RxDB cannot write two collections atomically, so the order makes
 * it crash-safe: the events first (they are the source of truth: `replay` rebuilds the instance
 * from them), then the instance through the audited writer (audit entry, then the document).
 * A crash after the events leaves an instance whose `eventCount` lags its history;
 * `repairInstances` replays it on the next start. A crash between audit entry and document is
 * rolled forward by the audit recovery. Events are never updated: an id that exists already is
 * reported as `EventConflictError` and the instance is not written.
 *
 * Runs inside the write queue. Returns the instance document as written (the previous one when
 * the result has no events, e.g. a repeated command).
 */
export async function persistResult(
  services: Pick<HostServices, 'db' | 'writer'>,
  result: EngineResult,
  previous: InstanceDocument | null,
  definitionId: string,
  context: WriteContext,
): Promise<InstanceDocument> {
  if (result.events.length === 0 && previous) return previous;
  const { db, writer } = services;
  const inserted = await db.workflow_events.bulkInsert(result.events.map((event) => eventDocument(event, '')));
  if (inserted.error.length > 0) {
    const conflicts = inserted.error.filter((e) => e.status === 409).map((e) => e.documentId);
    if (conflicts.length !== inserted.error.length) throw new Error(`Writing workflow events failed: ${JSON.stringify(inserted.error[0])}`);
    throw new EventConflictError(result.instance.id, conflicts);
  }
  return writer.replace<InstanceDocument>('workflow_instances', previous, { id: result.instance.id, ...instanceFields(result.instance, definitionId) }, context);
}

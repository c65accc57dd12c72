import type { RecordDocument } from '../../src-shared/records/record-document';
import type { WriteContext } from '../audit/audited-writer';
import type { HostServices } from '../host/handler-types';

/**
 * Crash safety for record writes that workflow steps make. A step is persisted events first, then
 * the record, then the instance (persist-result.ts); the audit recovery rolls forward a record
 * whose audit entry was written, and `repairInstances` replays an instance behind its events — but
 * a crash after the events and before the record's audit entry would leave an approval whose
 * record never moved. So the record write is noted on this PC first (a local document, never
 * synced) and forgotten once written; on the next start a noted write whose events exist is done
 * then. Only this PC's own unfinished writes are rolled forward, never what arrived by sync.
 */

const INTENTS_KEY = 'workflow-record-intents';

export interface RecordIntent {
  instanceId: string;
  /** The last event of the run: the write happened if this event exists. */
  lastEventId: string;
  /** The record as the run leaves it. */
  after: RecordDocument;
  actor: WriteContext['actor'];
  command: string;
  at: string;
}

type Services = Pick<HostServices, 'db' | 'writer' | 'log'>;

async function read(services: Pick<HostServices, 'db'>): Promise<RecordIntent[]> {
  const doc = await services.db.getLocal<{ intents: RecordIntent[] }>(INTENTS_KEY);
  return (doc?.get('intents') as RecordIntent[] | undefined) ?? [];
}

/** Notes record writes about to happen (inside the write queue, before their events are written). */
export async function rememberIntents(services: Pick<HostServices, 'db'>, intents: readonly RecordIntent[]): Promise<void> {
  if (intents.length === 0) return;
  await services.db.upsertLocal(INTENTS_KEY, { intents: [...(await read(services)), ...intents] });
}

/** Forgets the writes of these instances: they are done, or were never made (their events lost a race). */
export async function forgetIntents(services: Pick<HostServices, 'db'>, instanceIds: readonly string[]): Promise<void> {
  if (instanceIds.length === 0) return;
  const gone = new Set(instanceIds);
  const left = (await read(services)).filter((intent) => !gone.has(intent.instanceId));
  await services.db.upsertLocal(INTENTS_KEY, { intents: left });
}

/**
 * Completes record writes cut off by a crash: those whose run's events exist and whose record is
 * not yet as the run left it (nor changed since). Run once on start, inside the write queue.
 */
export async function finishIntents(services: Services): Promise<number> {
  const intents = await read(services);
  if (intents.length === 0) return 0;
  const events = await services.db.workflow_events.findByIds(intents.map((i) => i.lastEventId)).exec();
  let done = 0;
  for (const intent of intents) {
    if (!events.has(intent.lastEventId)) continue;
    const stored = (await services.db.records.findOne(intent.after.id).exec())?.toJSON() as RecordDocument | undefined;
    // Written already (its audit entry rolled it forward), or changed since by someone else: nothing to finish.
    if (!stored || stored.updatedAt >= intent.at) continue;
    await services.writer.replace('records', stored, { ...intent.after }, { actor: intent.actor, command: intent.command, now: new Date(intent.at) });
    done++;
  }
  await services.db.upsertLocal(INTENTS_KEY, { intents: [] });
  if (done > 0) services.log.warn('record changes of workflow steps completed after a crash', { count: done });
  return done;
}

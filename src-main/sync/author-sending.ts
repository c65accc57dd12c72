import { createRevision, deepEqual, getAssumedMasterState, now, writeDocToDocState, type RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { writerIdOf } from '../../src-shared/audit/audit-chain';
import { waitsOnLaterPushes } from '../../src-shared/sync/collections';
import { MAX_AUDIT_IDS_PER_ROW, type SyncCheckpoint } from '../../src-shared/sync/protocol';
import { heldDocumentsOf } from '../database/open-database';
import type { HostServices } from '../host/handler-types';
import { authorOf } from './push-groups';
import type { PushSenderOptions } from './push-sender';
import { createParkedRows, type ParkedRow } from './parked-rows';
import type { ServerSession } from './server-session';

type Doc = Record<string, unknown>;

/** How often rows waiting for the server, or for their record, are offered again. */
const RETRY_WAITING_MS = 60_000;

export interface AuthorSendingOptions {
  services: HostServices;
  /** A person's own server sign-in here (the PC account's person included), or null. */
  sessionFor(personId: string): ServerSession | null;
  /** The replication of a collection, while team sync runs. */
  replicationOf(collection: string): RxReplicationState<Doc, SyncCheckpoint> | undefined;
}

/**
 * The desktop's half of "each change with its author's own sign-in" (issue 18): what every
 * collection's push needs (push-sender.ts) — the rows that wait (parked-rows.ts), this PC's audit
 * entries behind a record, whether an audit entry's record is still on its way — and the moments
 * waiting rows are offered again: when their author signs in, when the server took something of
 * their collection (a workflow event after one that waited), when their record was answered, and
 * once a minute.
 */
export function createAuthorSending(options: AuthorSendingOptions) {
  const { services } = options;
  const { db } = services;
  const held = heldDocumentsOf(db);
  const parked = createParkedRows(db, held);
  // The held version of a document may go at once when whoever made it has a sign-in here.
  held.canSendNow = (collection, doc) => options.sessionFor(authorOf(collection, doc)) !== null;
  let timer: ReturnType<typeof setInterval> | undefined;

  /** Writes the released rows' documents again (same content, new revision), so their replications send them. */
  async function resend(rows: readonly ParkedRow[]): Promise<void> {
    const byCollection = new Map<string, string[]>();
    for (const row of rows) byCollection.set(row.collection, [...(byCollection.get(row.collection) ?? []), row.id]);
    await services.runExclusive(async () => {
      for (const [name, ids] of byCollection) {
        const collection = db[name as keyof typeof db.collections] as RxCollection | undefined;
        if (!collection) continue;
        const current = await collection.storageInstance.findDocumentsById(ids, true);
        const writes = current.map((previous) => ({ previous, document: { ...previous, _rev: createRevision(db.token, previous), _meta: { ...previous._meta, lwt: now() } } }));
        if (writes.length > 0) await collection.storageInstance.bulkWrite(writes, 'labflow-release-waiting');
      }
    });
  }

  const releaseWhere = (isDue: (row: ParkedRow) => boolean) => {
    const due = parked.release(isDue);
    if (due.length > 0) void resend(due).catch((error: unknown) => services.log.warn('could not offer waiting changes again', { error: String(error) }));
  };

  /** Whether the record's latest local change has not been answered by the server yet. */
  async function isRecordWaiting(collection: string, id: string): Promise<boolean> {
    if (parked.get(collection, id)) return true;
    const internal = options.replicationOf(collection)?.internalReplicationState;
    const target = db[collection as keyof typeof db.collections] as RxCollection | undefined;
    if (!internal || !target) return false;
    const [fork] = await target.storageInstance.findDocumentsById([id], true);
    if (!fork) return false;
    const assumed = (await getAssumedMasterState(internal, [id]))[id];
    return !assumed || !deepEqual(assumed.docData, writeDocToDocState(fork, false, false));
  }

  /** The ids of this PC's entries by `authorId` behind each record, up to the record's own `auditId`. */
  async function auditIdsOf(collection: string, records: readonly Doc[], authorId: string): Promise<Map<string, string[]>> {
    const ids = records.map((r) => String(r.id));
    const entries = await db.audit.find({ selector: { recordId: { $in: ids }, writerId: writerIdOf(services.pcId, authorId) } }).exec();
    const lastOf = new Map(records.map((r) => [String(r.id), typeof r.auditId === 'string' ? r.auditId : '']));
    const out = new Map<string, string[]>();
    for (const entry of entries) {
      const recordId = String(entry.get('recordId'));
      if (entry.get('collectionName') !== collection || entry.id > (lastOf.get(recordId) ?? '')) continue;
      out.set(recordId, [...(out.get(recordId) ?? []), entry.id]);
    }
    for (const [recordId, list] of out) out.set(recordId, list.sort().slice(-MAX_AUDIT_IDS_PER_ROW));
    return out;
  }

  const authors: Pick<PushSenderOptions, 'sessionFor' | 'parked' | 'auditIdsOf' | 'isRecordWaiting' | 'isKnownPerson' | 'clock'> = {
    sessionFor: options.sessionFor,
    parked,
    auditIdsOf,
    isRecordWaiting,
    isKnownPerson: async (personId) => (await db.people.findOne(personId).exec()) !== null,
    clock: services.clock,
  };

  return {
    parked,
    authors,

    /** Starts offering waiting rows again for `serverUrl`'s replications. */
    async start(serverUrl: string): Promise<void> {
      await parked.open(serverUrl);
      clearInterval(timer);
      timer = setInterval(() => this.retryWaiting(), RETRY_WAITING_MS);
      timer.unref?.();
    },

    /**
     * People with a sign-in changed: the rows that waited for their sign-in go now. Only those: this
     * runs whenever the waiting rows change, so releasing rows that wait for the server here sent
     * them again at once, round after round, and their collection never settled (the activity that
     * would let the server judge them waited behind it, collections.ts `pushAfter`).
     */
    onSignIns(): void {
      releaseWhere((row) => row.reason === 'author' && options.sessionFor(row.authorId) !== null);
    },

    /**
     * The server answered rows of `collection`: what waited for the server there may be judged now
     * (the events before a waiting one arrived), and audit entries waiting for these records may go.
     */
    onAnswered(collection: string, ids: readonly string[]): void {
      if (ids.length === 0) return;
      releaseWhere((row) => row.reason === 'server' && (row.collection === collection || (waitsOnLaterPushes[row.collection] ?? []).includes(collection)));
      const records = new Set(ids.map((id) => `${collection}/${id}`));
      const replication = options.replicationOf(collection);
      // Once RxDB has recorded the answer, the records no longer count as waiting.
      void (replication ? replication.awaitInSync() : Promise.resolve()).then(() => releaseWhere((row) => row.reason === 'record' && records.has(row.waitsFor ?? '')), () => undefined);
    },

    /** Offers every row that may be judged now again (the minute's retry; Sync now). */
    retryWaiting(): void {
      releaseWhere((row) => row.reason !== 'author' || options.sessionFor(row.authorId) !== null);
    },

    dispose(): void {
      clearInterval(timer);
      held.canSendNow = () => false;
      parked.dispose();
    },
  };
}

export type AuthorSending = ReturnType<typeof createAuthorSending>;

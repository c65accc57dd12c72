import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { SyncCollection } from '../../src-shared/sync/collections';
import { checkpointToQuery, MAX_PULL_BATCH, MAX_PUSH_BATCH, SYNC_API_PREFIX, SYNC_COUNT_HEADER, type PullResponse, type PushResponse, type RefusedWrite, type SyncCheckpoint, type WireDocument } from '../../src-shared/sync/protocol';
import { keepLocalOnlyFields, redactForPush } from '../../src-shared/sync/redaction';
import { errorOf, ServerUnreachableError } from './server-api';
import type { ServerSession } from './server-session';
import { pushWithAuthors, type PushSenderOptions } from './push-sender';
import { openEventStream } from './event-stream';
import { createPushFence } from './push-fence';
import { createSentVersions } from './sent-versions';

type Doc = Record<string, unknown>;

export interface CollectionReplicationOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every collection replicates through the same code
  collection: RxCollection<any>;
  spec: SyncCollection;
  all: readonly SyncCollection[];
  /** The PC's team account: pulls, streams, the system's changes and probes (push-sender.ts). */
  session: ServerSession;
  /** How pushed rows go with their authors' own sign-ins and wait without one (push-sender.ts); without it, every row goes with `session`. */
  authors?: Pick<PushSenderOptions, 'sessionFor' | 'parked' | 'auditIdsOf' | 'isRecordWaiting' | 'isKnownPerson' | 'clock'>;
  /** Names the replication's stored checkpoints; one per server, so a new server starts over. */
  identifier: string;
  isLive: boolean;
  pullBatchSize?: number;
  retryTimeMs?: number;
  /** A live stream silent for this long (heartbeats included) is reconnected. */
  silenceTimeoutMs?: number;
  maxBackoffMs?: number;
  /** The server refused these writes; `documents` are the refused versions, to be kept. */
  onRefused?(refusals: RefusedWrite[], documents: Doc[]): void;
  onStreamState?(isUp: boolean, reason?: string): void;
  /** The server has answered for these documents (taken, merged or refused), or they now wait (parked-rows.ts): they are no longer pending. */
  onPushed?(ids: string[]): void;
  /** The server answered these documents (taken, merged or refused); not those that wait. */
  onAnswered?(ids: string[]): void;
  /** Every request tells whether the server answered, so the status can say offline and back. */
  onReachability?(isReachable: boolean, reason?: string): void;
  /** A request got a good answer (the end of an outage, for the log). */
  onRequestSucceeded?(): void;
  /** Awaited before each push: lets the documents this collection's rules consult reach the server first (collections.ts `pushAfter`). */
  beforePush?(): Promise<void>;
}

export interface CollectionReplication {
  state: RxReplicationState<Doc, SyncCheckpoint>;
  /** Server documents held back until this PC's push of them is answered (push-fence.ts). */
  heldDocuments(): number;
  /** Changes still to receive while catching up: the server's count at the start of a pull pass, less what arrived since. */
  toReceive(): number;
  /** The newest change of the collection handed to the database (by pull or stream); null before the first. */
  lastSeenSeq(): number | null;
  /**
   * Hands server versions fetched by the consistency check to RxDB, like a stream page: after the
   * pages before it, and after this PC's push of them is answered.
   */
  deliver(documents: WireDocument[]): Promise<void>;
  /** A request to this collection's other sync routes (`/digest` …) with the PC's account, reported like the replication's own. */
  send(path: string, init?: RequestInit): Promise<Response>;
  cancel(): Promise<void>;
}

/**
 * One collection replicated with the sync server through RxDB's replication protocol: pull by
 * checkpoint, push with the assumed master state (the server answers conflicts, merged or not),
 * and the live SSE stream, which resumes from the last checkpoint seen and asks RxDB to re-sync
 * after every reconnect. PC-only fields never travel to other PCs (a password hash goes to the
 * server's credentials only) and are kept on documents that come back.
 */
export function replicateCollection(options: CollectionReplicationOptions): CollectionReplication {
  const { collection, spec, all, session } = options;
  const primaryKey = (spec.schema as { primaryKey: string }).primaryKey;
  const base = `${SYNC_API_PREFIX}/${spec.name}`;
  let lastCheckpoint: SyncCheckpoint | null = null;
  const stream$ = new Subject<RxReplicationPullStreamItem<Doc, SyncCheckpoint>>();
  let delivering = Promise.resolve();
  // Settled once RxDB has stored the answer of the push running now: that push runs inside its upstream queue.
  const fence = createPushFence(async () => state.internalReplicationState?.streamQueue.up);
  const idsOf = (docs: readonly Doc[]) => docs.map((d) => String(d[primaryKey]));
  // The base of a push whose earlier answer RxDB could not record (sent-versions.ts).
  const sentVersions = createSentVersions();
  let toReceive = 0;
  /** Hands a page of server documents to RxDB in arrival order, once no push of them is unanswered. */
  const deliverPage = (documents: readonly WireDocument[], checkpoint: () => SyncCheckpoint | null): Promise<void> => {
    const delivered = delivering.then(async () => {
      await fence.waitFor(idsOf(documents));
      const withLocal = await withLocalFields([...documents]);
      const at = checkpoint();
      if (at) lastCheckpoint = at;
      if (at && !stream$.closed) stream$.next({ documents: withLocal as WithDeleted<Doc>[], checkpoint: at });
    });
    delivering = delivered.catch(() => undefined);
    return delivered;
  };
  /** A request to the server that reports whether it got through. */
  const send = async (path: string, init?: RequestInit, via: ServerSession = session): Promise<Response> => {
    try {
      const response = await via.fetch(path, init);
      options.onReachability?.(true);
      if (response.ok) options.onRequestSucceeded?.();
      return response;
    } catch (error) {
      if (error instanceof ServerUnreachableError) options.onReachability?.(false, error.message);
      throw error;
    }
  };

  const withLocalFields = async (docs: Doc[]): Promise<Doc[]> => {
    if (!spec.localOnlyFields.length || docs.length === 0) return docs;
    const local = await collection.storageInstance.findDocumentsById(docs.map((d) => String(d[primaryKey])), true);
    const byId = new Map(local.map((d) => [String((d as Doc)[primaryKey]), d as Doc]));
    return docs.map((d) => keepLocalOnlyFields(spec, d, byId.get(String(d[primaryKey]))));
  };

  const pushWith = async (via: ServerSession, rows: unknown[]): Promise<PushResponse> => {
    const response = await send(`${base}/push`, { method: 'POST', body: JSON.stringify({ rows }) }, via);
    if (!response.ok) throw new Error((await errorOf(response)).message);
    return (await response.json()) as PushResponse;
  };

  const state = replicateRxCollection<Doc, SyncCheckpoint>({
    collection,
    replicationIdentifier: options.identifier,
    live: options.isLive,
    retryTime: options.retryTimeMs ?? 5000,
    waitForLeadership: false,
    autoStart: true,
    pull: {
      batchSize: options.pullBatchSize ?? MAX_PULL_BATCH,
      async handler(checkpoint, batchSize) {
        const query = new URLSearchParams({ limit: String(batchSize), ...checkpointToQuery(checkpoint) });
        // The first page of a catch-up asks how much is left; later pages count down from it.
        const response = await send(`${base}/pull?${query}`, toReceive === 0 ? { headers: { [SYNC_COUNT_HEADER]: '1' } } : undefined);
        if (!response.ok) throw new Error((await errorOf(response)).message);
        const page = (await response.json()) as PullResponse;
        toReceive = page.documents.length < batchSize ? 0 : (page.remaining ?? Math.max(0, toReceive - page.documents.length));
        await fence.waitFor(idsOf(page.documents));
        if (page.checkpoint) lastCheckpoint = page.checkpoint;
        return { documents: (await withLocalFields(page.documents)) as WithDeleted<Doc>[], checkpoint: page.checkpoint ?? checkpoint ?? (null as unknown as SyncCheckpoint) };
      },
      stream$: stream$.asObservable(),
    },
    push: {
      batchSize: Math.min(100, MAX_PUSH_BATCH),
      modifier: (doc) => redactForPush(spec, doc, all) as WithDeleted<Doc>,
      async handler(rows) {
        await options.beforePush?.();
        // Each change goes with the identity of the person who made it, so the server judges them, never the PC's account.
        const asRxdbSent = rows as { newDocumentState: WireDocument; assumedMasterState?: WireDocument | null }[];
        const typed = asRxdbSent.map((row) => sentVersions.withBase(String(row.newDocumentState[primaryKey]), row));
        // The server's versions of these documents wait until RxDB has stored this push's answer (push-fence.ts).
        const result = await fence.around(idsOf(typed.map((r) => r.newDocumentState)), async () =>
          options.authors
            ? await pushWithAuthors(typed, { spec, pcAccount: session, post: pushWith, ...options.authors })
            : { ...(await pushWith(session, typed)), answered: typed.map((r) => String(r.newDocumentState[primaryKey])), parked: [] },
        );
        const refusedOrWaiting = new Set([...result.refused.map((r) => r.id), ...result.parked.map((p) => p.id)]);
        sentVersions.remember(
          asRxdbSent.map((sent) => ({ id: String(sent.newDocumentState[primaryKey]), sent })),
          new Set(idsOf(result.conflicts).filter((id) => !refusedOrWaiting.has(id))),
        );
        options.onPushed?.([...result.answered, ...result.parked.map((p) => p.id)]);
        options.onAnswered?.(result.answered);
        if (result.refused.length) {
          const refusedIds = new Set(result.refused.map((r) => r.id));
          options.onRefused?.(result.refused, rows.map((r) => r.newDocumentState as Doc).filter((d) => refusedIds.has(String(d[primaryKey]))));
        }
        return (await withLocalFields(result.conflicts)) as WithDeleted<Doc>[];
      },
    },
  });

  const stream = options.isLive
    ? openEventStream({
        silenceTimeoutMs: options.silenceTimeoutMs ?? 45_000,
        maxBackoffMs: options.maxBackoffMs ?? 30_000,
        connect: async (signal) => send(`${base}/stream?${new URLSearchParams(checkpointToQuery(lastCheckpoint))}`, { signal }),
        onOpen: () => {
          options.onStreamState?.(true);
          // Whatever happened while the stream was down is fetched by a normal pull.
          stream$.next('RESYNC');
        },
        onDown: (reason) => options.onStreamState?.(false, reason),
        onEvent: (event, data) => {
          if (event !== 'changes') return;
          const page = JSON.parse(data) as { documents: WireDocument[]; checkpoint: SyncCheckpoint };
          // Chained, so pages reach RxDB in the order the server sent them.
          void deliverPage(page.documents, () => page.checkpoint);
        },
      })
    : null;

  return {
    state,
    heldDocuments: fence.heldDocuments,
    toReceive: () => toReceive,
    lastSeenSeq: () => lastCheckpoint?.seq ?? null,
    // Under the checkpoint already reached: these versions are older than it, so it does not move.
    deliver: (documents) => deliverPage(documents, () => lastCheckpoint),
    send: (path, init) => send(base + path, init),
    async cancel() {
      stream?.close();
      stream$.complete();
      await state.cancel();
    },
  };
}

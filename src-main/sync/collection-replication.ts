import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { SyncCollection } from '../../src-shared/sync/collections';
import { checkpointToQuery, MAX_PUSH_BATCH, SYNC_API_PREFIX, type PullResponse, type PushResponse, type RefusedWrite, type SyncCheckpoint, type WireDocument } from '../../src-shared/sync/protocol';
import { keepLocalOnlyFields, redactForPush } from '../../src-shared/sync/redaction';
import { errorOf, ServerUnreachableError } from './server-api';
import type { ServerSession } from './server-session';
import { pushWithAuthors, type PushSenderOptions } from './push-sender';
import { openEventStream } from './event-stream';

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
  /** Awaited before each push: lets the documents this collection's rules consult reach the server first (collections.ts `pushAfter`). */
  beforePush?(): Promise<void>;
}

export interface CollectionReplication {
  state: RxReplicationState<Doc, SyncCheckpoint>;
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
  /** A request to the server that reports whether it got through. */
  const send = async (path: string, init?: RequestInit, via: ServerSession = session): Promise<Response> => {
    try {
      const response = await via.fetch(path, init);
      options.onReachability?.(true);
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
      batchSize: options.pullBatchSize ?? 500,
      async handler(checkpoint, batchSize) {
        const query = new URLSearchParams({ limit: String(batchSize), ...checkpointToQuery(checkpoint) });
        const response = await send(`${base}/pull?${query}`);
        if (!response.ok) throw new Error((await errorOf(response)).message);
        const page = (await response.json()) as PullResponse;
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
        const typed = rows as { newDocumentState: WireDocument; assumedMasterState?: WireDocument | null }[];
        const result = options.authors
          ? await pushWithAuthors(typed, { spec, pcAccount: session, post: pushWith, ...options.authors })
          : { ...(await pushWith(session, typed)), answered: typed.map((r) => String(r.newDocumentState[primaryKey])), parked: [] };
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
          delivering = delivering.then(async () => {
            const documents = await withLocalFields(page.documents);
            lastCheckpoint = page.checkpoint;
            if (!stream$.closed) stream$.next({ documents: documents as WithDeleted<Doc>[], checkpoint: page.checkpoint });
          });
        },
      })
    : null;

  return {
    state,
    async cancel() {
      stream?.close();
      stream$.complete();
      await state.cancel();
    },
  };
}

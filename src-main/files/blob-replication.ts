import { createReadStream } from 'node:fs';
import { debounceTime, filter, Subject, Subscription, type BehaviorSubject } from 'rxjs';
import type { TransferProgress } from '../../src-shared/files/attachment-contract';
import { ATTACHMENT_KIND, type AttachmentDocument } from '../../src-shared/files/attachment-model';
import { BLOB_HEADERS, MAX_STATUS_BATCH, type BlobStatus } from '../../src-shared/files/blob-protocol';
import { SYNC_API_PREFIX, SYNC_PROTOCOL_VERSION, SYNC_VERSION_HEADER } from '../../src-shared/sync/protocol';
import type { HostServices } from '../host/handler-types';
import type { ServerSession } from '../sync/server-session';
import { teamSyncOf } from '../sync/sync-feature';
import type { BlobStore } from './blob-store';
import { blobRequest, messageOf } from './blob-http';

/**
 * In a team, attachment bytes follow their documents: this PC sends the sync server the files it
 * has that the server lacks (its own attachments), and fetches the files of attachments it
 * received. A few files at a time (TRANSFERS_AT_ONCE), in the background, each resumed where it
 * stopped (the server keeps what arrived of an upload; a download continues with a Range request),
 * with its progress in `transfers$` for the panels. A file fetched is checked against its hash before it is stored; one
 * whose bytes are wrong is dropped and fetched again later.
 */

type Transfers = BehaviorSubject<ReadonlyMap<string, TransferProgress & { name: string }>>;

export interface BlobReplicationOptions {
  services: HostServices;
  blobs: BlobStore;
  transfers$: Transfers;
  /** Wait before trying a failed transfer again (tests shorten it). */
  retryMs?: number;
}

interface Wanted {
  sha256: string;
  size: number;
  name: string;
  /** Who attached it: their own server sign-in sends it when they have one here. */
  createdBy: string;
}

const PROGRESS_STEP = 4 * 1024 * 1024;
/**
 * Files moved at the same time. One at a time left the disk, the hashing and the network waiting
 * on each other (a 50 MB file is read, hashed and flushed by three processes in turn), and a file
 * the server finished waited behind the one still arriving; a few at once keep every step busy
 * without letting one PC take the server's whole disk.
 */
const TRANSFERS_AT_ONCE = 3;

export function startBlobReplication(options: BlobReplicationOptions) {
  const { services, blobs, transfers$ } = options;
  const retryMs = options.retryMs ?? (Number(process.env.LABFLOW_SYNC_RETRY_MS) || 5000);
  const settled = new Set<string>();
  const abort = new AbortController();
  const subscriptions = new Subscription();
  let running: Promise<void> | null = null;
  /** Files moving now, by hash: at most TRANSFERS_AT_ONCE. */
  const moving = new Map<string, Promise<void>>();
  let isAgainWanted = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  // Files nobody can move yet (the attaching PC has not sent them) are asked about again later,
  // less and less often, and at once when documents or the sync status change.
  const MAX_WAIT_MS = 5 * 60_000;
  let waitMs = retryMs;

  const setTransfer = (sha256: string, value: (TransferProgress & { name: string }) | null) => {
    const next = new Map(transfers$.value);
    if (value) next.set(sha256, value);
    else next.delete(sha256);
    if (!transfers$.closed) transfers$.next(next);
  };

  const wake = () => {
    if (abort.signal.aborted) return;
    if (running) {
      isAgainWanted = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => services.log.warn('file transfers stopped for now', { error: String(error) }))
      .finally(() => {
        running = null;
        if (isAgainWanted) {
          isAgainWanted = false;
          wake();
        }
      });
  };

  async function pass(): Promise<void> {
    const team = teamSyncOf(services.db);
    if (!team || team.status$.value.phase === 'standalone') return;
    const docs = await services.db.activity.find({ selector: { kind: ATTACHMENT_KIND } }).exec();
    const wanted = new Map<string, Wanted>();
    for (const doc of docs.map((d) => d.toJSON() as AttachmentDocument)) {
      const { sha256 } = doc.data;
      if (!settled.has(sha256) && !moving.has(sha256)) wanted.set(sha256, { sha256, size: doc.data.size, name: doc.data.name, createdBy: doc.createdBy });
    }
    if (wanted.size === 0) return;
    let hasMoved = false;
    for (const [session, group] of groupBySession(team, [...wanted.values()])) {
      for (let i = 0; i < group.length; i += MAX_STATUS_BATCH) {
        const batch = group.slice(i, i + MAX_STATUS_BATCH);
        const statuses = await statusOf(session, batch.map((w) => w.sha256));
        for (const item of batch) {
          const status = statuses.get(item.sha256);
          const way = await wayOf(item, status);
          if (way === 'coming') hasMoved = true;
          if (way !== 'upload' && way !== 'download') continue;
          hasMoved = true;
          // A free slot first; the pass goes on while the file moves, so a file the server has just
          // finished does not wait for the others of this pass.
          while (moving.size >= TRANSFERS_AT_ONCE) await Promise.race(moving.values());
          if (abort.signal.aborted) return;
          start(session, item, way, status?.offset ?? 0);
        }
      }
    }
    if (abort.signal.aborted || [...wanted.keys()].every((sha256) => settled.has(sha256) || moving.has(sha256))) return;
    waitMs = hasMoved ? retryMs : Math.min(waitMs * 2, MAX_WAIT_MS);
    retryIn(waitMs);
  }

  function retryIn(ms: number) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(wake, ms);
    retryTimer.unref?.();
  }

  /** Moves a file in the background; when it is done, a new pass looks for more (or retries it after a failure). */
  function start(session: ServerSession, item: Wanted, way: 'upload' | 'download', offset: number) {
    const run = move(session, item, way, offset).then((outcome) => {
      moving.delete(item.sha256);
      if (outcome === 'failed') retryIn(retryMs);
      else wake();
    });
    moving.set(item.sha256, run);
  }

  function groupBySession(team: NonNullable<ReturnType<typeof teamSyncOf>>, items: Wanted[]): Map<ServerSession, Wanted[]> {
    const groups = new Map<ServerSession, Wanted[]>();
    for (const item of items) {
      const session = team.serverSession(item.createdBy);
      if (session) groups.set(session, [...(groups.get(session) ?? []), item]);
    }
    return groups;
  }

  async function statusOf(session: ServerSession, hashes: string[]): Promise<Map<string, BlobStatus>> {
    const response = await session.fetch(`${SYNC_API_PREFIX}/blobs/status`, { method: 'POST', body: JSON.stringify({ sha256: hashes }), signal: abort.signal });
    if (!response.ok) throw new Error(`the sync server answered ${response.status} to a file status request`);
    const body = (await response.json()) as { statuses: BlobStatus[] };
    return new Map(body.statuses.map((s) => [s.sha256, s]));
  }

  /** Which way a file needs to go, if any. */
  async function wayOf(item: Wanted, status: BlobStatus | undefined): Promise<'upload' | 'download' | 'coming' | 'waiting' | 'settled'> {
    const local = await blobs.check(item.sha256, item.size);
    if (local === 'available' && status?.state === 'stored') {
      settled.add(item.sha256);
      return 'settled';
    }
    if (local === 'available' && status) return 'upload';
    if (local !== 'available' && status?.state === 'stored') return 'download';
    // Being uploaded by another PC right now: asked about again soon.
    if (status?.state === 'partial') return 'coming';
    // Neither side has it yet (the attaching PC has not sent it), or the server does not let this
    // person read it: nothing to do until the documents or the server change.
    return 'waiting';
  }

  /** Moves one file the way it needs to go. */
  async function move(session: ServerSession, item: Wanted, way: 'upload' | 'download', offset: number): Promise<'moved' | 'failed' | 'stopped'> {
    try {
      if (way === 'upload') await upload(session, item, offset);
      else await download(session, item);
      return 'moved';
    } catch (error) {
      if (abort.signal.aborted) return 'stopped';
      const message = error instanceof Error ? error.message : String(error);
      services.log.warn('a file transfer failed; it is tried again later', { sha256: item.sha256, error: message });
      const previous = transfers$.value.get(item.sha256);
      setTransfer(item.sha256, { direction: previous?.direction ?? 'download', bytesDone: previous?.bytesDone ?? 0, bytesTotal: item.size, name: item.name, error: message });
      return 'failed';
    }
  }

  const progress = (item: Wanted, direction: TransferProgress['direction'], start: number) => {
    let done = start;
    let reported = start;
    setTransfer(item.sha256, { direction, bytesDone: done, bytesTotal: item.size, name: item.name });
    return (bytes: number) => {
      done += bytes;
      if (done - reported < PROGRESS_STEP && done < item.size) return;
      reported = done;
      setTransfer(item.sha256, { direction, bytesDone: done, bytesTotal: item.size, name: item.name });
    };
  };

  const blobUrl = (session: ServerSession, sha256: string) => `${session.serverUrl}${SYNC_API_PREFIX}/blobs/${sha256}`;
  const headersOf = async (session: ServerSession) => ({ authorization: `Bearer ${await session.accessToken()}`, [SYNC_VERSION_HEADER]: String(SYNC_PROTOCOL_VERSION) });

  async function upload(session: ServerSession, item: Wanted, offset: number): Promise<void> {
    const headers = await headersOf(session);
    const onBytes = progress(item, 'upload', offset);
    // Counted and piped in the same turn: a 'data' listener alone would let bytes flow past the request.
    const source = createReadStream(blobs.pathOf(item.sha256)!, { start: offset, highWaterMark: 1024 * 1024 });
    source.on('data', (chunk) => onBytes(chunk.length));
    const response = await blobRequest(blobUrl(session, item.sha256), {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(item.size - offset), [BLOB_HEADERS.offset]: String(offset), [BLOB_HEADERS.length]: String(item.size) },
      body: source,
      signal: abort.signal,
    });
    if ((response.statusCode ?? 500) >= 300) throw new Error(await messageOf(response));
    response.resume();
    settled.add(item.sha256);
    setTransfer(item.sha256, null);
  }

  async function download(session: ServerSession, item: Wanted): Promise<void> {
    const path = blobs.downloadPath(item.sha256);
    const start = await blobs.partialSize(path);
    let response = await blobRequest(blobUrl(session, item.sha256), { method: 'GET', headers: { ...(await headersOf(session)), ...(start > 0 ? { range: `bytes=${start}-` } : {}) }, signal: abort.signal });
    if (response.statusCode === 401) {
      // The access token expired on the way: refreshed once, like the session's own requests.
      response.resume();
      await session.refresh();
      response = await blobRequest(blobUrl(session, item.sha256), { method: 'GET', headers: { ...(await headersOf(session)), ...(start > 0 ? { range: `bytes=${start}-` } : {}) }, signal: abort.signal });
    }
    if (response.statusCode !== 200 && response.statusCode !== 206) throw new Error(await messageOf(response));
    const resumed = response.statusCode === 206 ? start : 0;
    const onBytes = progress(item, 'download', resumed);
    const received = await blobs.receive(response, { maxBytes: item.size, name: item.name, onBytes, ...(resumed > 0 ? { appendTo: path } : { writeTo: path }) });
    if (!received.ok || received.value.sha256 !== item.sha256 || received.value.size !== item.size) {
      await blobs.discard(path);
      throw new Error(received.ok ? 'the file that arrived does not match its hash; it was dropped' : received.error.message);
    }
    await blobs.commit(received.value);
    settled.add(item.sha256);
    setTransfer(item.sha256, null);
  }

  // New attachment documents (attached here or received), and each time sync catches up.
  const wakes = new Subject<void>();
  subscriptions.add(wakes.subscribe(() => (waitMs = retryMs)));
  subscriptions.add(wakes.pipe(debounceTime(200)).subscribe(() => wake()));
  subscriptions.add(services.db.activity.$.pipe(filter((event) => (event.documentData as { kind?: unknown } | undefined)?.kind === ATTACHMENT_KIND)).subscribe(() => wakes.next()));
  const team = teamSyncOf(services.db);
  if (team) subscriptions.add(team.status$.pipe(filter((status) => status.phase === 'up_to_date')).subscribe(() => wakes.next()));
  wake();

  return {
    async stop(): Promise<void> {
      abort.abort();
      clearTimeout(retryTimer);
      subscriptions.unsubscribe();
      await running;
      await Promise.all(moving.values());
    },
  };
}

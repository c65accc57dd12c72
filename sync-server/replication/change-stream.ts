import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SyncCollection } from '../../src-shared/sync/collections';
import { MAX_PULL_BATCH, type SyncCheckpoint } from '../../src-shared/sync/protocol';
import { scopeKey } from '../../src-shared/sync/read-scope';
import { loadPerson } from '../auth/people-directory';
import type { ServerServices } from '../services';
import { latestSeq } from './document-store';
import { pullChanges } from './pull';

/**
 * The live pull stream of one collection as Server-Sent Events. It starts at the client's
 * checkpoint (so a reconnect loses nothing) or, without one, at the newest change; every change
 * NOTIFYed by any server process sends the person's next page as an `event: changes`; a comment
 * line every `heartbeatMs` keeps proxies open and lets the client notice a dead connection.
 * The person is re-read before each page, so a withdrawn permission applies to open streams too.
 */
export function openChangeStream(request: FastifyRequest, reply: FastifyReply, services: ServerServices, collection: SyncCollection, from: SyncCheckpoint | null): (reason: string) => void {
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  raw.write(': connected\n\n');
  let person = request.person!;
  let checkpoint: SyncCheckpoint | null = from;
  let isClosed = false;
  let isRunning = false;
  let isDirty = false;

  const flush = async () => {
    if (isClosed) return;
    if (isRunning) {
      isDirty = true;
      return;
    }
    isRunning = true;
    try {
      do {
        isDirty = false;
        const current = await loadPerson(services.db, person.id, services.clock());
        if (!current?.isActive) return close('account no longer active');
        person = current;
        checkpoint ??= { seq: await latestSeq(services.db, collection.name), id: '', scope: scopeKey(person) };
        for (;;) {
          const page = await pullChanges(services.db, collection, services.collections, person, checkpoint, MAX_PULL_BATCH);
          if (page.checkpoint) checkpoint = page.checkpoint;
          if (page.documents.length === 0 || isClosed) break;
          raw.write(`event: changes\ndata: ${JSON.stringify({ documents: page.documents, checkpoint: page.checkpoint })}\n\n`);
          if (page.documents.length < MAX_PULL_BATCH) break;
        }
      } while (isDirty && !isClosed);
    } catch (error) {
      request.log.error({ err: error, collection: collection.name }, 'live stream failed');
      close('error');
    } finally {
      isRunning = false;
    }
  };

  const unsubscribe = services.changeFeed.subscribe(collection.name, () => void flush());
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), services.heartbeatMs);
  const close = (reason: string) => {
    if (isClosed) return;
    isClosed = true;
    clearInterval(heartbeat);
    unsubscribe();
    request.log.debug({ event: 'stream.closed', collection: collection.name, reason }, 'live stream closed');
    raw.end();
  };
  raw.on('close', () => close('client left'));
  void flush();
  return close;
}

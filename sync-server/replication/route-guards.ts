import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SyncCollection } from '../../src-shared/sync/collections';
import { SYNC_PROTOCOL_VERSION, SYNC_VERSION_HEADER } from '../../src-shared/sync/protocol';
import { sendError } from '../http-errors';
import type { ServerServices } from '../services';

/** What every per-collection sync route checks first: the PC's protocol version (then the sign-in). */
export async function checkSyncVersion(request: FastifyRequest, reply: FastifyReply) {
  const version = request.headers[SYNC_VERSION_HEADER];
  if (version !== undefined && version !== String(SYNC_PROTOCOL_VERSION)) {
    return sendError(reply, 409, 'sync_protocol_mismatch', `This server speaks sync protocol ${SYNC_PROTOCOL_VERSION}, the PC ${String(version)}. Update LabFlow on this PC or the server.`);
  }
}

/** The `:collection` path parameter's schema. */
export const collectionParams = { type: 'object', required: ['collection'], properties: { collection: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' } } } as const;

/** Finds the route's collection among the registered ones; answers 404 (and returns null) otherwise. */
export function collectionFinder(services: ServerServices) {
  const byName = new Map(services.collections.map((c) => [c.name, c]));
  return (request: FastifyRequest<{ Params: { collection: string } }>, reply: FastifyReply): SyncCollection | null => {
    const collection = byName.get(request.params.collection);
    if (!collection) sendError(reply, 404, 'not_found', `There is no collection “${request.params.collection}” on this server.`);
    return collection ?? null;
  };
}

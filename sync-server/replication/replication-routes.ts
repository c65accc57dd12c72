import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_AUDIT_IDS_PER_ROW, MAX_PULL_BATCH, MAX_PUSH_BATCH, SYNC_COUNT_HEADER, type PushRow, type SyncCheckpoint } from '../../src-shared/sync/protocol';
import { sendError } from '../http-errors';
import type { ServerServices } from '../services';
import { pullChanges, pullChangesAsJson, withRemaining } from './pull';
import { applyPush } from './push';
import { openChangeStream } from './change-stream';
import { checkSyncVersion, collectionFinder, collectionParams } from './route-guards';
import { depthOf, MAX_DOCUMENT_DEPTH } from './document-depth';

type Authenticate = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const checkpointQuery = {
  seq: { type: 'integer', minimum: 0 },
  id: { type: 'string', maxLength: 200 },
  scope: { type: 'string', maxLength: 2000 },
} as const;

export interface CheckpointQuery {
  seq?: number;
  id?: string;
  scope?: string;
}

export const checkpointOf = (query: CheckpointQuery): SyncCheckpoint | null =>
  query.seq === undefined ? null : { seq: query.seq, id: query.id ?? '', scope: query.scope ?? '' };

const pushBody = {
  type: 'object',
  required: ['rows'],
  additionalProperties: false,
  properties: {
    rows: {
      type: 'array',
      maxItems: MAX_PUSH_BATCH,
      items: {
        type: 'object',
        required: ['newDocumentState'],
        additionalProperties: false,
        properties: {
          newDocumentState: { type: 'object', required: ['_deleted'], properties: { _deleted: { type: 'boolean' } } },
          assumedMasterState: { type: ['object', 'null'] },
          auditIds: { type: 'array', maxItems: MAX_AUDIT_IDS_PER_ROW, items: { type: 'string', pattern: '^[0-9A-Za-z_-]{1,40}$' } },
          isProbe: { type: 'boolean' },
        },
      },
    },
  },
} as const;

/**
 * RxDB's replication protocol per collection (DESIGN.md §5): pull by checkpoint, push with the
 * assumed master state, and a live Server-Sent Events stream. One set of routes serves every
 * registered collection.
 */
export function registerReplicationRoutes(app: FastifyInstance, services: ServerServices, authenticate: Authenticate) {
  const collectionOf = collectionFinder(services);
  const preHandler = [checkSyncVersion, authenticate];
  const openStreams = new Set<(reason: string) => void>();
  // Streams never go idle, so the server would wait for them forever on shutdown.
  app.addHook('preClose', async () => {
    for (const close of [...openStreams]) close('server stopping');
  });
  const params = collectionParams;

  app.get('/collections', { preHandler }, async () => services.collections.map((c) => c.name));

  app.get<{ Params: { collection: string }; Querystring: CheckpointQuery & { limit?: number } }>(
    '/:collection/pull',
    { preHandler, schema: { params, querystring: { type: 'object', additionalProperties: false, properties: { ...checkpointQuery, limit: { type: 'integer', minimum: 1 } } } } },
    async (request, reply) => {
      const collection = collectionOf(request, reply);
      if (!collection) return reply;
      const person = request.person!;
      const limit = Math.min(request.query.limit ?? 100, MAX_PULL_BATCH);
      // Counting what is left costs a range count: done only when the PC asks, once per catch-up.
      const isCounting = request.headers[SYNC_COUNT_HEADER] !== undefined;
      const fast = await pullChangesAsJson(services.db, collection, person, checkpointOf(request.query), limit, isCounting);
      if (fast !== null) return reply.type('application/json; charset=utf-8').send(fast);
      const { withheld, ...pulled } = await pullChanges(services.db, collection, services.collections, person, checkpointOf(request.query), limit);
      const page = isCounting ? await withRemaining(services.db, collection, pulled) : pulled;
      if (withheld.length) {
        request.log.info({ event: 'authz.refused', action: 'read', personId: person.id, collection: collection.name, count: withheld.length, ids: withheld.slice(0, 10) }, 'documents withheld from pull');
      }
      return page;
    },
  );

  // Checked before the schema: ajv and the merge walk documents recursively, so a body nested
  // thousands of levels deep would exhaust the stack (a 500) instead of getting a 400.
  const refuseDeepBodies = async (request: FastifyRequest, reply: FastifyReply) => {
    if (depthOf(request.body) > MAX_DOCUMENT_DEPTH) {
      return sendError(reply, 400, 'invalid_input', `A pushed document may be nested at most ${MAX_DOCUMENT_DEPTH} levels deep.`);
    }
  };

  app.post<{ Params: { collection: string }; Body: { rows: PushRow[] } }>(
    '/:collection/push',
    { preHandler, preValidation: refuseDeepBodies, schema: { params, body: pushBody } },
    async (request, reply) => {
      const collection = collectionOf(request, reply);
      if (!collection) return reply;
      const person = request.person!;
      return applyPush(collection, request.body.rows, {
        services,
        person,
        onRefused: (refusal) => request.log.warn({ event: 'authz.refused', action: 'write', personId: person.id, ...refusal }, 'write refused'),
      });
    },
  );

  app.get<{ Params: { collection: string }; Querystring: CheckpointQuery }>(
    '/:collection/stream',
    { preHandler, schema: { params, querystring: { type: 'object', additionalProperties: false, properties: checkpointQuery } } },
    async (request, reply) => {
      const collection = collectionOf(request, reply);
      if (!collection) return reply;
      const close = openChangeStream(request, reply, services, collection, checkpointOf(request.query));
      openStreams.add(close);
      reply.raw.on('close', () => openStreams.delete(close));
      return reply;
    },
  );
}

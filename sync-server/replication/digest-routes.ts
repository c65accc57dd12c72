import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DIGEST_BUCKETS } from '../../src-shared/sync/digest';
import { MAX_DOCUMENTS_BY_ID, type DocumentsById, type WireDocument } from '../../src-shared/sync/protocol';
import { canRead, tombstoneOf } from '../../src-shared/sync/read-scope';
import { redactForSync } from '../../src-shared/sync/redaction';
import type { ServerServices } from '../services';
import { readDocuments, toWire } from './document-store';
import { checkSyncVersion, collectionFinder, collectionParams } from './route-guards';

type Authenticate = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const bucketList = `^(\\d{1,2})(,\\d{1,2}){0,${DIGEST_BUCKETS - 1}}$`;

/**
 * The consistency check's routes (src-shared/sync/digest.ts): a PC compares its digest of a
 * collection with `GET /:collection/digest`, lists the buckets that differ with
 * `GET /:collection/digest/entries?buckets=…`, and fetches the documents that differ with
 * `POST /:collection/documents`. Everything is scoped to what the signed-in person may read, like
 * a pull: a document they may not read is answered with its tombstone.
 */
export function registerDigestRoutes(app: FastifyInstance, services: ServerServices, authenticate: Authenticate) {
  const collectionOf = collectionFinder(services);
  const preHandler = [checkSyncVersion, authenticate];

  app.get<{ Params: { collection: string } }>('/:collection/digest', { preHandler, schema: { params: collectionParams } }, async (request, reply) => {
    const collection = collectionOf(request, reply);
    if (!collection) return reply;
    return services.digests.digest(collection, request.person!);
  });

  app.get<{ Params: { collection: string }; Querystring: { buckets: string } }>(
    '/:collection/digest/entries',
    { preHandler, schema: { params: collectionParams, querystring: { type: 'object', required: ['buckets'], additionalProperties: false, properties: { buckets: { type: 'string', pattern: bucketList } } } } },
    async (request, reply) => {
      const collection = collectionOf(request, reply);
      if (!collection) return reply;
      const buckets = [...new Set(request.query.buckets.split(',').map(Number))].filter((b) => b < DIGEST_BUCKETS);
      return services.digests.entries(collection, request.person!, buckets);
    },
  );

  app.post<{ Params: { collection: string }; Body: { ids: string[] } }>(
    '/:collection/documents',
    {
      preHandler,
      schema: {
        params: collectionParams,
        body: { type: 'object', required: ['ids'], additionalProperties: false, properties: { ids: { type: 'array', maxItems: MAX_DOCUMENTS_BY_ID, items: { type: 'string', minLength: 1, maxLength: 200 } } } },
      },
    },
    async (request, reply): Promise<DocumentsById | FastifyReply> => {
      const collection = collectionOf(request, reply);
      if (!collection) return reply;
      const person = request.person!;
      const stored = await readDocuments(services.db, collection.name, [...new Set(request.body.ids)]);
      return {
        documents: [...stored.values()].map((row) => {
          const doc = toWire(row);
          const document = (canRead(person, collection.name, doc) ? redactForSync(collection, doc, services.collections) : tombstoneOf(doc, collection)) as WireDocument;
          return { seq: row.seq, document };
        }),
      };
    },
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { isSha256 } from '../../src-shared/files/attachment-model';
import { BLOB_HEADERS, MAX_STATUS_BATCH, planUpload, rangeStart, readableDescriptions, type BlobStatus } from '../../src-shared/files/blob-protocol';
import { sendError } from '../http-errors';
import type { ServerServices } from '../services';
import { attachmentsByHash } from './blob-descriptions';
import type { BlobFolder } from './blob-folder';

type Authenticate = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const hashParams = { type: 'object', required: ['sha256'], properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } } as const;

/**
 * The blob endpoint (src-shared/files/blob-protocol.ts): attachment bytes streamed between PCs
 * through the server, never buffered whole. Who before what: the sign-in, then whether an
 * attachment the person may read names the file, then the bytes.
 */
export function registerBlobRoutes(app: FastifyInstance, services: ServerServices, blobs: BlobFolder, authenticate: Authenticate) {
  // The body of an upload is handed to the route as the request stream, unread.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  const preHandler = [authenticate];

  const refused = (request: FastifyRequest, action: string, sha256: string, reason: string) =>
    request.log.warn({ event: 'authz.refused', action, personId: request.person?.id, sha256, reason }, 'blob request refused');

  app.post<{ Body: { sha256: string[] } }>(
    '/blobs/status',
    { preHandler, schema: { body: { type: 'object', required: ['sha256'], additionalProperties: false, properties: { sha256: { type: 'array', maxItems: MAX_STATUS_BATCH, items: { type: 'string', pattern: '^[0-9a-f]{64}$' } } } } } },
    async (request) => {
      const person = request.person!;
      const hashes = [...new Set(request.body.sha256)];
      const described = await attachmentsByHash(services.db, hashes);
      const statuses: BlobStatus[] = [];
      for (const sha256 of hashes) {
        // A file no readable attachment names is left out: its existence is not this person's business.
        if (readableDescriptions(person, described.get(sha256) ?? []).length === 0) continue;
        const size = await blobs.storedSize(sha256);
        const offset = size === null ? await blobs.arrivedSize(sha256) : size;
        statuses.push({ sha256, state: size !== null ? 'stored' : offset > 0 ? 'partial' : 'absent', offset });
      }
      return { statuses };
    },
  );

  app.put<{ Params: { sha256: string } }>('/blobs/:sha256', { preHandler, schema: { params: hashParams } }, async (request, reply) => {
    const person = request.person!;
    const { sha256 } = request.params;
    const body = request.body as Readable | undefined;
    if (!body || typeof (body as Partial<Readable>).pipe !== 'function') return sendError(reply, 415, 'invalid_input', 'Send the file as application/octet-stream.');
    const descriptions = readableDescriptions(person, (await attachmentsByHash(services.db, [sha256])).get(sha256) ?? []);
    const stored = await blobs.storedSize(sha256);
    const plan = planUpload({
      sha256,
      offset: request.headers[BLOB_HEADERS.offset] as string | undefined,
      length: request.headers[BLOB_HEADERS.length] as string | undefined,
      received: stored ?? (await blobs.partialSize(sha256)),
      isStored: stored !== null,
      descriptions,
    });
    if (!plan.ok) {
      if (plan.status === 404 || plan.status === 413) refused(request, 'blob-write', sha256, plan.error.message);
      // The body is not read: close the connection rather than drain up to 50 MB.
      reply.header('connection', 'close');
      if (plan.status === 409) reply.header(BLOB_HEADERS.offset, String(stored ?? (await blobs.partialSize(sha256))));
      return sendError(reply, plan.status ?? 400, plan.error.code, plan.error.message);
    }
    if (plan.value.kind === 'already_stored') {
      body.resume();
      return reply.code(200).send({ state: 'stored' });
    }
    const outcome = await blobs.append(sha256, body, plan.value.offset, plan.value.length);
    if (outcome.kind === 'stored') {
      request.log.info({ event: 'blob.stored', sha256, size: plan.value.length, personId: person.id }, 'blob stored');
      return reply.code(201).send({ state: 'stored' });
    }
    if (outcome.kind === 'too_long') return sendError(reply.header('connection', 'close'), 413, 'file_too_large', `The file is longer than the ${plan.value.length} bytes announced; it was dropped.`);
    if (outcome.kind === 'wrong_hash') {
      request.log.warn({ event: 'blob.wrong_hash', sha256, actual: outcome.actual, personId: person.id }, 'blob refused: wrong hash');
      return sendError(reply, 422, 'file_corrupt', 'The file that arrived does not match its SHA-256; it was dropped. Send it again.');
    }
    reply.header(BLOB_HEADERS.offset, String(outcome.received));
    return sendError(reply, 409, 'conflict', `Only ${outcome.received} of ${plan.value.length} bytes arrived; continue from there.`);
  });

  app.get<{ Params: { sha256: string } }>('/blobs/:sha256', { preHandler, schema: { params: hashParams } }, async (request, reply) => {
    const { sha256 } = request.params;
    if (!isSha256(sha256)) return sendError(reply, 400, 'invalid_input', 'A blob is named by its SHA-256.');
    const descriptions = readableDescriptions(request.person!, (await attachmentsByHash(services.db, [sha256])).get(sha256) ?? []);
    if (descriptions.length === 0) {
      refused(request, 'blob-read', sha256, 'no readable attachment names this file');
      return sendError(reply, 404, 'not_found', 'No attachment you may read has this file.');
    }
    const size = await blobs.storedSize(sha256);
    if (size === null) return sendError(reply, 404, 'file_missing', 'The server does not have this file yet; the PC that attached it has not sent it.');
    const start = rangeStart(request.headers.range, size);
    if (start === null) return sendError(reply.header('content-range', `bytes */${size}`), 416, 'invalid_input', 'Ask for bytes=<start>- within the file.');
    reply.header('content-type', 'application/octet-stream').header('accept-ranges', 'bytes').header('content-length', String(size - start));
    if (start > 0) reply.code(206).header('content-range', `bytes ${start}-${size - 1}/${size}`);
    return reply.send(blobs.read(sha256, start));
  });
}

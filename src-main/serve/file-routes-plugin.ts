import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { fileRoutesOf } from '../files/files-feature';
import { FILE_ROUTE_PREFIX, type FileResponse } from '../files/file-routes';
import type { Host } from '../host/create-host';
import type { Logger } from '../logging/logger';

/**
 * Attachments and generated documents over serve mode's HTTP: each request under /files/ goes to the
 * host's file routes (src-main/files/file-routes.ts) as it came. An upload's body is handed over as
 * the raw stream, never parsed or buffered here: the route checks the person's key before it reads
 * a byte and enforces the 50 MB limit while reading.
 */
export function fileRoutesPlugin(host: Host, log: Logger) {
  return async (app: FastifyInstance): Promise<void> => {
    // In this plugin only: no body parser reads an upload; the route reads request.raw itself.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));
    app.all(`${FILE_ROUTE_PREFIX}*`, async (request, reply) => {
      const routes = fileRoutesOf(host.db);
      const isUpload = request.method === 'POST';
      const answer: FileResponse = routes
        ? await routes({ method: request.method, url: request.url, headers: request.headers as Record<string, string | undefined>, body: isUpload ? request.raw : null })
        : { status: 404, headers: {}, body: 'Files are not available.' };
      // An answer given before the body was read (refused, too large): the connection closes after it instead of reading the rest.
      void reply.code(answer.status).headers(isUpload && !request.raw.complete ? { ...answer.headers, connection: 'close' } : answer.headers);
      if (answer.body instanceof Readable) answer.body.once('error', (error: unknown) => log.warn('a file download was cut off', { error: String(error) }));
      return reply.send(answer.body ?? undefined);
    });
  };
}

import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FILE_BYTE_ROUTES, type FileByteRoute } from '../../src-shared/api/file-byte-routes';
import type { Access } from '../../src-shared/api/http-route';
import { problemOf } from '../../src-shared/api/problem';
import type { AppError } from '../../src-shared/core/result';
import { fileRoutesOf } from '../files/files-feature';
import { FILE_ROUTE_PREFIX, type FileResponse } from '../files/file-routes';
import type { Host } from '../host/create-host';
import type { Logger } from '../logging/logger';
import { problemAnswer } from './api-answers';
import type { KeptAnswer } from './idempotency-store';
import type { ApiCaller } from './token-authentication';

/** The API's token and scope check (api-plugin.ts): the caller, or the answer that refuses them. */
export type ApiGate = (request: FastifyRequest, module: string, access: Access, instance: string) => { ok: true; caller: ApiCaller } | { ok: false; answer: KeptAnswer };

interface FileBytesOptions {
  host: Host;
  log: Logger;
  gate: ApiGate;
  /** An OpenAPI path as Fastify's route path (`{id}` → `:id`, without the `/api` prefix). */
  apiPath: (path: string) => string;
}

/** The app's file route a request of `route` goes to (file-routes.ts), with `download` passed on. */
function fileUrlOf(route: FileByteRoute, request: FastifyRequest): string | null {
  if (route.fileRoute === 'uploads') return `${FILE_ROUTE_PREFIX}uploads`;
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || id.length === 0 || id.length > 80) return null;
  const download = (request.query as { download?: unknown }).download;
  return `${FILE_ROUTE_PREFIX}${route.fileRoute}/${encodeURIComponent(id)}${download === 'true' || download === '1' ? '?download=1' : ''}`;
}

/** A request that says it has no body: nothing to upload (an empty file is refused, not stored). */
const isWithoutBody = (request: FastifyRequest) => request.headers['content-length'] === '0' || (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined);

/** A file route's refusal (`{ error }` JSON) as the API's problem document, with the route's status. */
function problemFrom(answer: FileResponse, instance: string): KeptAnswer {
  let error: AppError = { code: 'internal', message: 'The file could not be handled.' };
  try {
    const parsed = JSON.parse(typeof answer.body === 'string' ? answer.body : '{}') as { error?: AppError };
    if (parsed.error?.code && parsed.error.message) error = parsed.error;
  } catch {
    // Keep the generic message: the status still says what kind of failure it was.
  }
  return problemAnswer(problemOf(error, { status: answer.status, instance }));
}

/**
 * The file byte routes (src-shared/api/file-byte-routes.ts) as a Fastify plugin inside the API: the
 * token is checked first, then the request goes to the app's file routes as the token's person. An
 * upload's body is handed over as the raw stream, unparsed and unbuffered, as serve mode's own file
 * routes do (src-main/serve/file-routes-plugin.ts): the 50 MB limit is enforced while reading.
 */
export function fileBytesPlugin(options: FileBytesOptions) {
  const { host, log, gate } = options;
  return async (app: FastifyInstance): Promise<void> => {
    // In this plugin only: an upload of any type reaches the route unread.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const send = (reply: FastifyReply, request: FastifyRequest, answer: KeptAnswer | FileResponse) => {
      const isUnread = request.method === 'POST' && !request.raw.complete;
      // Refused before the body was read (no token, too large): close instead of reading the rest.
      void reply.code(answer.status).headers(isUnread ? { ...answer.headers, connection: 'close' } : answer.headers);
      if (answer.body instanceof Readable) answer.body.once('error', (error: unknown) => log.warn('an API file download was cut off', { error: String(error) }));
      return reply.send(answer.body ?? undefined);
    };
    for (const route of FILE_BYTE_ROUTES) {
      app.route({
        method: route.method,
        url: options.apiPath(route.path),
        handler: async (request, reply) => {
          const instance = request.url.split('?')[0] ?? request.url;
          const passed = gate(request, route.module, route.access, instance);
          if (!passed.ok) return send(reply, request, passed.answer);
          if (request.method === 'POST' && isWithoutBody(request)) return send(reply, request, problemAnswer(problemOf({ code: 'invalid_input', message: 'Send the file as the request body.' }, { instance })));
          const files = fileRoutesOf(host.db);
          const url = fileUrlOf(route, request);
          if (!files || !url) return send(reply, request, problemAnswer(problemOf({ code: 'not_found', message: files ? 'No such file.' : 'Files are not available in this LabFlow.' }, { instance })));
          const answer = await files.answerFor(passed.caller.person.id, {
            method: request.method,
            url,
            headers: request.headers as Record<string, string | undefined>,
            body: request.method === 'POST' ? request.raw : null,
          });
          return send(reply, request, answer.status >= 400 ? problemFrom(answer, instance) : answer);
        },
      });
    }
  };
}

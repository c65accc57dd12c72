import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemOf } from '../../src-shared/api/problem';

/**
 * Fastify answers some requests before any route or hook sees them: an address that is not valid
 * percent-encoding (400) or a path segment longer than any id (414). As the server's
 * `frameworkErrors`, this gives API paths their problem+json like every other API answer, and the
 * app's paths a plain line of text.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const instance = (request.raw.url ?? '').split('?')[0] ?? '';
  const message = status === 414 ? 'A part of the address is longer than any id LabFlow uses.' : 'The address is not valid (check its percent-encoding).';
  if (instance === '/api' || instance.startsWith('/api/')) {
    void reply.code(status).header('cache-control', 'no-store').type(PROBLEM_CONTENT_TYPE).send(problemOf({ code: 'malformed_message', message }, { status, instance: instance.slice(0, 200) }));
    return;
  }
  void reply.code(status).type('text/plain').send(message);
}

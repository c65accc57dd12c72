import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { newErrorId } from '../src-main/logging/log-format';
import type { ErrorCode } from '../src-shared/core/error-codes';
import type { AppError } from '../src-shared/core/result';

/** Every error answer has the same body: `{error: {code, message}}` with a code from src-shared. */
export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown): FastifyReply {
  const error: AppError = { code, message, ...(details === undefined ? {} : { details }) };
  return reply.code(status).send({ error });
}

/**
 * The one error handler: schema and parse failures become 400 with what was wrong, oversized bodies
 * 413, and anything unexpected 500 with an id to quote — its details stay in the log.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.validation) {
    request.log.warn({ event: 'request.invalid', route: request.routeOptions.url, problem: error.message }, 'invalid request');
    return sendError(reply, 400, 'invalid_input', error.message);
  }
  if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    request.log.warn({ event: 'request.too_large', route: request.routeOptions.url }, 'request body too large');
    return sendError(reply, 413, 'message_too_large', 'The request is too large.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.warn({ event: 'request.malformed', route: request.routeOptions.url, problem: error.message }, 'malformed request');
    return sendError(reply, error.statusCode, 'malformed_message', error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Send JSON.' : 'The request could not be read.');
  }
  const errorId = newErrorId();
  request.log.error({ err: error, errorId }, 'unexpected error');
  return sendError(reply, 500, 'internal', `Something went wrong on the sync server (error ${errorId}).`);
}

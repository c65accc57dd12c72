import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildApiRoutes } from '../../src-shared/api/api-routes';
import { scopesAllow } from '../../src-shared/api/api-token-model';
import type { HttpRoute } from '../../src-shared/api/http-route';
import { openApiDocument } from '../../src-shared/api/openapi-document';
import { problemOf } from '../../src-shared/api/problem';
import { requestPlanOf } from '../../src-shared/api/request-plan';
import type { Host } from '../host/create-host';
import type { Logger } from '../logging/logger';
import { errorAnswer, problemAnswer } from './api-answers';
import { registerApiDocs } from './api-docs';
import { apiTokenStoreOf } from './api-token-store';
import { createIdempotencyStore } from './idempotency-store';
import { createRouteRunner } from './route-runner';
import { createSharedReads } from './shared-reads';
import { authenticate, claimedTokenId, refusalMessage, type Authentication } from './token-authentication';
import { fileBytesPlugin, type ApiGate } from './file-bytes-plugin';

/**
 * The public HTTP API as a Fastify plugin, mounted under `/api` by serve mode (`--api`) and by the
 * desktop app's listener. Every generated route (src-shared/api/api-routes.ts) becomes the contract
 * entry it names, run for the token's person through the host's own handlers (host.calls), with
 * `/api/v1/openapi.json` and the interactive docs at `/api/docs` beside them. Who before what: the
 * token is checked first, then its scopes, then the input (by the contract's schema).
 */
export interface ApiOptions {
  host: Host;
  clock: () => Date;
  log: Logger;
  /** Calls per token per minute, and unauthenticated calls per address per minute. */
  rateLimit?: { perToken: number; perAddressUnauthenticated: number };
  version?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The docs and the OpenAPI document: no token needed. */
    isPublic?: boolean;
  }
}

export const DEFAULT_API_RATE_LIMIT = { perToken: 1200, perAddressUnauthenticated: 60 };

const fastifyPath = (path: string) => path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, ':$1');

export async function apiPlugin(app: FastifyInstance, options: ApiOptions): Promise<void> {
  const { host, clock, log } = options;
  const limits = options.rateLimit ?? DEFAULT_API_RATE_LIMIT;
  const routes = buildApiRoutes();
  const document = openApiDocument(routes, { version: options.version ?? '1' });
  const idempotency = createIdempotencyStore(host.db, clock);
  const tokens = apiTokenStoreOf(host.db);
  const authentications = new WeakMap<FastifyRequest, Authentication>();
  const sharedReads = createSharedReads(host.db);
  app.addHook('onClose', async () => sharedReads.stop());

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
    if (request.routeOptions.config?.isPublic) return;
    authentications.set(request, await authenticate(host.db, clock(), request.headers.authorization));
  });

  // Registered before the rate limit, which applies to the routes that follow it.
  app.get('/v1/openapi.json', { config: { isPublic: true } }, async () => document);
  await registerApiDocs(app);

  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const auth = authentications.get(request);
      return auth?.ok ? `token:${auth.caller.token.id}` : `address:${request.ip}`;
    },
    max: (_request, key) => (key.startsWith('token:') ? limits.perToken : limits.perAddressUnauthenticated),
    errorResponseBuilder: (request, context) => {
      const problem = problemOf({ code: 'rate_limited', message: `Too many requests: at most ${context.max} a minute. Try again in ${context.after}.` }, { instance: request.url });
      return Object.assign(new Error(problem.detail), { statusCode: 429, problem });
    },
  });

  const send = (reply: FastifyReply, answer: { status: number; headers: Record<string, string>; body: unknown }) => {
    void reply.code(answer.status).headers(answer.headers);
    return answer.body === undefined ? reply.send() : reply.send(answer.body);
  };

  /** Who before what: the token's person, or the refusal to send, for a call of `access` into `module`. */
  const gate: ApiGate = (request, module, access, instance) => {
    const auth = authentications.get(request);
    if (!auth?.ok) {
      log.warn('api authentication refused', { reason: auth?.reason ?? 'missing', tokenId: auth?.tokenId ?? claimedTokenId(request.headers.authorization), ip: request.ip, method: request.method, path: instance });
      const problem = problemOf({ code: 'unauthenticated', message: refusalMessage(auth?.reason ?? 'missing') }, { instance });
      return { ok: false, answer: problemAnswer(problem, { 'www-authenticate': 'Bearer realm="LabFlow"' }) };
    }
    const { caller } = auth;
    if (!scopesAllow(caller.token.scopes, module, access)) {
      return { ok: false, answer: errorAnswer({ code: 'forbidden', message: `The token “${caller.token.name}” may not ${access} ${module}: it needs the scope ${module}:${access}.` }, null, instance) };
    }
    void tokens.noteUse(caller.token.id, clock());
    return { ok: true, caller };
  };

  for (const route of routes) {
    const run = createRouteRunner(route, requestPlanOf(route), { host, clock, idempotency, sharedReads });
    app.route({
      method: route.method,
      url: fastifyPath(route.path),
      handler: async (request, reply) => {
        const instance = request.url.split('?')[0] ?? request.url;
        if (!route.isInstalled) return send(reply, problemAnswer(notInstalled(route, instance)));
        const passed = gate(request, route.module, route.access, instance);
        return send(reply, passed.ok ? await run(request, passed.caller, instance) : passed.answer);
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) =>
    send(reply, problemAnswer(problemOf({ code: 'not_found', message: `There is no ${request.method} ${request.url.split('?')[0]} in the LabFlow API; see /api/docs.` }, { instance: request.url.split('?')[0] ?? '' }))),
  );

  app.setErrorHandler(async (error: FastifyError & { problem?: ReturnType<typeof problemOf> }, request, reply) => {
    const instance = request.url.split('?')[0] ?? '';
    if (error.problem) return send(reply, problemAnswer(error.problem));
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      const errorId = log.error('api request failed', error, { method: request.method, path: instance });
      return send(reply, problemAnswer(problemOf({ code: 'internal', message: `Something went wrong (error ${errorId}). The details are in the host's log.`, details: { errorId } }, { instance })));
    }
    const code = status === 413 ? 'message_too_large' : status === 429 ? 'rate_limited' : 'malformed_message';
    const message = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Send JSON (Content-Type: application/json).' : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The body is too large.' : `The request could not be read: ${error.message}`;
    return send(reply, problemAnswer(problemOf({ code, message }, { status, instance })));
  });

  // Last: awaiting a registration settles the routes above, which must have their handlers set first.
  await app.register(fileBytesPlugin({ host, log, gate, apiPath: fastifyPath }));
}

function notInstalled(route: HttpRoute, instance: string) {
  return problemOf(
    { code: 'not_found', message: `${route.summary} (${route.method} ${route.path}) belongs to a module that is not installed in this LabFlow: it needs ${route.operation}.` },
    { instance, type: 'module-not-installed' },
  );
}

/** A fresh command id when a POST comes without an Idempotency-Key. */
export const newCommandId = (): string => randomUUID();

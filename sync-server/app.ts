import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { MAX_SYNC_BODY_BYTES, SYNC_API_PREFIX } from '../src-shared/sync/protocol';
import { createAuthenticate } from './auth/authenticate';
import { registerAuthRoutes } from './auth/auth-routes';
import { registerHealthRoutes } from './health-routes';
import { handleError } from './http-errors';
import { registerReplicationRoutes } from './replication/replication-routes';
import { registerDigestRoutes } from './replication/digest-routes';
import { registerOutboxRoutes } from './outbox/outbox-routes';
import { registerBlobRoutes } from './blobs/blob-routes';
import type { ServerServices } from './services';

export interface SyncAppOptions {
  services: ServerServices;
}

/**
 * The sync server as a Fastify plugin (fastify/demo's shape): health, authentication,
 * replication, consistency-check and outbox-key routes with one error handler. The entry point (server.ts) and the tests
 * (`app.inject()`) both register it.
 */
export async function syncServerApp(app: FastifyInstance, options: SyncAppOptions): Promise<void> {
  const { services } = options;
  app.decorateRequest('person', null);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } }));
  app.addHook('onResponse', async (request, reply) => {
    const fields = { method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (reply.statusCode >= 400) request.log.info(fields, 'request answered with an error');
    else request.log.debug(fields, 'request');
  });
  const authenticate = createAuthenticate(services);
  registerHealthRoutes(app, services);
  registerAuthRoutes(app, services, authenticate);
  await app.register(
    async (sync) => {
      registerReplicationRoutes(sync, services, authenticate);
      registerDigestRoutes(sync, services, authenticate);
      registerOutboxRoutes(sync, services, authenticate);
      // Its own context: the octet-stream body parser stays with the blob routes.
      await sync.register(async (blobs) => registerBlobRoutes(blobs, services, services.blobs, authenticate));
    },
    { prefix: SYNC_API_PREFIX },
  );
}

/** A Fastify instance with the app registered; body limit and logger set. Not listening yet. */
export async function buildSyncServer(services: ServerServices, logger: Logger): Promise<FastifyInstance> {
  // Typed as Fastify's base logger so the instance keeps Fastify's default generics (pino satisfies it).
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: MAX_SYNC_BODY_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    // Live streams never go idle; on shutdown every connection is closed rather than waited for.
    forceCloseConnections: true,
    // Unknown properties are refused, not silently dropped: a client sending them is confused or probing.
    ajv: { customOptions: { removeAdditional: false } },
  });
  await app.register(syncServerApp, { services });
  return app;
}

import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { apiPlugin, type ApiOptions } from '../api/api-plugin';
import { answerFrameworkError } from '../api/framework-errors';
import { PROBLEM_CONTENT_TYPE, problemOf } from '../../src-shared/api/problem';
import type { Host } from '../host/create-host';
import type { Logger } from '../logging/logger';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { FILE_ROUTE_PREFIX } from '../files/file-routes';
import { accessCookie, BRIDGE_PATH, carriesToken, isBridgeAllowed, sameToken } from './access-token';
import { NO_ACCESS_PAGE } from './no-access-page';
import { serveBridgeSocket, BRIDGE_SOCKET_MAX_PAYLOAD } from './bridge-socket';
import { fileRoutesPlugin } from './file-routes-plugin';
import { resolveStaticPath } from './static-files';
import { answerTestClock, TEST_CLOCK_PATH, type TestClock } from './test-clock';

/** Routes a feature adds to serve mode's server (e.g. file downloads), registered as a Fastify plugin. */
export type ServeRoutes = (app: FastifyInstance) => Promise<void>;

export interface ServeServerOptions {
  host: Host;
  rendererRoot: string;
  listenHost: string;
  port: number;
  token: string;
  log: Logger;
  /** Test mode only: the clock `POST /__test/clock` moves. Absent, that path is an unknown path. */
  testClock?: TestClock;
  /** The public API under /api (`--api`); absent, /api is not served. */
  api?: Omit<ApiOptions, 'host' | 'log'>;
  routes?: ServeRoutes[];
}

export interface ServeServer {
  origin: string;
  /** `isRestarting`: open UIs get a close frame (1012, service restart) and reconnect, instead of a cut connection. */
  close(options?: { isRestarting?: boolean }): Promise<void>;
}

/** The UI's own paths: static files and the single-page app's routes (the rest answer for themselves). */
const isAppPath = (url: string) => !url.startsWith('/api/') && url !== '/api' && !url.startsWith(BRIDGE_PATH) && !url.startsWith(TEST_CLOCK_PATH) && !url.startsWith(FILE_ROUTE_PREFIX);

/** The app's page (index.html, or a route of the single-page app), as opposed to its scripts, styles and images. */
const isPagePath = (url: string) => {
  const path = url.split('?')[0] ?? '/';
  return path === '/' || path === '/index.html' || !/\.[a-z0-9]+$/i.test(path);
};

/**
 * Serve mode's HTTP side on Fastify: the built UI as static files (a path without an extension is
 * the single-page app's own route and gets index.html), the WebSocket bridge, attachments and
 * documents under /files/, the test clock in test mode, the public API with `--api`, and routes
 * features add. Every UI response carries the app's
 * Content-Security-Policy; paths that would leave the UI folder are refused before anything is read.
 */
/** How long a restart waits for open tabs to close before it cuts the rest. */
const RESTART_CLOSE_MS = 5_000;

export async function startServeServer(options: ServeServerOptions): Promise<ServeServer> {
  const { host, rendererRoot, listenHost, port, token, log } = options;
  // Set while a restart (a restore) closes the server: tabs are sent away with a close frame and reconnect.
  let isRestarting = false;
  let origin = '';
  const app = Fastify({ logger: false, trustProxy: false, frameworkErrors: answerFrameworkError });

  app.addHook('onRequest', async (request, reply) => {
    if (isAppPath(request.url) && resolveStaticPath(rendererRoot, request.url) === null) return reply.code(400).type('text/plain').send('Bad path');
    if (request.method !== 'GET' || !isAppPath(request.url) || !isPagePath(request.url)) return;
    // The page itself needs the token (its scripts and styles are the same for everyone): from the
    // address, which also leaves it in the access cookie, or from that cookie (a bookmark).
    if (!carriesToken({ url: request.url, cookie: request.headers.cookie }, token)) return reply.code(401).type('text/html; charset=utf-8').send(NO_ACCESS_PAGE);
    if (sameToken(new URL(request.url, 'http://localhost').searchParams.get('token') ?? '', token)) void reply.header('set-cookie', accessCookie(token));
  });
  app.addHook('onSend', async (request, reply) => {
    if (!isAppPath(request.url)) return;
    void reply
      .header('content-security-policy', contentSecurityPolicy([origin.replace(/^http/, 'ws')]))
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store');
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: BRIDGE_SOCKET_MAX_PAYLOAD } });
  app.get(BRIDGE_PATH, {
    websocket: true,
    preValidation: async (request, reply) => {
      if (isBridgeAllowed({ url: request.url, origin: request.headers.origin, cookie: request.headers.cookie }, token, [origin])) return;
      log.warn('refused a bridge connection', { url: request.url.replace(/token=[^&]*/, 'token=…'), origin: request.headers.origin });
      await reply.code(401).send();
    },
  }, (socket) => {
    // A tab reconnecting while a restart closes the server is told so again with a close frame, never cut (1006).
    if (isRestarting) return socket.close(1012, 'LabFlow is restarting');
    serveBridgeSocket(socket, host, log);
  });

  if (options.testClock) {
    const testClock = options.testClock;
    app.all(TEST_CLOCK_PATH, { bodyLimit: 1000 }, async (request, reply) => {
      const answer = answerTestClock({ method: request.method, path: TEST_CLOCK_PATH, authorization: request.headers.authorization, body: JSON.stringify(request.body ?? null) }, testClock, token);
      if (answer.status === 200) log.warn('test clock moved', answer.body);
      return reply.code(answer.status).header('cache-control', 'no-store').send(answer.body);
    });
  }

  await app.register(fileRoutesPlugin(host, log));
  if (options.api) await app.register(apiPlugin, { prefix: '/api', host, log, ...options.api });
  for (const routes of options.routes ?? []) await app.register(routes);

  await app.register(fastifyStatic, { root: rendererRoot, index: 'index.html', wildcard: true, cacheControl: false, etag: false, lastModified: false });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // The UI's wildcard also catches unknown /api paths: they get the API's own kind of answer.
    if (options.api && path.startsWith('/api/')) {
      return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problemOf({ code: 'not_found', message: `There is no ${request.method} ${path} in the LabFlow API; see /api/docs.` }, { instance: path }));
    }
    if (!isAppPath(path)) return reply.code(404).type('text/plain').send('Not found.');
    // The single-page app owns paths without an extension (#/… links, reloads on a deep address).
    if (/\.[a-z0-9]+$/i.test(path) || request.method !== 'GET') return reply.code(404).type('text/plain').send('Not found.');
    if (!existsSync(join(rendererRoot, 'index.html'))) return reply.code(404).type('text/plain').send('Not found. The UI is not built: run `npm run build`.');
    return reply.sendFile('index.html');
  });

  await app.listen({ port, host: listenHost });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  origin = `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${actualPort}`;
  return {
    origin,
    async close({ isRestarting: restarting = false } = {}) {
      if (restarting) {
        isRestarting = true;
        // Until every tab has closed, those that reconnected meanwhile included (each gets the frame once).
        const told = new WeakSet<object>();
        const deadline = Date.now() + RESTART_CLOSE_MS;
        while (app.websocketServer.clients.size > 0 && Date.now() < deadline) {
          await Promise.race([
            Promise.all([...app.websocketServer.clients].map((client) => new Promise((resolve) => {
              client.once('close', resolve);
              if (!told.has(client)) client.close(1012, 'LabFlow is restarting');
              told.add(client);
            }))),
            new Promise((resolve) => setTimeout(resolve, 100)),
          ]);
        }
      }
      for (const client of app.websocketServer.clients) client.terminate();
      await app.close();
    },
  };
}

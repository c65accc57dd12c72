import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { fileRoutesOf } from '../files/files-feature';
import { FILE_ROUTE_PREFIX, type FileResponse } from '../files/file-routes';
import type { Host } from '../host/create-host';
import type { Logger } from '../logging/logger';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { contentTypeOf, resolveStaticPath } from './static-files';
import { answerTestClock, TEST_CLOCK_PATH, type TestClock } from './test-clock';
import { attachWebSocketBridge } from './websocket-adapter';

export interface ServeServerOptions {
  host: Host;
  rendererRoot: string;
  listenHost: string;
  port: number;
  token: string;
  log: Logger;
  /** Test mode only: the clock `POST /__test/clock` moves. Absent, that path is an unknown path. */
  testClock?: TestClock;
}

export interface ServeServer {
  origin: string;
  close(): Promise<void>;
}

/** The serve-mode HTTP server: the built UI as static files plus the WebSocket bridge. */
export async function startServeServer(options: ServeServerOptions): Promise<ServeServer> {
  const { host, rendererRoot, listenHost, port, token, log } = options;
  let origin = '';

  const server = createServer((request, response) => {
    if (request.url?.startsWith(TEST_CLOCK_PATH) && options.testClock) {
      void moveTestClock(request, response);
      return;
    }
    if (request.url?.startsWith(FILE_ROUTE_PREFIX)) {
      void answerFileRoute(request, response);
      return;
    }
    void serveFile(request.url ?? '/', response);
  });

  /** Attachments and generated documents (src-main/files/file-routes.ts); the route checks the person's key. */
  async function answerFileRoute(request: IncomingMessage, response: ServerResponse) {
    const routes = fileRoutesOf(host.db);
    const answer: FileResponse = routes
      ? await routes({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers as Record<string, string | undefined>, body: request.method === 'POST' ? request : null })
      : { status: 404, headers: {}, body: 'Files are not available.' };
    // An answer given before the body was read (refused, too large): the connection closes after it instead of reading the rest.
    response.writeHead(answer.status, request.method === 'POST' && !request.complete ? { ...answer.headers, Connection: 'close' } : answer.headers);
    if (answer.body === null || typeof answer.body === 'string') {
      response.end(answer.body ?? undefined);
      return;
    }
    await pipeline(answer.body, response).catch((error: unknown) => log.warn('a file download was cut off', { error: String(error) }));
  }

  async function moveTestClock(request: IncomingMessage, response: ServerResponse) {
    let body = '';
    for await (const chunk of request) if ((body += String(chunk)).length > 1000) break;
    const answer = answerTestClock({ method: request.method ?? '', path: (request.url ?? '').split('?')[0] ?? '', authorization: request.headers.authorization, body }, options.testClock, token);
    if (answer.status === 200) log.warn('test clock moved', answer.body);
    response.writeHead(answer.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(answer.body));
  }

  async function serveFile(url: string, response: ServerResponse) {
    const path = resolveStaticPath(rendererRoot, url);
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy([origin.replace(/^http/, 'ws')]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (!path) {
      response.writeHead(400, headers).end('Bad path');
      return;
    }
    try {
      const body = await readFile(path);
      response.writeHead(200, { ...headers, 'Content-Type': contentTypeOf(path) }).end(body);
    } catch {
      const hint = path.endsWith('index.html') ? ' The UI is not built: run `npm run build`.' : '';
      response.writeHead(404, headers).end('Not found.' + hint);
    }
  }

  const bridge = attachWebSocketBridge(server, host, { token, allowedOrigins: () => [origin], log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, listenHost, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  origin = `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${actualPort}`;
  return {
    origin,
    async close() {
      await bridge.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { readFile } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import type { Logger } from '../logging/logger';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { contentTypeOf, resolveStaticPath } from '../serve/static-files';
import { FILE_ROUTE_PREFIX, type AppFileRoutes } from '../files/file-routes';
import { answerWebFileRequest } from '../files/web-file-adapter';
import { APP_SCHEME, isAppUrl } from './trust';

/**
 * `app://` is standard (real origin, relative URLs resolve) and secure (treated like https), so the
 * page gets a proper origin for the CSP's 'self' and for the IPC sender check, unlike file://,
 * where every local file shares one origin. Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
] satisfies CustomScheme[];

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
});

/** The file an `app://labflow/...` URL names under `rendererRoot`, or null for anything else. */
export function appRequestPath(rendererRoot: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  return resolveStaticPath(rendererRoot, new URL(requestUrl).pathname);
}

/**
 * Answers one app:// request from the built renderer. Other hosts, ports, credentials and paths
 * that would leave `rendererRoot` get 400; a missing file 404; every answer carries the CSP.
 */
export async function respondToAppRequest(
  request: Pick<Request, 'url' | 'method'>,
  rendererRoot: string,
  read: (path: string) => Promise<Uint8Array> = readFile,
): Promise<Response> {
  const headers = baseHeaders();
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers });
  const path = appRequestPath(rendererRoot, request.url);
  if (!path) return new Response('Bad path', { status: 400, headers });
  let body: Uint8Array;
  try {
    body = await read(path);
  } catch {
    const hint = path.endsWith('index.html') ? ' The UI is not built: run `npm run build:electron`.' : '';
    return new Response('Not found.' + hint, { status: 404, headers });
  }
  // Response wants an ArrayBuffer-backed view; a Buffer from readFile may share a larger pool.
  const bytes = new Uint8Array(body.byteLength);
  bytes.set(body);
  return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(path) } });
}

/**
 * Serves the renderer on app:// for the default session, and the host's file routes under
 * `app://labflow/files/` (attachments, generated documents: src-main/files/file-routes.ts, which
 * checks the person's key); returns the dispose function.
 */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle' | 'unhandle'>, rendererRoot: string, log: Logger, fileRoutes?: () => AppFileRoutes | undefined): () => void {
  protocol.handle(APP_SCHEME, (request) => {
    const routes = isAppUrl(request.url) && new URL(request.url).pathname.startsWith(FILE_ROUTE_PREFIX) ? fileRoutes?.() : undefined;
    return (routes ? answerWebFileRequest(request, routes) : respondToAppRequest(request, rendererRoot)).catch((error: unknown) => {
      const errorId = log.error('app:// request failed', error, { url: request.url.slice(0, 200) });
      return new Response(`Internal error ${errorId}`, { status: 500, headers: baseHeaders() });
    });
  });
  return () => protocol.unhandle(APP_SCHEME);
}

import { Readable } from 'node:stream';
import type { AppFileRoutes } from './file-routes';

/**
 * The file routes for a fetch-style request, as the desktop's app:// protocol handler receives it
 * (src-main/electron/app-protocol.ts): the body is streamed in, the file streamed out. Kept out
 * of src-main/electron so it runs and is tested in plain Node.
 */
export async function answerWebFileRequest(request: Pick<Request, 'method' | 'url' | 'headers' | 'body'>, routes: AppFileRoutes): Promise<Response> {
  const url = new URL(request.url);
  const answer = await routes({
    method: request.method,
    url: url.pathname + url.search,
    headers: Object.fromEntries(request.headers),
    body: request.method === 'POST' && request.body ? Readable.fromWeb(request.body as Parameters<typeof Readable.fromWeb>[0]) : null,
  });
  const body = answer.body === null || typeof answer.body === 'string' ? answer.body : (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>);
  return new Response(body, { status: answer.status, headers: answer.headers });
}

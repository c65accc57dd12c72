import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';

/**
 * Plain Node HTTP for the bulk bytes of file transfers: a file streams from disk into the socket
 * and back without the web-stream layer of fetch, which costs a lot of CPU per megabyte on a busy
 * lab PC. JSON calls to the server keep using the session's fetch.
 */
export function blobRequest(url: string, options: { method: 'GET' | 'PUT'; headers: Record<string, string>; body?: Readable; signal: AbortSignal }): Promise<IncomingMessage> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: options.method, headers: options.headers, signal: options.signal }, resolve);
    request.on('error', reject);
    if (options.body) {
      options.body.on('error', (error) => request.destroy(error));
      options.body.pipe(request);
    } else request.end();
  });
}

/** The server's `{error: {message}}` from a response, or its status. */
export async function messageOf(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response as AsyncIterable<Buffer>) if ((text += chunk.toString('utf8')).length > 10_000) break;
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not JSON
  }
  return `The sync server answered ${response.statusCode}.`;
}

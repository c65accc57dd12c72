import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { serveAppProtocol } from '../../../src-main/electron/app-protocol';
import { contentDisposition, type FileRequest, type AppFileRoutes } from '../../../src-main/files/file-routes';
import { answerWebFileRequest } from '../../../src-main/files/web-file-adapter';
import type { Logger } from '../../../src-main/logging/logger';

const log: Logger = { info: () => undefined, warn: () => undefined, error: () => 'E-1' };

describe('file routes on the desktop’s app:// protocol', () => {
  it('hands a request body to the routes as a stream and streams the answer back', async () => {
    let seen: FileRequest | null = null;
    let body = '';
    const routes: AppFileRoutes = async (request) => {
      seen = request;
      for await (const chunk of request.body as AsyncIterable<Buffer>) body += chunk.toString();
      return { status: 201, headers: { 'Content-Type': 'application/json' }, body: Readable.from([Buffer.from('{"uploadId":"U1"}')]) };
    };
    const response = await answerWebFileRequest(new Request('app://labflow/files/uploads?key=K', { method: 'POST', body: 'file bytes' }), routes);
    expect(seen).toMatchObject({ method: 'POST', url: '/files/uploads?key=K' });
    expect(body).toBe('file bytes');
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ uploadId: 'U1' });
  });

  it('sends /files/ to the file routes and everything else to the renderer', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const protocol = { handle: (_scheme: string, h: (request: Request) => Promise<Response>) => void (handler = h), unhandle: () => undefined };
    const routes: AppFileRoutes = async () => ({ status: 200, headers: {}, body: 'a file' });
    serveAppProtocol(protocol as never, '/nonexistent-renderer', log, () => routes);
    expect(await (await handler!(new Request('app://labflow/files/attachments/A1?key=K'))).text()).toBe('a file');
    expect((await handler!(new Request('app://labflow/index.html'))).status).toBe(404);
    // Another host is not the app: never the file routes.
    expect((await handler!(new Request('app://evil/files/attachments/A1?key=K'))).status).toBe(400);
  });

  it('names a download in any language without breaking the header', () => {
    expect(contentDisposition('Zertifikat "Waage" Łódź.pdf', true)).toBe(`attachment; filename="Zertifikat _Waage_ __d_.pdf"; filename*=UTF-8''Zertifikat%20%22Waage%22%20%C5%81%C3%B3d%C5%BA.pdf`);
    expect(contentDisposition('a.png', false)).toMatch(/^inline;/);
  });
});

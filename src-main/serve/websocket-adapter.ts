import type { IncomingMessage, Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../src-shared/bridge/protocol';
import type { Host } from '../host/create-host';
import type { Logger } from '../logging/logger';

export const BRIDGE_PATH = '/bridge';

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Checks who before what (STYLE.md §3): the access token and the page origin are checked at the
 * upgrade, before any message is read; each message is then checked by the connection.
 */
export function isUpgradeAllowed(request: Pick<IncomingMessage, 'url' | 'headers'>, token: string, allowedOrigins: string[]): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== BRIDGE_PATH) return false;
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin)) return false;
  return sameToken(url.searchParams.get('token') ?? '', token);
}

export function attachWebSocketBridge(server: Server, host: Host, options: { token: string; allowedOrigins: () => string[]; log: Logger }) {
  // ws refuses frames over maxPayload by closing the socket; leave headroom so the connection's own
  // size check answers an oversized message with a typed error instead.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES * 4 });

  server.on('upgrade', (request, socket, head) => {
    if (!isUpgradeAllowed(request, options.token, options.allowedOrigins())) {
      options.log.warn('refused a bridge connection', { url: request.url?.replace(/token=[^&]*/, 'token=…'), origin: request.headers.origin });
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket) {
    const connection = host.connect((message) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    });
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      void connection.receive(isBinary ? JSON.stringify({ binary: true }) : text);
    });
    ws.on('close', (code, reason) => {
      // Which side ended it and why (1001 a page going away, 1006 no close frame): for diagnosing drops.
      options.log.info('bridge socket closed', { code, reason: reason.toString().slice(0, 200) });
      connection.close();
    });
    ws.on('error', (error) => options.log.warn('bridge socket error', { error: error.message }));
  }

  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

import type { WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../src-shared/bridge/protocol';
import type { Host } from '../host/create-host';
import type { Logger } from '../logging/logger';

/**
 * ws refuses frames over maxPayload by closing the socket; leave headroom so the connection's own
 * size check answers an oversized message with a typed error instead.
 */
export const BRIDGE_SOCKET_MAX_PAYLOAD = MAX_MESSAGE_BYTES * 4;

/** One UI's WebSocket, already let through by the access-token check: each message goes to its host connection. */
export function serveBridgeSocket(socket: WebSocket, host: Host, log: Logger): void {
  const connection = host.connect((message) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  });
  socket.on('message', (data, isBinary) => {
    void connection.receive(isBinary ? JSON.stringify({ binary: true }) : data.toString());
  });
  socket.on('close', (code, reason) => {
    // Which side ended it and why (1001 a page going away, 1006 no close frame): for diagnosing drops.
    log.info('bridge socket closed', { code, reason: reason.toString().slice(0, 200) });
    connection.close();
  });
  socket.on('error', (error) => log.warn('bridge socket error', { error: error.message }));
}

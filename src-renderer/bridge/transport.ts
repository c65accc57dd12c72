import type { ClientMessage, HostMessage } from '../../src-shared/bridge/protocol';
import type { PreloadBridge } from '../../src-shared/bridge/preload-bridge';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** How messages reach the host: Electron IPC through the preload, or a WebSocket in serve mode. */
export interface Transport {
  send(message: ClientMessage): void;
  onMessage(listener: (message: HostMessage) => void): () => void;
  onState(listener: (state: ConnectionState) => void): () => void;
}

declare global {
  interface Window {
    labflow?: PreloadBridge;
  }
}

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    send: (message) => bridge.send(message),
    onMessage: (listener) => bridge.onMessage(listener),
    onState: (listener) => {
      listener('connected');
      return () => undefined;
    },
  };
}

/**
 * Serve mode: one WebSocket to the host, re-opened with backoff when it drops (host restarted,
 * laptop slept). Messages sent while disconnected wait in a queue.
 */
export function createWebSocketTransport(url: string): Transport {
  const messageListeners = new Set<(message: HostMessage) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const pending: string[] = [];
  let socket: WebSocket | undefined;
  let attempt = 0;
  let state: ConnectionState = 'connecting';

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const open = () => {
    setState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('connected');
      for (const text of pending.splice(0)) ws.send(text);
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as HostMessage;
      for (const listener of messageListeners) listener(message);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      setState('disconnected');
      const delay = Math.min(10_000, 250 * 2 ** attempt++);
      setTimeout(open, delay);
    };
  };
  open();

  return {
    send(message) {
      const text = JSON.stringify(message);
      if (socket?.readyState === WebSocket.OPEN) socket.send(text);
      else pending.push(text);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => void messageListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => void stateListeners.delete(listener);
    },
  };
}

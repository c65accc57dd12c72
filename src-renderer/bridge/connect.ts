import { createBridgeClient, type BridgeClient } from './bridge-client';
import { createIpcTransport, createWebSocketTransport } from './transport';

const TOKEN_KEY = 'labflow.token';

/**
 * Picks the transport: the Electron preload when present, otherwise serve mode's WebSocket with the
 * access token from the URL (kept in sessionStorage and removed from the address bar) or, for a
 * bookmark of the bare address, the host's access cookie.
 */
export function connectToHost(): BridgeClient {
  if (window.labflow) return createBridgeClient(createIpcTransport(window.labflow));
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  // Without a token of its own (a bookmark of the bare address) the page was let in by the host's
  // HttpOnly access cookie, which the browser sends with the WebSocket too.
  const token = sessionStorage.getItem(TOKEN_KEY);
  const wsUrl = `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}/bridge${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  return createBridgeClient(createWebSocketTransport(wsUrl));
}

import type { ClientMessage, HostMessage } from './protocol';

/**
 * What the Electron preload exposes to the page as `window.labflow`, and nothing else: the same
 * messages serve mode carries over its WebSocket. The preload checks it `satisfies` this type.
 */
export interface PreloadBridge {
  send(message: ClientMessage): void;
  onMessage(listener: (message: HostMessage) => void): () => void;
}

/** The IPC channel names the preload and the main process share. */
export const IPC_CHANNELS = { toHost: 'labflow:to-host', toUi: 'labflow:to-ui' } as const;

import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type PreloadBridge } from '../../src-shared/bridge/preload-bridge';
import type { HostMessage } from '../../src-shared/bridge/protocol';

/**
 * The object the preload hands to the page as `window.labflow`: send and onMessage, nothing else.
 * The page never sees `ipcRenderer` or an IPC event (an event carries `sender`, which is
 * ipcRenderer itself), so it can reach only the two LabFlow channels. Messages go out as JSON
 * text, the same wire form as serve mode's WebSocket, so the host checks their size before parsing.
 */
export function createRendererBridge(ipc: Pick<IpcRenderer, 'send' | 'on' | 'removeListener'>): PreloadBridge {
  return {
    send(message) {
      ipc.send(IPC_CHANNELS.toHost, JSON.stringify(message));
    },
    onMessage(listener) {
      if (typeof listener !== 'function') throw new TypeError('onMessage needs a function.');
      const forward = (_event: IpcRendererEvent, message: HostMessage) => listener(message);
      ipc.on(IPC_CHANNELS.toUi, forward);
      return () => {
        ipc.removeListener(IPC_CHANNELS.toUi, forward);
      };
    },
  } satisfies PreloadBridge;
}

import type { IpcMainEvent, WebContents } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/bridge/preload-bridge';
import type { HostMessage } from '../../src-shared/bridge/protocol';
import type { Connection } from '../bridge/connection';
import type { Host } from '../host/create-host';
import type { Logger } from '../logging/logger';
import { isTrustedSender } from './trust';

/**
 * A JSON string stands in for anything that is not one. The preload sends JSON text (the same
 * wire form as the WebSocket) so the connection's size limit applies before parsing; a structured
 * clone would arrive already decoded, however large. The connection answers this with
 * `malformed_message`.
 */
const NOT_TEXT = JSON.stringify({ notText: true });

/**
 * Connects one window to the host over Electron IPC. Uses the window's own `webContents.ipc`, so
 * messages from other windows never reach this connection. Checks who before what: a message is
 * read only from the main frame of the app's own origin. A navigation (reload) or a renderer crash
 * starts a fresh connection, as a new WebSocket does in serve mode, so a reloaded page neither
 * inherits the old page's session nor receives its live-query results. Returns the dispose
 * function; it also runs when the window is destroyed.
 */
export function attachIpcBridge(contents: WebContents, host: Pick<Host, 'connect'>, log: Logger): () => void {
  let connection: Connection | null = null;
  let isDisposed = false;

  const sendToUi = (message: HostMessage) => {
    if (contents.isDestroyed()) return;
    try {
      contents.send(IPC_CHANNELS.toUi, message);
    } catch (error) {
      log.error('could not deliver a message to the window', error);
    }
  };
  const currentConnection = (): Connection => (connection ??= host.connect(sendToUi));
  const endConnection = () => {
    connection?.close();
    connection = null;
  };

  const onMessage = (event: IpcMainEvent, message: unknown) => {
    if (isDisposed) return;
    if (!isTrustedSender(event.senderFrame)) {
      log.warn('ignored a message from an untrusted frame', { url: String(event.senderFrame?.url ?? '(gone)').slice(0, 200) });
      return;
    }
    void currentConnection().receive(typeof message === 'string' ? message : NOT_TEXT);
  };
  const onRendererGone = () => endConnection();

  contents.ipc.on(IPC_CHANNELS.toHost, onMessage);
  contents.on('did-navigate', onRendererGone);
  contents.on('render-process-gone', onRendererGone);

  const dispose = () => {
    if (isDisposed) return;
    isDisposed = true;
    contents.ipc.removeListener(IPC_CHANNELS.toHost, onMessage);
    if (!contents.isDestroyed()) {
      contents.off('did-navigate', onRendererGone);
      contents.off('render-process-gone', onRendererGone);
    }
    endConnection();
  };
  contents.once('destroyed', dispose);
  return dispose;
}

import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcRenderer } from 'electron';
import { removeRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { attachIpcBridge } from '../../../src-main/electron/ipc-adapter';
import { createRendererBridge } from '../../../src-main/electron/renderer-bridge';
import type { SenderFrame } from '../../../src-main/electron/trust';
import { DATABASE_NAME } from '../../../src-main/database/open-database';
import { createHost, type Host } from '../../../src-main/host/create-host';
import { createLogger } from '../../../src-main/logging/logger';
import { MAX_MESSAGE_BYTES, type HostMessage } from '../../../src-shared/bridge/protocol';
import { FakeWebContents } from '../../unit/electron/electron-fakes';

// The whole desktop message path except Electron itself: the preload's bridge object, the IPC
// adapter and the real host. Electron's two IPC ends are joined by event emitters (its binary
// cannot run here), with a structured clone where Electron would make one.
const storage = getRxStorageMemory();
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  await removeRxDatabase(DATABASE_NAME, storage);
});

async function desktop(senderFrame: SenderFrame = { url: 'app://labflow/index.html', origin: 'app://labflow', parent: null }) {
  const log = createLogger({ directory: mkdtempSync(join(tmpdir(), 'labflow-ipc-')) });
  const created = await createHost({ storage, databaseLocation: 'memory', log, expiryCheckMs: 0 });
  if (!created.ok) throw new Error(created.error.message);
  host = created.value;
  const contents = new FakeWebContents();
  const page = new EventEmitter();
  contents.deliverToPage = (channel, message) => page.emit(channel, { sender: 'ipcRenderer' }, message);
  const ipcRenderer = {
    send: (channel: string, payload: unknown) => contents.ipc.emit(channel, { senderFrame, sender: contents }, structuredClone(payload)),
    on: (channel: string, listener: (...args: unknown[]) => void) => page.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => page.removeListener(channel, listener),
  };
  // Counts the host connections the adapter opens: a refused frame never gets one, so no answer can come later.
  let connections = 0;
  const counted: Host = { ...host, connect: (send) => (connections++, host!.connect(send)) };
  attachIpcBridge(contents.asWebContents(), counted, log);
  const bridge = createRendererBridge(ipcRenderer as unknown as Pick<IpcRenderer, 'send' | 'on' | 'removeListener'>);
  const received: HostMessage[] = [];
  bridge.onMessage((message) => received.push(message));
  const next = async (match: (m: HostMessage) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const found = received.find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no matching message; got ${JSON.stringify(received)}`);
  };
  return { bridge, received, next, contents, connections: () => connections };
}

describe('desktop IPC path to the real host', () => {
  it('answers a live query sent through window.labflow', async () => {
    const { bridge, next } = await desktop();
    bridge.send({ t: 'subscribe', id: 's1', name: 'auth/status', input: {} });
    expect(await next((m) => m.t === 'data' && m.id === 's1')).toMatchObject({ result: { ok: true, value: { hasAdministrator: false, session: null } } });
  });

  it('refuses an oversized message before parsing it', async () => {
    const { bridge, next } = await desktop();
    bridge.send({ t: 'call', id: 'big', name: 'auth/status', input: { padding: 'x'.repeat(MAX_MESSAGE_BYTES) } });
    expect(await next((m) => m.t === 'error')).toMatchObject({ error: { code: 'message_too_large' } });
  });

  it('answers a message that does not follow the protocol with a typed error', async () => {
    const { bridge, next } = await desktop();
    bridge.send({ t: 'drop-tables' } as never);
    expect(await next((m) => m.t === 'error')).toMatchObject({ error: { code: 'malformed_message' } });
  });

  it('never answers a subframe', async () => {
    const { bridge, received, connections } = await desktop({ url: 'app://labflow/index.html', origin: 'app://labflow', parent: {} });
    bridge.send({ t: 'subscribe', id: 's1', name: 'auth/status', input: {} });
    expect(connections()).toBe(0);
    expect(received).toEqual([]);
  });
});

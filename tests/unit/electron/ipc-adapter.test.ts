import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../src-shared/bridge/preload-bridge';
import type { HostMessage } from '../../../src-shared/bridge/protocol';
import { attachIpcBridge } from '../../../src-main/electron/ipc-adapter';
import type { SenderFrame } from '../../../src-main/electron/trust';
import { FakeWebContents, memoryLogger } from './electron-fakes';

/** A host that records what each connection receives; the real host is covered in tests/integration/electron. */
function recordingHost() {
  const connections: Array<{ received: unknown[]; isClosed: boolean; send: (message: HostMessage) => void }> = [];
  return {
    connections,
    connect(send: (message: HostMessage) => void) {
      const record = { received: [] as unknown[], isClosed: false, send };
      connections.push(record);
      return {
        receive: async (message: unknown) => void record.received.push(message),
        close: () => void (record.isClosed = true),
      };
    },
  };
}

const appFrame: SenderFrame = { url: 'app://labflow/index.html', origin: 'app://labflow', parent: null };
const message = JSON.stringify({ t: 'call', id: 'c1', name: 'auth/status', input: {} });

function setup() {
  const contents = new FakeWebContents();
  const host = recordingHost();
  const { lines, log } = memoryLogger();
  const dispose = attachIpcBridge(contents.asWebContents(), host, log);
  const fromPage = (payload: unknown, senderFrame: SenderFrame | null = appFrame) => contents.ipc.emit(IPC_CHANNELS.toHost, { senderFrame, sender: contents }, payload);
  return { contents, host, lines, dispose, fromPage };
}

describe('attachIpcBridge', () => {
  it('passes messages from the app main frame to one connection', () => {
    const { host, fromPage } = setup();
    fromPage(message);
    fromPage(message);
    expect(host.connections).toHaveLength(1);
    expect(host.connections[0]?.received).toEqual([message, message]);
  });

  it.each<[string, SenderFrame | null]>([
    ['a destroyed frame', null],
    ['a subframe', { ...appFrame, parent: appFrame }],
    ['a remote page', { url: 'https://evil.example/', origin: 'https://evil.example', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', origin: 'file://', parent: null }],
    ['another app host', { url: 'app://evil/index.html', origin: 'app://evil', parent: null }],
  ])('ignores messages from %s before reading them', (_name, frame) => {
    const { host, lines, fromPage } = setup();
    fromPage(message, frame);
    expect(host.connections).toHaveLength(0);
    expect(lines.some((line) => line.message === 'ignored a message from an untrusted frame')).toBe(true);
  });

  it.each([{ t: 'call', id: 'x', name: 'auth/status' }, 42, null, undefined, ['a'], new Uint8Array(4)])('hands non-text payloads to the connection as a malformed message (%#)', (payload) => {
    const { host, fromPage } = setup();
    fromPage(payload);
    const received = host.connections[0]?.received[0];
    expect(typeof received).toBe('string');
    expect(JSON.parse(received as string)).toEqual({ notText: true });
  });

  it('delivers host messages on the UI channel, and drops them once the window is gone', () => {
    const { contents, host, lines, fromPage } = setup();
    fromPage(message);
    const send = host.connections[0]!.send;
    send({ t: 'event', name: 'session/expired', payload: { reason: 'inactivity' } });
    expect(contents.sent).toEqual([{ channel: IPC_CHANNELS.toUi, message: { t: 'event', name: 'session/expired', payload: { reason: 'inactivity' } } }]);
    contents.isDestroyedFlag = true;
    expect(() => send({ t: 'event', name: 'x', payload: null })).not.toThrow();
    expect(contents.sent).toHaveLength(1);
    expect(lines.filter((line) => line.level === 'error')).toHaveLength(0);
  });

  it.each(['did-navigate', 'render-process-gone'])('starts a fresh connection after %s', (eventName) => {
    const { contents, host, fromPage } = setup();
    fromPage(message);
    contents.emit(eventName);
    expect(host.connections[0]?.isClosed).toBe(true);
    fromPage(message);
    expect(host.connections).toHaveLength(2);
    expect(host.connections[1]?.isClosed).toBe(false);
  });

  it('closes the connection and stops listening when the window is destroyed', () => {
    const { contents, host, fromPage } = setup();
    fromPage(message);
    contents.destroy();
    expect(host.connections[0]?.isClosed).toBe(true);
    expect(contents.ipc.listenerCount(IPC_CHANNELS.toHost)).toBe(0);
    fromPage(message);
    expect(host.connections).toHaveLength(1);
  });

  it('keeps each window on its own connection', () => {
    const first = setup();
    const second = setup();
    first.fromPage(message);
    second.fromPage(message);
    expect(first.host.connections).toHaveLength(1);
    expect(second.host.connections).toHaveLength(1);
  });

  it('dispose is idempotent', () => {
    const { dispose, host, fromPage } = setup();
    fromPage(message);
    dispose();
    dispose();
    expect(host.connections[0]?.isClosed).toBe(true);
  });
});

import { EventEmitter } from 'node:events';
import type { IpcRenderer } from 'electron';
import { describe, expect, it } from 'vitest';
import { createRendererBridge } from '../../../src-main/electron/renderer-bridge';
import { IPC_CHANNELS } from '../../../src-shared/bridge/preload-bridge';

// The Electron binary cannot run here, so ipcRenderer is an EventEmitter with a recording send.
function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const sent: Array<[string, unknown]> = [];
  const ipc = Object.assign(emitter, { send: (channel: string, payload: unknown) => void sent.push([channel, payload]) });
  return { ipc: ipc as unknown as Pick<IpcRenderer, 'send' | 'on' | 'removeListener'>, emitter, sent };
}

describe('createRendererBridge (window.labflow)', () => {
  it('exposes exactly send and onMessage', () => {
    const bridge = createRendererBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['onMessage', 'send']);
  });

  it('sends JSON text on the host channel', () => {
    const { ipc, sent } = fakeIpcRenderer();
    createRendererBridge(ipc).send({ t: 'call', id: 'c1', name: 'auth/status', input: {} });
    expect(sent).toEqual([[IPC_CHANNELS.toHost, '{"t":"call","id":"c1","name":"auth/status","input":{}}']]);
  });

  it('gives listeners the message only, never the IPC event', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const received: unknown[][] = [];
    createRendererBridge(ipc).onMessage((...args: unknown[]) => received.push(args));
    emitter.emit(IPC_CHANNELS.toUi, { sender: ipc, ports: [] }, { t: 'event', name: 'x', payload: 1 });
    emitter.emit('some-other-channel', { sender: ipc }, { t: 'event', name: 'y', payload: 2 });
    expect(received).toEqual([[{ t: 'event', name: 'x', payload: 1 }]]);
  });

  it('unsubscribes, and unsubscribing twice is harmless', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const received: unknown[] = [];
    const unsubscribe = createRendererBridge(ipc).onMessage((message) => received.push(message));
    unsubscribe();
    unsubscribe();
    emitter.emit(IPC_CHANNELS.toUi, {}, { t: 'event', name: 'x', payload: 1 });
    expect(received).toEqual([]);
    expect(emitter.listenerCount(IPC_CHANNELS.toUi)).toBe(0);
  });

  it.each([undefined, null, 'alert(1)', {}, 42])('refuses a listener that is not a function (%#)', (listener) => {
    const bridge = createRendererBridge(fakeIpcRenderer().ipc);
    expect(() => bridge.onMessage(listener as never)).toThrow(TypeError);
  });
});

import { EventEmitter } from 'node:events';
import type { Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import type { Logger } from '../../../src-main/logging/logger';

/**
 * Stand-ins for the few Electron objects the hardening and the IPC adapter touch. They are the
 * only mocks in these tests: the Electron binary cannot run on this machine (DESIGN.md §7), so its
 * objects are replaced by event emitters with the same method names, and cast once here.
 */
export class FakeWebContents extends EventEmitter {
  readonly ipc = new EventEmitter();
  readonly sent: Array<{ channel: string; message: unknown }> = [];
  isDestroyedFlag = false;
  windowOpenHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.isDestroyedFlag;
  }
  /** Called with what the main process sends to the page, after Electron's structured clone. */
  deliverToPage: ((channel: string, message: unknown) => void) | null = null;

  send(channel: string, message: unknown) {
    if (this.isDestroyedFlag) throw new Error('Object has been destroyed');
    this.sent.push({ channel, message });
    this.deliverToPage?.(channel, structuredClone(message));
  }
  destroy() {
    this.isDestroyedFlag = true;
    this.emit('destroyed');
  }
  /** What Electron would do with `event.preventDefault()`: report whether the navigation was blocked. */
  navigate(eventName: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    let isPrevented = false;
    this.emit(eventName, { url, preventDefault: () => (isPrevented = true) });
    return isPrevented;
  }
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

export function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (handler: (...args: never[]) => unknown) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: (...args: never[]) => unknown) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: (...args: never[]) => unknown) => (handlers.device = handler),
  };
  return { handlers, session: session as unknown as Session };
}

export function memoryLogger() {
  const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const log: Logger = {
    info: (message, fields) => void lines.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message, error, fields) => {
      lines.push({ level: 'error', message, fields: { error: String(error), ...fields } });
      return 'E-TEST';
    },
  };
  return { lines, log };
}

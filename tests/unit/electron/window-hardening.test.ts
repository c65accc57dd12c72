import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWindow, secureWebPreferences, windowOpenDecision } from '../../../src-main/electron/window-hardening';
import { FakeWebContents, fakeSession, memoryLogger } from './electron-fakes';

describe('secureWebPreferences', () => {
  it('isolates the page: sandbox, context isolation, no Node, no webviews', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('allows developer tools only when asked (unpackaged builds)', () => {
    expect(secureWebPreferences('p', { isDevToolsAllowed: true }).devTools).toBe(true);
  });
});

describe('windowOpenDecision', () => {
  it.each([
    'https://example.org/manual',
    'http://example.org/',
  ])('denies the window and opens %s in the browser', (url) => {
    const opened: string[] = [];
    expect(windowOpenDecision({ url }, (u) => opened.push(u))).toEqual({ action: 'deny' });
    expect(opened).toEqual([url]);
  });

  it.each([
    'app://labflow/index.html',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<h1>hi</h1>',
    'about:blank',
    'https://user:pw@example.org/',
    'ms-settings:privacy',
    '',
  ])('denies %s and opens nothing', (url) => {
    const opened: string[] = [];
    expect(windowOpenDecision({ url }, (u) => opened.push(u))).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });
});

describe('hardenWindow', () => {
  const setup = () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    const { lines, log } = memoryLogger();
    const dispose = hardenWindow(contents.asWebContents(), { openExternal: async (url) => void opened.push(url), log });
    return { contents, opened, lines, dispose };
  };

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)('%s: allows the app origin, blocks the rest', (eventName) => {
    const { contents, lines } = setup();
    expect(contents.navigate(eventName, 'app://labflow/index.html')).toBe(false);
    expect(contents.navigate(eventName, 'app://labflow/projects/3')).toBe(false);
    for (const url of ['http://evil.example/', 'https://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'app://evil/', 'APP://labflow:1/', 'about:blank']) {
      expect(contents.navigate(eventName, url), url).toBe(true);
    }
    expect(lines.filter((line) => line.message === 'blocked a navigation')).toHaveLength(8);
  });

  it('opens validated links externally and never creates a window', async () => {
    const { contents, opened } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://example.org/help']);
  });

  it('logs, rather than throws, when the browser cannot be opened', async () => {
    const contents = new FakeWebContents();
    const { lines, log } = memoryLogger();
    hardenWindow(contents.asWebContents(), { openExternal: () => Promise.reject(new Error('no browser')), log });
    contents.windowOpenHandler?.({ url: 'https://example.org/' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.some((line) => line.message === 'could not open a link in the browser')).toBe(true);
  });

  it('refuses webviews', () => {
    const { contents } = setup();
    let isPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (isPrevented = true) }, {}, { src: 'https://evil.example' });
    expect(isPrevented).toBe(true);
  });

  it('dispose removes the guards and leaves new windows denied', () => {
    const { contents, dispose } = setup();
    dispose();
    expect(contents.listenerCount('will-navigate')).toBe(0);
    expect(contents.listenerCount('will-attach-webview')).toBe(0);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { handlers, session } = fakeSession();
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      let granted: boolean | undefined;
      (handlers.request as (...args: unknown[]) => void)({}, permission, (answer: boolean) => (granted = answer), {});
      expect(granted, permission).toBe(false);
      expect((handlers.check as (...args: unknown[]) => boolean)({}, permission, 'app://labflow', {})).toBe(false);
    }
    expect((handlers.device as (...args: unknown[]) => boolean)({})).toBe(false);
  });
});

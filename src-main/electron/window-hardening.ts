import type { HandlerDetails, Session, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import type { Logger } from '../logging/logger';
import { isAllowedNavigation, isSafeExternalUrl } from './trust';

/**
 * Electron hardening in one module (STYLE.md §11). It imports only Electron's types: Electron's
 * objects are passed in, so the wiring runs in Node's test runner against small fakes.
 */

/** The renderer is a web page with one narrow bridge; it gets no Node, no webviews, no escape hatches. */
export function secureWebPreferences(preloadPath: string, options: { isDevToolsAllowed?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: options.isDevToolsAllowed ?? false,
  };
}

/**
 * No page ever gets a second Electron window. A link meant for a new window opens in the system
 * browser when it is a plain http(s) URL; anything else (file:, javascript:, custom schemes) is dropped.
 */
export function windowOpenDecision(details: Pick<HandlerDetails, 'url'>, openExternal: (url: string) => void): WindowOpenHandlerResponse {
  if (isSafeExternalUrl(details.url)) openExternal(new URL(details.url).href);
  return { action: 'deny' };
}

export interface HardeningOptions {
  /** Hands a validated http(s) URL to the system browser (Electron's `shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  log: Logger;
}

const shortUrl = (url: unknown) => String(url).slice(0, 200);

/**
 * Applies the navigation, new-window and webview guards to one WebContents. Called for every
 * WebContents the app creates (`web-contents-created`), so nothing escapes by being created later.
 * Returns the dispose function that removes the listeners.
 */
export function hardenWindow(contents: WebContents, options: HardeningOptions): () => void {
  const { openExternal, log } = options;
  const guardNavigation = (event: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log.warn('blocked a navigation', { url: shortUrl(event.url) });
  };
  const refuseWebview = (event: { preventDefault(): void }) => {
    event.preventDefault();
    log.warn('blocked a webview');
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', refuseWebview);
  contents.setWindowOpenHandler((details) =>
    windowOpenDecision(details, (url) => {
      openExternal(url).catch((error: unknown) => log.warn('could not open a link in the browser', { url: shortUrl(url), error: String(error) }));
    }),
  );
  return () => {
    if (contents.isDestroyed()) return;
    contents.off('will-navigate', guardNavigation);
    contents.off('will-frame-navigate', guardNavigation);
    contents.off('will-redirect', guardNavigation);
    contents.off('will-attach-webview', refuseWebview);
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  };
}

/** A lab app needs no camera, microphone, location, notifications-from-the-page or USB: all refused. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

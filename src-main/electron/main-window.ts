import { BrowserWindow } from 'electron';
import type { Logger } from '../logging/logger';
import { APP_ENTRY_URL } from './trust';
import { secureWebPreferences } from './window-hardening';

/** The one LabFlow window, loading the UI from app:// with the hardened preferences. */
export function createMainWindow(options: { preloadPath: string; isDevToolsAllowed: boolean; isHidden: boolean; log: Logger }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'LabFlow',
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, { isDevToolsAllowed: options.isDevToolsAllowed }),
  });
  // Started hidden (at sign-in), it stays in the tray until opened from there or a notification.
  if (!options.isHidden) window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => options.log.error('the window could not load the UI', error));
  return window;
}

/** Brings an existing window to the front (a second launch lands here). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

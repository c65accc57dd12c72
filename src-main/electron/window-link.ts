import type { BrowserWindow } from 'electron';
import { appLinkSchema, linkToHash, type AppLink } from '../../src-shared/notifications/app-link';

/**
 * Shows the window and moves the UI to an item (`#/tasks/<id>`), as clicking a notification or the
 * tray's "My work" does. The link is parsed again here — it came from the database — so only a
 * section and an id made of safe characters ever reach the page, as a JSON string literal.
 */
export function openInWindow(window: BrowserWindow | null, link: AppLink | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  const parsed = appLinkSchema.safeParse(link);
  if (!parsed.success) return;
  void window.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(linkToHash(parsed.data))};`).catch(() => undefined);
}

/**
 * Closing the window hides it instead while "keep running in the tray" is on, so reminders keep
 * arriving; quitting from the tray or the app menu still quits. Returns the dispose function.
 */
export function hideOnClose(window: BrowserWindow, options: { keepRunningInTray(): boolean; isQuitting(): boolean }): () => void {
  const onClose = (event: { preventDefault(): void }) => {
    if (options.isQuitting() || !options.keepRunningInTray()) return;
    event.preventDefault();
    window.hide();
  };
  window.on('close', onClose);
  return () => {
    if (!window.isDestroyed()) window.off('close', onClose);
  };
}

import { app, Menu, nativeImage, Tray } from 'electron';
import { TRAY_ICON_PNG_BASE64 } from './tray-icon';
import { trayMenuTemplate, trayTooltip, type TrayActions, type TrayState } from './tray-menu';

export interface TrayController {
  setUnreadCount(count: number): void;
  isPaused(): boolean;
  dispose(): void;
}

/**
 * The tray icon with the unread count (tooltip, menu, the dock/launcher badge where the platform
 * has one, the title next to the icon on macOS) and its menu. Clicking the icon opens the window.
 */
export function createTray(actions: Omit<TrayActions, 'setPaused'> & { onPausedChange?(isPaused: boolean): void }): TrayController {
  const tray = new Tray(nativeImage.createFromBuffer(Buffer.from(TRAY_ICON_PNG_BASE64, 'base64')));
  const state: TrayState = { unread: 0, isPaused: false };
  const render = () => {
    tray.setToolTip(trayTooltip(state));
    if (process.platform === 'darwin') tray.setTitle(state.unread > 0 ? String(state.unread) : '');
    app.setBadgeCount(state.unread);
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(state, {
          ...actions,
          setPaused: (isPaused) => {
            state.isPaused = isPaused;
            actions.onPausedChange?.(isPaused);
            render();
          },
        }),
      ),
    );
  };
  tray.on('click', () => actions.open());
  render();
  return {
    setUnreadCount(count) {
      if (count === state.unread) return;
      state.unread = count;
      render();
    },
    isPaused: () => state.isPaused,
    dispose: () => tray.destroy(),
  };
}

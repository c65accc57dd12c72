import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';
import type { LoginItems } from '../notifications/start-at-sign-in';

/** The argument a login item starts LabFlow with: no window, only the tray (startup-options.ts). */
export const HIDDEN_FLAG = '--hidden';

export interface LoginItemsOptions {
  app: Pick<App, 'setLoginItemSettings'>;
  platform: NodeJS.Platform;
  /** The program to start (process.execPath of the installed app). */
  execPath: string;
  /** Linux: the XDG autostart folder (~/.config/autostart). */
  autostartDir: string;
}

/**
 * The operating system's login items for LabFlow. Windows and macOS through Electron's
 * `setLoginItemSettings` (Windows passes `--hidden`; macOS says the app was opened at login, since
 * its `openAsHidden` no longer works from macOS 13); Linux has no such API
 * in Electron, so a desktop entry in the XDG autostart folder, which every desktop environment reads.
 */
export function createLoginItems(options: LoginItemsOptions): LoginItems {
  const desktopEntry = join(options.autostartDir, 'labflow.desktop');
  return {
    setStartAtSignIn(isOn) {
      if (options.platform !== 'linux') {
        options.app.setLoginItemSettings({ openAtLogin: isOn, args: isOn ? [HIDDEN_FLAG] : [] });
        return;
      }
      if (!isOn) {
        rmSync(desktopEntry, { force: true });
        return;
      }
      mkdirSync(options.autostartDir, { recursive: true });
      writeFileSync(desktopEntry, autostartEntry(options.execPath));
    },
  };
}

/** A desktop entry (freedesktop.org) that starts LabFlow hidden to the tray. */
export function autostartEntry(execPath: string): string {
  // Exec quotes the path (it may contain spaces) and escapes what the spec reserves inside quotes.
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=LabFlow', 'Comment=Reminders from the tray', `Exec=${quoted} ${HIDDEN_FLAG}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

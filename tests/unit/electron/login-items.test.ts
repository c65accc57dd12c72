import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autostartEntry, createLoginItems, HIDDEN_FLAG } from '../../../src-main/electron/login-items';
import { isStartedHidden } from '../../../src-main/electron/startup-options';

type LoginItemSettings = Parameters<Parameters<typeof createLoginItems>[0]['app']['setLoginItemSettings']>[0];

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function electronApp() {
  const settings: LoginItemSettings[] = [];
  return { app: { setLoginItemSettings: (value: LoginItemSettings) => void settings.push(value) }, settings };
}

describe('the login item (src-main/electron/login-items.ts)', () => {
  it.each(['win32', 'darwin'] as const)('on %s registers LabFlow to start hidden with Electron, and removes it', (platform) => {
    const { app, settings } = electronApp();
    const items = createLoginItems({ app, platform, execPath: 'C:\\Program Files\\LabFlow\\LabFlow.exe', autostartDir: '/unused' });
    items.setStartAtSignIn(true);
    items.setStartAtSignIn(false);
    expect(settings).toEqual([
      { openAtLogin: true, args: [HIDDEN_FLAG] },
      { openAtLogin: false, args: [] },
    ]);
  });

  it('on Linux writes an XDG autostart entry that starts LabFlow hidden, and deletes it', () => {
    const autostartDir = join(mkdtempSync(join(tmpdir(), 'labflow-autostart-')), 'autostart');
    folders.push(autostartDir);
    const { app, settings } = electronApp();
    const items = createLoginItems({ app, platform: 'linux', execPath: '/opt/LabFlow/labflow', autostartDir });
    items.setStartAtSignIn(true);
    const entry = join(autostartDir, 'labflow.desktop');
    expect(readFileSync(entry, 'utf8')).toContain('Exec="/opt/LabFlow/labflow" --hidden');
    items.setStartAtSignIn(false);
    expect(existsSync(entry)).toBe(false);
    items.setStartAtSignIn(false); // already gone: not an error
    expect(settings).toEqual([]);
  });

  it('quotes a program path with spaces and escapes the characters the desktop entry spec reserves', () => {
    expect(autostartEntry('/home/ada/Lab "Flow"/$bin/labflow')).toContain('Exec="/home/ada/Lab \\"Flow\\"/\\$bin/labflow" --hidden');
  });

  it('knows a start by the OS at sign-in from the flag or from macOS', () => {
    expect(isStartedHidden(['/opt/LabFlow/labflow', '--hidden'], false)).toBe(true);
    expect(isStartedHidden(['/opt/LabFlow/labflow'], true)).toBe(true);
    expect(isStartedHidden(['/opt/LabFlow/labflow', '--data-dir', '/srv/lab'], false)).toBe(false);
  });
});

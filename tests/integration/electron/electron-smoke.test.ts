import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../../src-shared/bridge/protocol';

/**
 * Launches the built desktop app for real and checks what only Electron can show: the window
 * loads app://, the page sees window.labflow and no Node, IPC reaches the host, navigation and new
 * windows are refused, and quitting closes the host. Runs only where Electron's binary exists
 * (DESIGN.md §7); elsewhere vitest reports it as skipped with the reason in its name.
 */
const root = resolve(import.meta.dirname, '../../..');

function electronBinary(): string | null {
  try {
    // The electron package exports its binary's path, and throws when the download never happened.
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const skipReason = !binary ? 'Electron binary not installed here' : !hasDisplay ? 'no display: DISPLAY and WAYLAND_DISPLAY are unset' : null;

describe.skipIf(skipReason !== null)(`Electron smoke test${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: ElectronApplication | undefined;
  let dataDir: string;

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    dataDir = mkdtempSync(join(tmpdir(), 'labflow-electron-smoke-'));
  }, 180_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens a hardened window whose page reaches the host only through window.labflow', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE'));
    app = await _electron.launch({ executablePath: binary ?? undefined, args: [root, '--data-dir', dataDir], cwd: root, env });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe('app://labflow/index.html');

    const exposed = await page.evaluate(() => ({
      keys: Object.keys(window.labflow ?? {}).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ keys: ['onMessage', 'send'], require: 'undefined', process: 'undefined' });

    const reply = await page.evaluate(
      () =>
        new Promise<HostMessage>((resolveReply) => {
          const off = window.labflow!.onMessage((message) => {
            if (message.t === 'data' && message.id === 'smoke') {
              off();
              resolveReply(message);
            }
          });
          window.labflow!.send({ t: 'subscribe', id: 'smoke', name: 'auth/status', input: {} });
        }),
    );
    expect(reply).toMatchObject({ t: 'data', id: 'smoke', result: { ok: true } });

    const csp = await page.evaluate(() => fetch('app://labflow/index.html').then((response) => response.headers.get('content-security-policy')));
    expect(csp).toContain("script-src 'self'");

    // Neither a new window nor a navigation away from app:// may happen. (No http link here: a
    // valid one would open the system browser on the machine running the test.)
    await page.evaluate(() => void window.open('file:///etc/passwd'));
    await page.evaluate(() => {
      window.location.href = 'data:text/html,<h1>escaped</h1>';
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toBe('app://labflow/index.html');

    await app.close();
    app = undefined;
    expect(existsSync(join(dataDir, 'labflow.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'labflow.sqlite'))).toBe(true);
  }, 120_000);
});

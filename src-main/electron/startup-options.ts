import { resolve } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/core/result';

/**
 * Picks the data folder for the desktop app: `--data-dir <folder>` (or `--data-dir=<folder>`), then
 * LABFLOW_DATA_DIR, then Electron's per-user folder. Other arguments are ignored: Electron and
 * Chromium put their own flags on the command line, and `npm start` passes serve-mode flags
 * (`--port`, `--no-open`) that mean nothing here.
 */
export function resolveDataDir(argv: readonly string[], env: Record<string, string | undefined>, userDataDir: string, cwd = process.cwd()): Result<string> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir' || arg.startsWith('--data-dir=')) {
      const value = arg === '--data-dir' ? argv[i + 1] : arg.slice('--data-dir='.length);
      if (!value || value.startsWith('--')) return fail('invalid_input', '--data-dir needs a folder, for example --data-dir /srv/labflow.');
      return ok(resolve(cwd, value));
    }
  }
  if (env.LABFLOW_DATA_DIR) return ok(resolve(cwd, env.LABFLOW_DATA_DIR));
  return ok(userDataDir);
}

/**
 * Where Chromium keeps its own profile (caches, the single-instance lock). With the default data
 * folder that is the folder itself, as Electron's `userData` always was; with another data folder
 * it is a subfolder of it, so a second launch on the same data focuses the running window while
 * a launch on different data (a test, a second lab) is its own app.
 */
export function chromiumProfileDir(dataDir: string, defaultDataDir: string): string {
  return resolve(dataDir) === resolve(defaultDataDir) ? defaultDataDir : resolve(dataDir, 'electron-profile');
}

/**
 * Recognises a native module built for another runtime. better-sqlite3 is compiled against one
 * Node ABI: the copy `npm install` builds works in Node (serve mode, tests) but not in Electron,
 * whose ABI differs, until it is rebuilt for Electron (electron-builder does that when packaging).
 * Returns the explanation to print, or null for any other error.
 */
export function describeNativeModuleMismatch(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  if (!/NODE_MODULE_VERSION|compiled against a different Node\.js version|ERR_DLOPEN_FAILED|invalid ELF header|not a valid Win32 application/i.test(message)) return null;
  return (
    `SQLite's native module (better-sqlite3) is built for Node.js, not for this Electron: ${message.split('\n')[0]} ` +
    'Rebuild it for Electron with `npx electron-builder install-app-deps` (afterwards serve mode and the tests need `npm rebuild better-sqlite3`).'
  );
}

/**
 * Whether LabFlow was started by the operating system at sign-in (login-items.ts): then it opens no
 * window, only the tray. Windows and Linux pass `--hidden`; macOS says it opened the app at login.
 */
export function isStartedHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes('--hidden');
}

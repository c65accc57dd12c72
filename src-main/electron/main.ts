import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { app, dialog, Notification, protocol, safeStorage, session, shell, type BrowserWindow } from 'electron';
import { startDesktopApi } from '../api/desktop-api';
import { restoreAndRecord } from '../backup/backup-keeper';
import { lockDataFolder } from '../database/data-folder-lock';
import { createHost } from '../host/create-host';
import { fileRoutesOf } from '../files/files-feature';
import { createLabStorage } from '../host/lab-storage';
import { createLogger, logCrashes } from '../logging/logger';
import { watchKeepRunningInTray } from '../notifications/desktop-settings';
import { reapplyStartAtSignIn } from '../notifications/start-at-sign-in';
import { createKeyFileSecretStore } from '../security/secret-store';
import { createElectronNotifier } from './desktop-notifier';
import { createSafeStorageSecretStore } from './safe-storage-secret-store';
import { createTray } from './tray';
import { hideOnClose, openInWindow } from './window-link';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { attachIpcBridge } from './ipc-adapter';
import { createMainWindow, focusWindow } from './main-window';
import { chromiumProfileDir, describeNativeModuleMismatch, isStartedHidden, resolveDataDir } from './startup-options';
import { createLoginItems } from './login-items';
import { hardenSession, hardenWindow } from './window-hardening';

/**
 * The desktop app's composition root: the same host as serve mode (src-main/serve/serve-main.ts),
 * with Electron IPC instead of a WebSocket and app:// instead of HTTP.
 */

/**
 * Exit code after a start-up failure already shown to the person in a dialog. `npm start`
 * (scripts/start.mjs) does not fall back to serve mode for it: serve mode would fail the same way.
 */
const EXIT_REPORTED = 3;

// out/main/index.js → out/renderer and out/preload, inside app.asar once packaged.
const outDir = join(import.meta.dirname, '..');
const rendererRoot = join(outDir, 'renderer');
const preloadPath = join(outDir, 'preload', 'index.cjs');

function reportAndExit(title: string, message: string): void {
  console.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(EXIT_REPORTED);
}

// Before `ready`: the scheme's privileges, the sandbox for every renderer, and the folders. The
// name is set explicitly because `electron .` would otherwise take package.json's lower-case name
// and look in another folder than serve mode's defaultDataDir().
app.enableSandbox();
protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
app.setName('LabFlow');
const defaultDataDir = join(app.getPath('appData'), 'LabFlow');
const dataDir = resolveDataDir(process.argv.slice(1), process.env, defaultDataDir);

let mainWindow: BrowserWindow | null = null;

if (!dataDir.ok) {
  reportAndExit('LabFlow could not start', dataDir.error.message);
} else if (!useProfileFor(dataDir.value)) {
  // Already reported.
} else if (!app.requestSingleInstanceLock()) {
  // The running instance receives 'second-instance' and comes to the front.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) focusWindow(mainWindow);
  });
  start(dataDir.value).catch((error: unknown) => reportAndExit('LabFlow could not start', error instanceof Error ? error.message : String(error)));
}

/** Points Chromium's profile (and so the single-instance lock) at the data folder's profile. */
function useProfileFor(dataDir: string): boolean {
  const profileDir = chromiumProfileDir(dataDir, defaultDataDir);
  try {
    // setPath throws for a folder that does not exist yet (first run, a fresh --data-dir).
    mkdirSync(profileDir, { recursive: true });
    app.setPath('userData', profileDir);
    return true;
  } catch (error) {
    reportAndExit('LabFlow could not start', `The folder ${profileDir} could not be created: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

async function start(dataDir: string): Promise<void> {
  await app.whenReady();
  const log = createLogger({ directory: join(dataDir, 'logs') });
  logCrashes(log, (errorId) => reportAndExit('LabFlow stopped', `LabFlow stopped after an unexpected error (${errorId}). The details are in ${join(dataDir, 'logs', 'labflow.log')}.`));
  const logFile = join(dataDir, 'logs', 'labflow.log');

  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    hardenWindow(contents, { openExternal: (url) => shell.openExternal(url), log });
  });

  // A native module built for Node rather than Electron would otherwise surface as "the database
  // could not be opened", which it is not. Unpackaged, exit with a plain error so `npm start` falls
  // back to serve mode, where the same module works.
  try {
    new Database(':memory:').close();
  } catch (error) {
    const explanation = describeNativeModuleMismatch(error);
    if (!explanation) throw error;
    log.error('native module mismatch', error);
    if (app.isPackaged) return reportAndExit('LabFlow could not start', explanation);
    console.error(explanation);
    return app.exit(1);
  }

  const lock = lockDataFolder(dataDir);
  if (!lock.ok) return reportAndExit('LabFlow is already running', lock.error.message);
  const { storage, location } = createLabStorage(dataDir);
  // Tray, native notifications and the OS key store: the desktop's side of the notifications feature.
  let isQuitting = false;
  let keepInTray = true;
  if (process.platform === 'win32') app.setAppUserModelId('org.labflow.desktop');
  const tray = createTray({
    open: () => openInWindow(mainWindow, undefined),
    openMyWork: () => openInWindow(mainWindow, { section: 'workflows' }),
    quit: () => {
      isQuitting = true;
      app.quit();
    },
  });
  const loginItems = createLoginItems({ app, platform: process.platform, execPath: process.execPath, autostartDir: join(app.getPath('appData'), 'autostart') });
  const hosted = await createHost({
    storage,
    databaseLocation: location,
    log,
    platform: {
      dataDir,
      // Settings → Backups → Restore: close the host, restore, and start again on the restored data.
      restoreData: (backupPath, backupRoot) =>
        void stop().then(async () => {
          await restoreAndRecord(dataDir, backupPath, backupRoot, new Date(), log);
          app.relaunch();
          app.exit(0);
        }),
      loginItems,
      secretStore: createSafeStorageSecretStore(safeStorage, createKeyFileSecretStore(dataDir)),
      desktopNotifier: createElectronNotifier({
        notifications: { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
        open: (link) => openInWindow(mainWindow, link),
        isPaused: () => tray.isPaused(),
        setUnreadCount: (count) => tray.setUnreadCount(count),
      }),
    },
  });
  if (!hosted.ok) {
    tray.dispose();
    lock.value.release();
    // Never reset or recreate the database here: the person decides, with the file named.
    return reportAndExit('LabFlow could not open its database', `${hosted.error.message}\n\nNothing was reset or deleted. Details are in ${logFile}.`);
  }
  const host = hosted.value;
  const disposeProtocol = serveAppProtocol(protocol, rendererRoot, log, () => fileRoutesOf(host.db));
  // Started by the OS at sign-in: only the tray until the person opens the window.
  const isHidden = isStartedHidden(process.argv, process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
  const window = createMainWindow({ preloadPath, isDevToolsAllowed: !app.isPackaged, isHidden, log });
  reapplyStartAtSignIn(host.db, loginItems).catch((error: unknown) => log.error('the login item could not be renewed', error));
  mainWindow = window;
  const disposeBridge = attachIpcBridge(window.webContents, host, log);
  const stopWatchingTraySetting = watchKeepRunningInTray(host.db, (isOn) => (keepInTray = isOn));
  // Settings → API: off until an administrator turns it on.
  const desktopApi = startDesktopApi(host, log);
  const disposeHideOnClose = hideOnClose(window, { keepRunningInTray: () => keepInTray, isQuitting: () => isQuitting });
  window.on('closed', () => {
    disposeBridge();
    mainWindow = null;
  });

  // Closing the host is asynchronous; quitting waits for it once, then quits for real.
  let stopping: Promise<void> | null = null;
  let isStopped = false;
  const stop = () =>
    (stopping ??= (async () => {
      disposeBridge();
      stopWatchingTraySetting();
      disposeHideOnClose();
      tray.dispose();
      try {
        await desktopApi.stop();
        await host.close();
      } catch (error) {
        log.error('the host did not close cleanly', error);
      }
      disposeProtocol();
      lock.value.release();
      isStopped = true;
    })());
  app.on('before-quit', (event) => {
    isQuitting = true;
    if (isStopped) return;
    event.preventDefault();
    void stop().then(() => app.quit());
  });
  // With "keep running in the tray" on, closing the window only hides it (hideOnClose above).
  app.on('window-all-closed', () => {
    if (!keepInTray) app.quit();
  });
  process.on('SIGINT', () => app.quit());
  process.on('SIGTERM', () => app.quit());
  log.info('desktop started', { dataDir });
}

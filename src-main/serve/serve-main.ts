import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { restoreAndRecord } from '../backup/backup-keeper';
import { createHost, type Host } from '../host/create-host';
import { defaultDataDir } from '../host/data-dir';
import { createLabStorage } from '../host/lab-storage';
import { createLogger, logCrashes } from '../logging/logger';
import { lockDataFolder } from '../database/data-folder-lock';
import { parseServeOptions } from './serve-options';
import { DEFAULT_API_RATE_LIMIT } from '../api/api-plugin';
import { reportApiListener } from '../api/api-settings-store';
import { readOrCreateAccessToken } from './access-token-file';
import { startServeServer, type ServeServer } from './serve-app';
import { createTestClock } from './test-clock';
import { createKeyFileSecretStore } from '../security/secret-store';

/**
 * Serve mode: the desktop host in plain Node, its UI served to a browser on loopback. Used where
 * there is no desktop session, and by the end-to-end tests.
 */
async function main(): Promise<number | 'running'> {
  const parsed = parseServeOptions(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    console.error(parsed.error.message);
    return 2;
  }
  const options = parsed.value;
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const rendererRoot = resolve(process.env.LABFLOW_RENDERER_DIR ?? join(import.meta.dirname, '../../out/renderer'));
  const log = createLogger({ directory: join(dataDir, 'logs') });
  logCrashes(log);

  const lock = lockDataFolder(dataDir);
  if (!lock.ok) {
    console.error(lock.error.message);
    return 1;
  }
  const { storage, location } = createLabStorage(dataDir);
  // Test mode (end-to-end tests) only: a clock the test can move forward through POST /__test/clock.
  const testClock = options.isTestMode ? createTestClock() : undefined;
  let origin = '';
  // Kept in the data folder: a restart still accepts the open tabs and bookmarks (access-token-file.ts).
  const token = options.token ?? readOrCreateAccessToken(dataDir);
  const clock = testClock?.now ?? (() => new Date());
  const api = options.isApiOn ? { clock, rateLimit: { ...DEFAULT_API_RATE_LIMIT, perToken: options.apiRateLimit } } : undefined;
  let host: Host;
  let server: ServeServer;
  /** Opens the host and its server; again after a restore, on the same port so open tabs reconnect. */
  const open = async (port: number): Promise<string | null> => {
    const hosted = await createHost({
      storage,
      databaseLocation: location,
      log,
      ...(testClock ? { clock: testClock.now } : {}),
      platform: { secretStore: createKeyFileSecretStore(dataDir), appUrl: () => origin, dataDir, restoreData: (path, root) => void restoreThenReopen(path, root), ...(options.leadImportBatchSize ? { leadImportBatchSize: options.leadImportBatchSize } : {}) },
    });
    if (!hosted.ok) return hosted.error.message;
    host = hosted.value;
    server = await startServeServer({ host, rendererRoot, listenHost: options.host, port, token, log, ...(testClock ? { testClock } : {}), ...(api ? { api } : {}) });
    origin = server.origin;
    await reportApiListener(host.db, { controlledBy: 'serve-flag', address: api ? `${server.origin}/api/v1` : null, problem: null });
    return null;
  };
  // Settings → Backups → Restore: the command has answered; close everything, restore (the data
  // folder's lock stays held by this process throughout), and open again on the restored data.
  const restoreThenReopen = async (backupPath: string, backupRoot: string) => {
    const port = Number(new URL(origin).port);
    await server.close({ isRestarting: true });
    await host.close();
    await restoreAndRecord(dataDir, backupPath, backupRoot, clock(), log);
    const problem = await open(port);
    if (problem) {
      console.error(`LabFlow could not open the restored data: ${problem}`);
      lock.value.release();
      process.exit(1);
    }
  };
  const problem = await open(options.port);
  if (problem) {
    console.error(problem);
    lock.value.release();
    return 1;
  }
  if (testClock) console.log('Test mode: the clock can be moved with POST /__test/clock.');
  if (api) console.log(`The API answers at ${origin}/api/v1 (docs: ${origin}/api/docs). Make a token in Settings → API tokens.`);
  const url = `${origin}/?token=${token}`;
  log.info('serve mode listening', { origin: origin, dataDir });
  console.log(`LabFlow is running in serve mode. Data folder: ${dataDir}`);
  console.log(`Open ${url}`);
  console.log(`LABFLOW_URL=${url}`);
  console.log('Press Ctrl+C to stop.');
  if (options.openBrowser) openBrowser(url);

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info('stopping', { signal });
    await server.close();
    await host.close();
    lock.value.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return 'running';
}

function openBrowser(url: string) {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const noBrowser = () => console.log('(No browser could be opened here; open the address above yourself.)');
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', noBrowser);
    child.unref();
  } catch {
    noBrowser();
  }
}

main().then(
  (outcome) => {
    if (outcome !== 'running') process.exit(outcome);
  },
  (error: unknown) => {
    console.error('LabFlow could not start:', error);
    process.exit(1);
  },
);

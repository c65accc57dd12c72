import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { createHost } from '../host/create-host';
import { defaultDataDir } from '../host/data-dir';
import { createLabStorage } from '../host/lab-storage';
import { createLogger } from '../logging/logger';
import { lockDataFolder } from '../database/data-folder-lock';
import { parseServeOptions } from './serve-options';
import { DEFAULT_API_RATE_LIMIT } from '../api/api-plugin';
import { reportApiListener } from '../api/api-settings-store';
import { readOrCreateAccessToken } from './access-token-file';
import { startServeServer } from './serve-app';
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

  const lock = lockDataFolder(dataDir);
  if (!lock.ok) {
    console.error(lock.error.message);
    return 1;
  }
  const { storage, location } = createLabStorage(dataDir);
  // Test mode (end-to-end tests) only: a clock the test can move forward through POST /__test/clock.
  const testClock = options.isTestMode ? createTestClock() : undefined;
  let origin = '';
  const hosted = await createHost({
    storage,
    databaseLocation: location,
    log,
    ...(testClock ? { clock: testClock.now } : {}),
    platform: { secretStore: createKeyFileSecretStore(dataDir), appUrl: () => origin, dataDir },
  });
  if (!hosted.ok) {
    console.error(hosted.error.message);
    lock.value.release();
    return 1;
  }
  const host = hosted.value;
  // Kept in the data folder: a restart still accepts the open tabs and bookmarks (access-token-file.ts).
  const token = options.token ?? readOrCreateAccessToken(dataDir);
  const clock = testClock?.now ?? (() => new Date());
  const api = options.isApiOn ? { clock, rateLimit: { ...DEFAULT_API_RATE_LIMIT, perToken: options.apiRateLimit } } : undefined;
  const server = await startServeServer({ host, rendererRoot, listenHost: options.host, port: options.port, token, log, ...(testClock ? { testClock } : {}), ...(api ? { api } : {}) });
  origin = server.origin;
  await reportApiListener(host.db, { controlledBy: 'serve-flag', address: api ? `${server.origin}/api/v1` : null, problem: null });
  if (testClock) console.log('Test mode: the clock can be moved with POST /__test/clock.');
  if (api) console.log(`The API answers at ${server.origin}/api/v1 (docs: ${server.origin}/api/docs). Make a token in Settings → API tokens.`);
  const url = `${server.origin}/?token=${token}`;
  log.info('serve mode listening', { origin: server.origin, dataDir });
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

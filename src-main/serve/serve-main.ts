import { createServer, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { createHost } from '../host/create-host';
import { defaultDataDir } from '../host/data-dir';
import { createLogger } from '../logging/logger';
import { lockDataFolder } from '../database/data-folder-lock';
import { createLabStorage } from '../host/lab-storage';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { parseServeOptions } from './serve-options';
import { contentTypeOf, resolveStaticPath } from './static-files';
import { attachWebSocketBridge, BRIDGE_PATH } from './websocket-adapter';

/**
 * Serve mode: the desktop host in plain Node, its UI served to a browser on loopback. Used where
 * there is no desktop session, and by the end-to-end tests.
 */
async function main(): Promise<number> {
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
  const hosted = await createHost({ storage, databaseLocation: location, log });
  if (!hosted.ok) {
    console.error(hosted.error.message);
    lock.value.release();
    return 1;
  }
  const host = hosted.value;
  const token = options.token ?? randomBytes(24).toString('base64url');

  let origin = '';
  const server = createServer((request, response) => {
    void serveFile(request.url ?? '/', response);
  });
  async function serveFile(url: string, response: ServerResponse) {
    const path = resolveStaticPath(rendererRoot, url);
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy([origin.replace(/^http/, 'ws')]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (!path) {
      response.writeHead(400, headers).end('Bad path');
      return;
    }
    try {
      const body = await readFile(path);
      response.writeHead(200, { ...headers, 'Content-Type': contentTypeOf(path) }).end(body);
    } catch {
      const hint = path.endsWith('index.html') ? ' The UI is not built: run `npm run build`.' : '';
      response.writeHead(404, headers).end('Not found.' + hint);
    }
  }

  const bridge = attachWebSocketBridge(server, host, { token, allowedOrigins: () => [origin], log });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostName = options.host.includes(':') ? `[${options.host}]` : options.host;
  origin = `http://${hostName}:${port}`;
  const url = `${origin}/?token=${token}`;
  log.info('serve mode listening', { origin, dataDir });
  console.log(`LabFlow is running in serve mode. Data folder: ${dataDir}`);
  console.log(`Open ${url}`);
  console.log(`LABFLOW_URL=${url}`);
  console.log(`(bridge at ${BRIDGE_PATH}; press Ctrl+C to stop)`);
  if (options.openBrowser) openBrowser(url);

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info('stopping', { signal });
    await bridge.close();
    server.close();
    await host.close();
    lock.value.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return -1;
}

function openBrowser(url: string) {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('(No browser could be opened here; open the address above yourself.)'));
    child.unref();
  } catch {
    console.log('(No browser could be opened here; open the address above yourself.)');
  }
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error('LabFlow could not start:', error);
    process.exit(1);
  },
);

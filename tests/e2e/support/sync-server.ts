import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningSyncServer {
  url: string;
  /** '' when the server already had an administrator. */
  setupToken: string;
  /** The embedded database's folder (start another server on it to restart this one). */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `npm run sync-server`'s entry on a free loopback port: with an embedded PostgreSQL in a temp
 * folder, or on the PostgreSQL of `databaseUrl`. Resolves once it printed its address and set-up token.
 */
export async function startSyncServer(options: { databaseUrl?: string; dataDir?: string; port?: number; hasAdministrator?: boolean } = {}): Promise<RunningSyncServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'labflow-sync-'));
  const database = options.databaseUrl ? [] : ['--data-dir', dataDir];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'sync-server/server.ts', '--port', String(options.port ?? 0), '--host', '127.0.0.1', '--log-level', 'warn', ...database], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) },
  });
  let output = '';
  const found = await new Promise<{ url: string; setupToken: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sync server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /SYNC_SERVER_URL=(\S+)/.exec(output)?.[1];
      const setupToken = /SYNC_SETUP_TOKEN=(\S+)/.exec(output)?.[1];
      // A server that already has its administrator prints no set-up token.
      if (url && (setupToken || options.hasAdministrator)) {
        clearTimeout(timer);
        resolve({ url, setupToken: setupToken ?? '' });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the sync server exited with ${code}:\n${output}`)));
  });
  return {
    ...found,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

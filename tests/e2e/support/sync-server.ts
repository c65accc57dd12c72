import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningSyncServer {
  url: string;
  setupToken: string;
  stop(): Promise<void>;
}

/** Starts `npm run sync-server`'s entry on a free loopback port with an embedded PostgreSQL in a temp folder. */
export async function startSyncServer(dataDir = mkdtempSync(join(tmpdir(), 'labflow-e2e-sync-'))): Promise<RunningSyncServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'sync-server/server.ts', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--log-level', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let output = '';
  const found = await new Promise<{ url: string; setupToken: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sync server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /SYNC_SERVER_URL=(\S+)/.exec(output)?.[1];
      const setupToken = /SYNC_SETUP_TOKEN=(\S+)/.exec(output)?.[1];
      if (url && setupToken) {
        clearTimeout(timer);
        resolve({ url, setupToken });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the sync server exited with ${code}:\n${output}`)));
  });
  return {
    ...found,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

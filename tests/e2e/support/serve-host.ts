import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServedHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts serve mode (the real host in Node) on a free port and waits for its address. `env` adds to the host's environment (e.g. shorter sync retries). */
export async function startServeHost(dataDir = mkdtempSync(join(tmpdir(), 'labflow-e2e-')), env: Record<string, string> = {}): Promise<ServedHost> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src-main/serve/serve-main.ts', '--port', '0', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LABFLOW_TEST_MODE: '1', ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve mode did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LABFLOW_URL=(\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
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

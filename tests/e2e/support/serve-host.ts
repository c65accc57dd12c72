import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServedHost {
  url: string;
  dataDir: string;
  /** The host's process id (benchmarks read its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts serve mode (the real host in Node) on a free port and waits for its address. `env` adds to
 * the host's environment (e.g. shorter sync retries); `args` to its options (`--api`).
 */
export async function startServeHost(dataDir = mkdtempSync(join(tmpdir(), 'labflow-e2e-')), env: Record<string, string> = {}, args: string[] = []): Promise<ServedHost> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src-main/serve/serve-main.ts', '--port', '0', '--no-open', '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LABFLOW_TEST_MODE: '1', ...env },
  });
  let output = '';
  let isStopping = false;
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve mode did not start:\n${output}`)), 30_000);
    const onData = () => {
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
  const origin = new URL(url).origin;
  return {
    url,
    dataDir,
    pid: child.pid ?? 0,
    stop: async () => {
      const hasCrashed = child.exitCode !== null || child.signalCode !== null;
      if (!hasCrashed) {
        isStopping = true;
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        });
      }
      // A host that died on its own, or a UI socket that dropped while the host ran, fails the test
      // that met it, saying so, rather than showing up as a flaky step a retry hides.
      if (hasCrashed && !isStopping) throw new Error(`serve mode exited during the test (code ${child.exitCode ?? child.signalCode}):\n${output.slice(-4000)}`);
      const drops = droppedSockets(dataDir, origin);
      if (drops.length > 0) throw new Error(`a UI's bridge socket dropped while serve mode ran (no close frame):\n${drops.join('\n')}`);
    },
  };
}

/**
 * The bridge sockets of one run (from its "serve mode listening" line to its "stopping" line) that
 * closed without a close frame (1006): a browser tab that crashed, or a connection the network cut.
 */
function droppedSockets(dataDir: string, origin: string): string[] {
  const path = join(dataDir, 'logs', 'labflow.log');
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  const start = lines.findLastIndex((line) => line.includes('"serve mode listening"') && line.includes(origin));
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.includes('"message":"stopping"'));
  return lines.slice(start, end < 0 ? undefined : end).filter((line) => line.includes('"bridge socket closed"') && line.includes('"code":1006'));
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

/**
 * The README's commands as a person runs them: `npm start` (falls back to serve mode and says why
 * where Electron cannot run, as here), `npm run serve` (builds the UI when it is stale, serves it
 * with a per-run token) and `npm run sync-server -- create-admin`. Each runs as its own process.
 * One file, run in order: start and serve may both build out/renderer.
 */
const root = resolve(import.meta.dirname, '../../..');
const running = new Set<ChildProcess>();
afterEach(async () => {
  for (const child of running) await stop(child);
  running.clear();
});

interface Started {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the output once `pattern` appears in it; rejects when the process ends first. */
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

function start(script: string[], env: Record<string, string | undefined> = {}): Started {
  const child = spawn(process.execPath, script, { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern) =>
      new Promise((found, failed) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            listeners.delete(check);
            found(match);
          }
        };
        listeners.add(check);
        check();
        void exited.then((code) => failed(new Error(`exited with ${code} before ${pattern}:\n${output}`)));
      }),
  };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

const withoutDisplay = { DISPLAY: undefined, WAYLAND_DISPLAY: undefined, ELECTRON_RUN_AS_NODE: undefined };
const dataDir = () => mkdtempSync(join(tmpdir(), 'labflow-scripts-'));

describe('npm start and npm run serve', () => {
  it('npm start says why Electron cannot run, starts serve mode instead, and stops cleanly', async () => {
    const started = start(['scripts/start.mjs', '--port', '0', '--no-open', '--data-dir', dataDir()], withoutDisplay);
    const [, url] = await started.waitFor(/LABFLOW_URL=(\S+)/);
    const firstLine = started.output().split('\n')[0]!;
    // Here the binary was never downloaded; elsewhere it may be the missing display. Either way: why, then what.
    expect(firstLine).toMatch(/^(Electron's binary is (not installed|missing)|No display is available).* — starting serve mode instead; open the address below in a browser\.$/);
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  }, 240_000);

  it('npm run serve serves the UI with its access token, refuses the bridge without it, and explains bad flags', async () => {
    const started = start(['scripts/serve.mjs', '--port', '0', '--no-open', '--data-dir', dataDir()]);
    const [, url] = await started.waitFor(/LABFLOW_URL=(\S+)/);
    const address = new URL(url!);
    expect(address.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    // The bare address without the token (or its cookie) explains how to get in.
    const bare = await fetch(`${address.origin}/`);
    expect(bare.status).toBe(401);
    expect(await bare.text()).toContain('Open LabFlow with the address it gave you');
    // The bridge without the token: refused at the upgrade.
    const refusedWith = await new Promise<number | undefined>((answered) => {
      const socket = new WebSocket(`${address.origin.replace(/^http/, 'ws')}/bridge?token=wrong`);
      socket.on('unexpected-response', (_request, response) => answered(response.statusCode));
      socket.on('open', () => answered(101));
      socket.on('error', () => undefined);
    });
    expect(refusedWith).toBe(401);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);

    const bad = start(['scripts/serve.mjs', '--port', 'eighty', '--no-open']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/port/i);
  }, 240_000);
});

describe('npm run sync-server -- create-admin', () => {
  const createAdmin = (dir: string, args: string[], password?: string) =>
    start(['--import', 'tsx', 'sync-server/server.ts', 'create-admin', '--data-dir', dir, ...args], { SYNC_ADMIN_PASSWORD: password });

  it('creates the first administrator once, who can then sign in; refuses bad input and a second one', async () => {
    const dir = dataDir();
    const usage = createAdmin(dir, ['--email', 'not-an-email', '--name', 'Grace Hopper'], 'long enough password');
    expect(await usage.exited).toBe(2);
    expect(usage.output()).toContain('Usage: npm run sync-server -- create-admin --email <address>');
    const short = createAdmin(dir, ['--email', 'grace@lab.org', '--name', 'Grace Hopper'], 'short');
    expect(await short.exited).toBe(2);
    expect(short.output()).toMatch(/at least 10 characters/);

    const created = createAdmin(dir, ['--email', 'grace@lab.org', '--name', 'Grace Hopper'], 'cobol compiler 1959');
    expect(await created.exited).toBe(0);
    expect(created.output()).toContain('Administrator grace@lab.org created.');
    const again = createAdmin(dir, ['--email', 'other@lab.org', '--name', 'Other Admin'], 'another long password');
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain('This server already has accounts');

    // The server on that folder issues no set-up token and lets her sign in.
    const server = start(['--import', 'tsx', 'sync-server/server.ts', '--port', '0', '--data-dir', dir]);
    const [, url] = await server.waitFor(/SYNC_SERVER_URL=(\S+)/);
    expect(server.output()).not.toContain('SYNC_SETUP_TOKEN');
    const signIn = await fetch(`${url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'grace@lab.org', password: 'cobol compiler 1959' }) });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
  }, 240_000);
});

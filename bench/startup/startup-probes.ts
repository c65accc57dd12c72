import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { admin } from '../ui/app-flow';
import { VIEWPORT } from '../ui/bench-pages';
import type { StartupRun } from './startup-result';

/**
 * One cold start of a server script in its own Node process (through tsx, as `npm start`'s serve
 * mode runs src-main/serve/serve-main.ts), timed in a fresh browser context from the spawn.
 */

interface Started {
  url: string;
  /** performance.now() of the spawn. */
  spawnedAt: number;
  stop(): Promise<void>;
}

const root = `${import.meta.dirname}/../..`;
// The renderer served is LABFLOW_RENDERER_DIR (set by buildBenchPages), passed on with the environment.

function startProcess(args: string[]): Promise<Started> {
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LABFLOW_URL=(\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({ url: match[1], spawnedAt, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}:\n${output}`)));
  });
}

// Checked in the page on every animation frame: true in the frame that will paint it. Functions,
// not strings: the app's Content-Security-Policy forbids evaluating strings.
function isSignInFormShown(): boolean {
  const email = document.querySelector('input[type="email"]');
  const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Sign in');
  return Boolean(email && email.getClientRects().length > 0 && button && button.getClientRects().length > 0);
}

/** The first main view after signing in: the Projects list with its rows or its empty state. */
function isProjectsViewShown(): boolean {
  const main = document.querySelector('main');
  if (!main || main.querySelector('[aria-label="Loading projects"]')) return false;
  const heading = Array.from(main.querySelectorAll('h2')).some((h) => h.textContent?.trim() === 'Projects');
  return heading && (main.querySelector('[data-testid="project-row"]') !== null || /No (active )?projects/.test(main.textContent ?? ''));
}

async function untilSignInPainted(page: Page, url: string, spawnedAt: number): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(isSignInFormShown, undefined, { polling: 'raf', timeout: 60_000 });
  return performance.now() - spawnedAt;
}

async function untilMainViewPainted(page: Page): Promise<number> {
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  const button = page.getByRole('button', { name: 'Sign in' });
  const clickedAt = performance.now();
  await button.click();
  await page.waitForFunction(isProjectsViewShown, undefined, { polling: 'raf', timeout: 60_000 });
  return performance.now() - clickedAt;
}

/** A browser context with nothing cached, and tsx's `__name` helper that the probes' compiled code calls. */
async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript('window.__name = (f) => f;');
  return context;
}

/** Serve mode on `dataDir` from process start to the sign-in form, then sign-in to the Projects view. */
export async function measureHost(browser: Browser, dataDir: string): Promise<StartupRun> {
  const host = await startProcess(['src-main/serve/serve-main.ts', '--port', '0', '--no-open', '--data-dir', dataDir]);
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    const toSignInMs = await untilSignInPainted(page, host.url, host.spawnedAt);
    const toMainViewMs = await untilMainViewPainted(page);
    return { toSignInMs, toMainViewMs };
  } finally {
    await context.close();
    await host.stop();
  }
}

/** The bare Fastify + static page, from process start to its sign-in form painted. */
export async function measureBare(browser: Browser): Promise<StartupRun> {
  const bare = await startProcess(['bench/startup/bare-server.ts']);
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    return { toSignInMs: await untilSignInPainted(page, bare.url, bare.spawnedAt) };
  } finally {
    await context.close();
    await bare.stop();
  }
}

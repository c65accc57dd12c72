import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** What the browser benchmarks share: building the app and a reference page, and opening pages. */

const root = resolve(import.meta.dirname, '../..');
const log = (message: string) => process.stderr.write(`${message}\n`);

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
export const VIEWPORT = { width: 1440, height: 900 };

function vite(args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`vite ${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * Builds the renderer for production (unless BENCH_RENDERER_DIR names a built one; serve mode is
 * pointed at it) and the reference page from `referenceRoot` (none when a benchmark's reference is
 * another view of the app itself), into a fresh folder (`work`, for the caller to remove).
 */
export async function buildBenchPages(name: string, referenceRoot?: string): Promise<{ work: string; referenceDir: string }> {
  const work = mkdtempSync(join(tmpdir(), `labflow-bench-${name}-build-`));
  const rendererDir = process.env.BENCH_RENDERER_DIR ?? join(work, 'renderer');
  const referenceDir = join(work, 'reference');
  if (!process.env.BENCH_RENDERER_DIR) {
    log('building the renderer for production …');
    await vite(['build', '--config', 'vite.renderer.config.ts', '--outDir', rendererDir, '--emptyOutDir', '--logLevel', 'warn']);
  }
  if (referenceRoot) {
    log('building the reference page …');
    await vite(['build', '--config', 'bench/ui/vite.reference.config.ts'], { BENCH_REFERENCE_ROOT: resolve(root, referenceRoot), BENCH_REFERENCE_OUT: referenceDir });
  }
  process.env.LABFLOW_RENDERER_DIR = rendererDir;
  return { work, referenceDir };
}

/** A page with tsx's `__name` helper defined: esbuild adds calls to it inside functions given to page.evaluate. */
export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript('window.__name = (f) => f;');
  return page;
}

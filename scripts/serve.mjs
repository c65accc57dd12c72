#!/usr/bin/env node
// `npm run serve -- [flags]`: serve mode, the LabFlow host in plain Node with its UI in a browser.
// Builds the renderer first when out/renderer is missing or older than its sources, then runs
// src-main/serve/serve-main.ts through tsx, forwarding signals and the exit code.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Newest modification time of a file, or of any file under a folder (0 when missing). */
function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry.name)));
  }
  return newest;
}

/** True when any output is missing or older than the newest input (paths relative to the repo). */
export function isStale(outputs, inputs) {
  const built = outputs.map((output) => join(root, output));
  if (built.some((output) => !existsSync(output))) return true;
  const oldestOutput = Math.min(...built.map((output) => statSync(output).mtimeMs));
  return inputs.some((input) => newestChange(join(root, input)) > oldestOutput);
}

/** The JavaScript file behind a package's command, run with this Node (a .bin link may lack its exec bit). */
export function packageBin(name, command = name) {
  const manifestPath = require.resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin[command]);
}

/**
 * Runs a child with inherited output, forwarding SIGINT/SIGTERM to it. Resolves its exit code
 * (128 + n after signal n); rejects when it could not be started at all (ENOENT, EACCES).
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    // `npm start` runs us under `sh -c`; a SIGTERM sent to npm alone kills that shell without
    // passing it on. When our parent is gone, stop the child rather than leave it running.
    const parent = process.ppid;
    const orphanCheck = setInterval(() => {
      if (process.ppid !== parent) forward('SIGTERM');
    }, 1000);
    orphanCheck.unref();
    const cleanUp = () => {
      clearInterval(orphanCheck);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
    };
    child.on('error', (error) => {
      cleanUp();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      cleanUp();
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

const RENDERER_INPUTS = ['src-renderer', 'src-shared', 'vite.renderer.config.ts', 'package.json'];

/** Runs this Node on a script; a failure to start at all is reported and becomes exit code 1. */
export function runNode(args) {
  return run(process.execPath, args).catch((error) => {
    console.error(`Could not start node ${args[0]}: ${error.message}`);
    return 1;
  });
}

/** Builds out/renderer when it is missing or older than its sources; resolves false on failure. */
export async function ensureRendererBuilt() {
  if (!isStale(['out/renderer/index.html'], RENDERER_INPUTS)) return true;
  console.log('Building the UI (out/renderer)…');
  const code = await runNode([packageBin('vite'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']);
  if (code !== 0) console.error('The UI could not be built; see the errors above.');
  return code === 0;
}

/** Serve mode with the given flags; resolves the exit code. */
export async function runServe(args) {
  if (!(await ensureRendererBuilt())) return 1;
  return runNode(['--import', 'tsx', join('src-main', 'serve', 'serve-main.ts'), ...args]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runServe(process.argv.slice(2));
}

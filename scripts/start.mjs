#!/usr/bin/env node
// `npm start -- [flags]`: the desktop app when Electron can run here, otherwise serve mode with
// the same flags. Electron's binary is often missing (it is downloaded at install time, which
// offline or locked-down machines cannot do) and a Linux box may have no display; in those cases,
// or when Electron dies during start-up, one line says why and serve mode starts instead.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isStale, packageBin, run, runNode, runServe } from './serve.mjs';

const require = createRequire(import.meta.url);
const FALLBACK = 'starting serve mode instead; open the address below in a browser.';
/** Electron exiting this soon with an error is a failure to start, not the app being closed. */
const STARTUP_WINDOW_MS = 15_000;
/** src-main/electron/main.ts exits with this after showing a start-up error in a dialog. */
const EXIT_REPORTED = 3;

const DESKTOP_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const DESKTOP_INPUTS = ['src-main', 'src-shared', 'src-renderer', 'electron.vite.config.ts', 'vite.renderer.config.ts', 'package.json'];

/** Why Electron cannot run here, or null when it can be tried. */
function whyElectronCannotRun(env = process.env, platform = process.platform) {
  let binary;
  try {
    // The electron package exports the binary's path, and throws when the download never happened.
    binary = require('electron');
  } catch {
    return { reason: "Electron's binary is not installed (it could not be downloaded)" };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { reason: `Electron's binary is missing (${binary})` };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'No display is available (DISPLAY and WAYLAND_DISPLAY are not set)' };
  return { binary };
}

async function main(args) {
  const electron = whyElectronCannotRun();
  if (!electron.binary) {
    console.log(`${electron.reason} — ${FALLBACK}`);
    return runServe(args);
  }
  if (isStale(DESKTOP_OUTPUTS, DESKTOP_INPUTS)) {
    console.log('Building the desktop app (out/main, out/preload, out/renderer)…');
    const built = await runNode([packageBin('electron-vite'), 'build', '--logLevel', 'warn']);
    if (built !== 0) {
      console.error('The desktop app could not be built; see the errors above.');
      return built;
    }
  }
  const env = { ...process.env };
  // Set by some shells and tools; it would make the binary behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const startedAt = Date.now();
  let code;
  let failure = null;
  try {
    code = await run(electron.binary, ['.', ...args], { env });
  } catch (error) {
    failure = error.code ?? error.message;
  }
  const isEarly = Date.now() - startedAt < STARTUP_WINDOW_MS;
  // 130/143: stopped by Ctrl+C or SIGTERM, which is not a failure to start.
  if (failure || (isEarly && code !== 0 && code !== EXIT_REPORTED && code !== 130 && code !== 143)) {
    console.log(`Electron failed to start (${failure ?? `exit code ${code}`}) — ${FALLBACK}`);
    return runServe(args);
  }
  return code;
}

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// `npm test`: everything that can run here — lint, type check, unit, integration, end-to-end —
// then one closing line "tests: N passed, N failed". Installs Debian's Chromium when it is
// missing and we are root; otherwise says in one line what to run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = '.test-reports'; // not test-results: Playwright empties that folder when it starts
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);
const wants = (step) => only.length === 0 || only.includes(step);

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = child.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function ensureChromium() {
  const path = process.env.LABFLOW_CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing; installing Debian’s chromium package…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync(path)) return path;
  }
  console.log('End-to-end tests need Chromium: run `sudo apt-get install -y chromium` (or set LABFLOW_CHROMIUM to its path).');
  return null;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += (report.numFailedTests ?? 0) + (report.numTotalTestSuites && report.success === false && !report.numFailedTests ? 1 : 0);
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  if (stats.flaky) console.log(`Note: ${stats.flaky} end-to-end test(s) passed only on their retry (flaky): see ${file}.`);
  counts.failed += stats.unexpected ?? 0;
  counts.skipped += stats.skipped ?? 0;
}

const step = (name, ok) => {
  if (!ok) failures.push(name);
};

if (wants('lint')) step('lint', run('lint', 'npx', ['eslint', '.', '--max-warnings=0']));
if (wants('typecheck')) step('type check', run('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']));
for (const project of ['unit', 'integration']) {
  if (!wants(project)) continue;
  const out = `${results}/vitest-${project}.json`;
  step(project, run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]));
  countVitest(out);
}
if (wants('e2e')) {
  const chromium = ensureChromium();
  if (!chromium) {
    failures.push('end-to-end (no Chromium)');
    counts.failed += 1;
  } else {
    step('renderer build', run('renderer build', 'npx', ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']));
    const out = `${results}/playwright.json`;
    step('end-to-end', run('end-to-end tests', 'npx', ['playwright', 'test'], { LABFLOW_CHROMIUM: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: out }));
    countPlaywright(out);
  }
}

console.log(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}`);
if (failures.length && counts.failed === 0) counts.failed = failures.length;
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failures.length ? 1 : 0);

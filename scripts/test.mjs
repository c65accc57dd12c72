#!/usr/bin/env node
// `npm test`: everything that can run here — lint, type check, unit, integration, end-to-end — then
// the closing line "tests: N passed, N failed, N skipped, N flaky | …" (scripts/test-report/tally.mjs).
// It never reports green by accident: an unknown part is an error, old reports are deleted first, a
// runner that dies without its report fails its part, a test that never ran because its setup
// failed counts as failed, and a failed UI build stops the end-to-end tests. With CI=true a test
// may be skipped only where it cannot run on any CI machine (the Electron smoke test), and a test
// that passed only on its retry fails the run.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, ensureSystemPackages } from './system-packages.mjs';
import { addPlaywrightReport, addVitestReport, closingLine, counts, disallowedSkips, emptyTally, printDetails } from './test-report/tally.mjs';

const PARTS = ['lint', 'typecheck', 'unit', 'integration', 'e2e'];
const requested = process.argv.slice(2);
const unknown = requested.filter((part) => !PARTS.includes(part));
if (unknown.length > 0) {
  console.error(`Unknown part${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. The parts are: ${PARTS.join(', ')} (\`npm test -- unit e2e\`; none runs them all).`);
  process.exit(2);
}
const wants = (part) => requested.length === 0 || requested.includes(part);
const isCI = ['true', '1'].includes(String(process.env.CI ?? '').toLowerCase());

const reports = '.test-reports'; // not test-results: Playwright empties that folder when it starts
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

// Every temp folder of this run (data folders, throwaway PostgreSQL clusters, blob stores, browser
// profiles) goes under one folder that is removed at the end, so runs do not pile gigabytes into /tmp.
// Readable by others: the PostgreSQL clusters inside run as the `postgres` user.
const runTmp = mkdtempSync(join(tmpdir(), 'labflow-test-run-'));
chmodSync(runTmp, 0o755);
process.env.TMPDIR = runTmp;

const tally = emptyTally();
const stepFailed = (name, error) => tally.steps.push({ name, error });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = child.status === 0;
  const how = child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s${ok ? '' : `, ${how}`})`);
  return { ok, how };
}

/** A test runner's part: its report must exist, and a non-zero exit with no failing test is still a failure. */
function runTests(label, command, args, report, env, read) {
  const problems = () => counts(tally).failed + tally.flaky.length;
  const before = problems();
  const { ok, how } = run(label, command, args, env);
  if (!read(report)) stepFailed(label, `the runner ended (${how}) without writing ${report}: it crashed or was killed`);
  else if (!ok && problems() === before) stepFailed(label, `the runner failed (${how}) although no test failed: see its output above`);
}

const needs = { chromium: wants('e2e'), postgres: wants('integration') };
const missing = needs.chromium || needs.postgres ? ensureSystemPackages(needs) : { chromium: null, postgres: null };
if (missing.postgres) {
  console.log(missing.postgres);
  console.log(isCI ? 'CI: the PostgreSQL tests will fail rather than skip.' : 'The tests that need PostgreSQL will be skipped (and listed at the end).');
}

if (wants('lint')) {
  const { ok, how } = run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  if (!ok) stepFailed('lint', how);
}
if (wants('typecheck')) {
  const { ok, how } = run('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  if (!ok) stepFailed('type check', how);
}
for (const project of ['unit', 'integration']) {
  if (!wants(project)) continue;
  const report = `${reports}/vitest-${project}.json`;
  const args = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=./scripts/test-report/vitest-tally-reporter.mjs'];
  runTests(`${project} tests`, 'npx', args, report, { LABFLOW_TALLY_FILE: report }, (file) => addVitestReport(tally, project, file));
}
if (wants('e2e')) {
  if (missing.chromium) {
    console.log(missing.chromium);
    stepFailed('end-to-end', `not run: ${missing.chromium}`);
  } else {
    const build = run('UI build', 'npx', ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']);
    if (!build.ok) stepFailed('UI build', `${build.how}; end-to-end tests not run (they would have used an old out/renderer)`);
    else {
      const report = `${reports}/playwright.json`;
      runTests('end-to-end tests', 'npx', ['playwright', 'test'], report, { LABFLOW_CHROMIUM: chromiumPath(), PLAYWRIGHT_JSON_OUTPUT_NAME: report }, (file) => addPlaywrightReport(tally, file));
    }
  }
}

if (isCI) {
  for (const skip of disallowedSkips(tally)) stepFailed('CI allows no skip here', `${skip.name} — ${skip.reason}`);
  for (const flaky of tally.flaky) stepFailed('CI allows no flaky test', flaky.name);
}

if (process.env.LABFLOW_KEEP_TEST_TMP) console.log(`Temp folders kept in ${runTmp}.`);
else rmSync(runTmp, { recursive: true, force: true });

printDetails(tally);
const { failed } = counts(tally);
console.log(`\n${failed > 0 ? 'Something failed: see the lists above.' : 'All parts passed.'}`);
console.log(closingLine(tally));
process.exit(failed > 0 ? 1 : 0);

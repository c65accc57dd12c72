// Adds up what the test runners reported into one tally, and writes `npm test`'s closing line.
import { existsSync, readFileSync } from 'node:fs';

/** Skips allowed in CI: only where the thing cannot exist on any CI machine (DESIGN.md §8). */
export const ALLOWED_CI_SKIPS = [/Electron smoke test/];

export function emptyTally() {
  return { passed: 0, failed: [], notRun: [], skipped: [], flaky: [], steps: [] };
}

/**
 * Reads the file our Vitest reporter wrote. A missing file means the runner died before the end of
 * its run: that is a failure of the part, never a reason to reuse an older report.
 */
export function addVitestReport(tally, part, file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  tally.passed += report.passed;
  tally.failed.push(...report.failed, ...report.brokenFiles.map((f) => ({ name: f.name, error: `the file did not load: ${f.error}` })));
  tally.failed.push(...report.unhandledErrors.map((error) => ({ name: `${part}: unhandled error outside any test`, error })));
  if (report.interrupted) tally.failed.push({ name: `${part}: the run was interrupted`, error: 'not every test ran' });
  tally.notRun.push(...report.notRun);
  tally.skipped.push(...report.skipped);
  return true;
}

/** Walks Playwright's JSON report (suites nest; each spec has one test per project). */
export function addPlaywrightReport(tally, file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const visit = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const name = [...path, spec.title].join(' › ');
        const lastError = test.results?.at(-1)?.error?.message ?? test.results?.find((r) => r.error)?.error?.message;
        if (test.status === 'expected') tally.passed += 1;
        else if (test.status === 'flaky') tally.flaky.push({ name, error: firstLine(test.results?.find((r) => r.error)?.error?.message) });
        else if (test.status === 'unexpected') tally.failed.push({ name, error: firstLine(lastError) });
        else if (test.status === 'skipped' && test.expectedStatus === 'skipped') {
          const annotation = test.annotations?.find((a) => a.type === 'skip' || a.type === 'fixme');
          tally.skipped.push({ name, reason: annotation?.description || 'no reason given' });
        } else tally.notRun.push({ name, error: 'did not run: a hook before it failed, or the run stopped' });
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, [suite.title]);
  for (const error of report.errors ?? []) tally.failed.push({ name: 'end-to-end: error outside any test', error: firstLine(error.message) });
  return true;
}

// Playwright colours its error messages; the colour codes start with ESC.
const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const firstLine = (text) => String(text ?? '').replace(ansiColour, '').split('\n')[0].slice(0, 300);

/** Skips CI does not allow (a test that needs PostgreSQL or Chromium fails there instead). */
export const disallowedSkips = (tally) => tally.skipped.filter((s) => !ALLOWED_CI_SKIPS.some((allowed) => allowed.test(s.name)));

/** The counts: a test that never ran because its setup failed is a failure, and so is a failed step. */
export function counts(tally) {
  return { passed: tally.passed, failed: tally.failed.length + tally.notRun.length + tally.steps.length, skipped: tally.skipped.length, flaky: tally.flaky.length };
}

/** Every failure, not-run test, flaky pass and skip by name, before the closing line. */
export function printDetails(tally, log = console.log) {
  const list = (title, items, describe) => {
    if (items.length === 0) return;
    log(`\n${title}:`);
    for (const item of items.slice(0, 60)) log(`  - ${describe(item)}`);
    if (items.length > 60) log(`  … and ${items.length - 60} more`);
  };
  list('Failed steps', tally.steps, (s) => `${s.name}: ${s.error}`);
  list('Failed tests', tally.failed, (t) => `${t.name}${t.error ? ` — ${t.error}` : ''}`);
  list('Tests that did not run because their setup failed (counted as failed)', tally.notRun, (t) => `${t.name} — ${t.error}`);
  list('Flaky tests (failed, then passed on retry)', tally.flaky, (t) => `${t.name}${t.error ? ` — first failure: ${t.error}` : ''}`);
  list('Skipped tests', tally.skipped, (t) => `${t.name} — ${t.reason}`);
}

/**
 * The closing line. It starts "tests: N passed, N failed, N skipped" (scripts read that), then the
 * flaky count, what failed in short, and every skip with its reason.
 */
export function closingLine(tally) {
  const c = counts(tally);
  const parts = [`tests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped, ${c.flaky} flaky`];
  const failedWhat = [];
  if (tally.steps.length) failedWhat.push(`steps: ${tally.steps.map((s) => s.name).join(', ')}`);
  if (tally.notRun.length) failedWhat.push(`${tally.notRun.length} not run because their setup failed`);
  if (tally.failed.length) failedWhat.push(`${tally.failed.length} test failure(s)`);
  if (failedWhat.length) parts.push(`failed: ${failedWhat.join('; ')}`);
  if (tally.flaky.length) parts.push(`flaky: ${tally.flaky.map((t) => t.name).join('; ')}`);
  if (tally.skipped.length) {
    const reasons = new Map();
    for (const s of tally.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
    parts.push(`skipped: ${[...reasons].map(([reason, n]) => `${n} × ${reason}`).join('; ')}`);
  }
  return parts.join(' | ');
}

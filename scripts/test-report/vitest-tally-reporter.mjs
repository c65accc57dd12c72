// A Vitest reporter for `npm test`: writes what happened to every test into one JSON file
// (LABFLOW_TALLY_FILE), telling apart what Vitest's own JSON report lumps together as "skipped":
// a test skipped on purpose (with its reason) and a test that never ran because a beforeAll /
// beforeEach of its suite or file failed — which `npm test` counts as failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The reason a skipped test gives: `ctx.skip('why')`, or "(skipped: why)" in its own or a suite's title. */
function skipReason(testCase) {
  const note = testCase.result().note;
  if (note) return note;
  const titled = /\(skipped: ([^)]+)\)/.exec(testCase.fullName);
  return titled ? titled[1] : 'no reason given';
}

/** The first setup error above a test (its suites, then its file), or undefined when none failed. */
function setupErrorAbove(testCase) {
  for (let parent = testCase.parent; parent; parent = parent.type === 'module' ? undefined : parent.parent) {
    const [error] = parent.errors();
    if (error) return error.message ?? String(error);
  }
  return undefined;
}

const firstLine = (text) => String(text ?? '').split('\n')[0].slice(0, 300);

export default class TallyReporter {
  onTestRunEnd(testModules, unhandledErrors, reason) {
    const tally = { passed: 0, failed: [], notRun: [], skipped: [], brokenFiles: [], unhandledErrors: unhandledErrors.map((e) => firstLine(e.message)), interrupted: reason === 'interrupted' };
    for (const testModule of testModules) {
      const file = testModule.relativeModuleId ?? testModule.moduleId;
      let testCount = 0;
      for (const testCase of testModule.children.allTests()) {
        testCount += 1;
        const name = `${file} › ${testCase.fullName}`;
        const result = testCase.result();
        if (result.state === 'passed') tally.passed += 1;
        else if (result.state === 'failed') tally.failed.push({ name, error: firstLine(result.errors?.[0]?.message) });
        else {
          const setupError = setupErrorAbove(testCase);
          if (setupError !== undefined && testCase.options.mode !== 'skip' && testCase.options.mode !== 'todo') tally.notRun.push({ name, error: firstLine(setupError) });
          else tally.skipped.push({ name, reason: skipReason(testCase) });
        }
      }
      // A file that failed to load (syntax error, import failure) has no tests to count.
      const [moduleError] = testModule.errors();
      if (testCount === 0 && (moduleError || testModule.state() === 'failed')) tally.brokenFiles.push({ name: file, error: firstLine(moduleError?.message ?? 'the file failed without running a test') });
    }
    const out = process.env.LABFLOW_TALLY_FILE;
    if (!out) return;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(tally, null, 2));
  }
}

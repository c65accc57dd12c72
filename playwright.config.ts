import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real UI in Debian's Chromium against serve mode (the Electron binary
// cannot be downloaded here). `npm test` sets LABFLOW_CHROMIUM; Playwright's own browsers are not used.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One spec at a time: two at a time saved little on two cores (600 s against 627 s) and made
  // load-dependent races likelier (a sign-out once showed the lock screen, see bridge/connection.ts).
  workers: 1,
  // A stray `.only` would run one test and report green; lint refuses it too.
  forbidOnly: true,
  // One retry, so a failure that does not repeat is told apart from one that does; a test that
  // passed only on its retry is listed as flaky by `npm test`, and fails the run in CI.
  retries: 1,
  failOnFlakyTests: ['true', '1'].includes(String(process.env.CI ?? '').toLowerCase()),
  reporter: [['list'], ['json']],
  use: {
    headless: true,
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      executablePath: process.env.LABFLOW_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
});

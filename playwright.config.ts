import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real UI in Debian's Chromium against serve mode (the Electron binary
// cannot be downloaded here). `npm test` sets LABFLOW_CHROMIUM; Playwright's own browsers are not used.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry: a Kanban drag once met a dropped bridge WebSocket under load (cause not found yet; the
  // host now logs each socket close with its code). A retried pass counts as flaky in the report.
  retries: 1,
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

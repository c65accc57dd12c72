import { defineConfig } from 'vitest/config';

// Two projects so `npm test` can report unit (pure, fast) and integration (real SQLite, sockets,
// child processes) separately. End-to-end tests run under Playwright, not here.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // A stray `.only` fails the run instead of quietly running one test (lint refuses it too).
          allowOnly: false,
          // Property tests run hundreds of cases: CPU work that takes seconds on a shared, busy
          // machine. The timeout only catches a hang; at Vitest's 5 s default load alone failed them.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          allowOnly: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Two files at a time even on a two-core machine (Vitest's default there is one): most of an
          // integration file's time is spent waiting on sockets, child processes and PostgreSQL, so
          // the suite runs in well under its serial time.
          maxWorkers: 2,
        },
      },
    ],
  },
});

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
        },
      },
    ],
  },
});

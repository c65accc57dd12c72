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
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // rxdb/plugins/test-utils (RxDB's replication base test suite, run against our sync server)
          // imports two of rxdb's devDependencies that npm does not install; it is run through Vite
          // so these small stand-ins can take their place.
          alias: {
            clone: new URL('./tests/integration/sync/support/shims/clone.ts', import.meta.url).pathname,
            'async-test-util': new URL('./tests/integration/sync/support/shims/async-test-util.ts', import.meta.url).pathname,
          },
          server: { deps: { inline: [/rxdb[\\/]dist[\\/]esm[\\/]plugins[\\/]test-utils/] } },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});

import { runBaseSuiteAgainst } from './support/base-suite';

/** RxDB's replication base test suite against the sync server on the embedded PostgreSQL (PGlite). */
await runBaseSuiteAgainst('PGlite', async () => null);

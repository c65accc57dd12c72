import { runBaseSuiteAgainst } from './support/base-suite';
import { postgresUnavailableReason, startPostgresCluster } from './support/postgres-cluster';

/** RxDB's replication base test suite against the sync server on a throwaway PostgreSQL cluster. */
const reason = postgresUnavailableReason();
if (reason) console.warn(`Skipping the PostgreSQL base suite: ${reason}`);
await runBaseSuiteAgainst('PostgreSQL', () => startPostgresCluster(), reason);

import { join } from 'node:path';
import { createServerLogger } from './logger';
import { buildSyncServer } from './app';
import { parseConfig } from './config';
import { createAdminCommand } from './create-admin';
import { issueSetupToken } from './auth/bootstrap';
import { openServerDatabase } from './db/open-database';
import { migrate } from './db/migrate';
import { createServerServices } from './services';
import { configuredOutboxDispatcher } from './outbox/configured-dispatcher';
import { startOutboxWorker } from './outbox/outbox-worker';

/**
 * `npm run sync-server`: the LabFlow sync server. Opens PostgreSQL (embedded PGlite in the data
 * folder, or DATABASE_URL), applies migrations, prints a set-up token while there is no
 * administrator, and serves until SIGINT/SIGTERM.
 */
async function main(argv: string[]): Promise<number | 'running'> {
  const isCreateAdmin = argv[0] === 'create-admin';
  const args = isCreateAdmin ? argv.slice(1).filter((a, i, all) => !['--email', '--name'].includes(a) && !['--email', '--name'].includes(all[i - 1] ?? '') && !/^--(email|name)=/.test(a)) : argv;
  const parsed = parseConfig(args, process.env);
  if (!parsed.ok) {
    console.error(parsed.error.message);
    return 2;
  }
  const config = parsed.value;
  const log = createServerLogger(config.logLevel);
  const db = await openServerDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onError: (error) => log.error({ err: error }, 'database connection error') });
  const applied = await migrate(db);
  if (applied.length) log.info({ event: 'db.migrated', applied, database: db.kind }, 'database migrated');
  if (isCreateAdmin) {
    const code = await createAdminCommand(db, argv.slice(1), process.env);
    await db.close();
    return code;
  }

  const services = await createServerServices(db, { blobDir: config.blobDir ?? join(config.dataDir, 'blobs'), jwtSecret: config.jwtSecret, accessTokenTtlSeconds: config.accessTokenTtlSeconds, refreshTokenTtlDays: config.refreshTokenTtlDays, heartbeatMs: config.heartbeatMs });
  const app = await buildSyncServer(services, log);
  const { pair: outboxKey, replacedKeyId } = services.outboxKey;
  if (replacedKeyId) log.warn({ event: 'outbox.key_replaced', replacedKeyId, keyId: outboxKey.key.keyId }, 'the stored outbox key could not be opened (was the signing secret changed?); a new one replaces it and administrators’ PCs seal their secrets again');
  // Always running: deliveries the server cannot send yet (no settings, nothing sealed for it) wait and say why.
  const outbox = startOutboxWorker({ db, dispatcher: configuredOutboxDispatcher({ db, outboxKey }), log });
  const address = await app.listen({ port: config.port, host: config.host });
  log.info({ event: 'server.started', address, database: db.kind, production: config.isProduction }, 'sync server listening');
  console.log(`LabFlow sync server listening on ${address} (${db.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL'})`);
  console.log(`SYNC_SERVER_URL=${address}`);
  const setupToken = await issueSetupToken(db);
  if (setupToken) {
    console.log(`No administrator yet. One-time set-up token: ${setupToken}`);
    console.log('Enter it in LabFlow: Settings → Team sync, or run `npm run sync-server -- create-admin`.');
    console.log(`SYNC_SETUP_TOKEN=${setupToken}`);
  }

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ event: 'server.stopping', signal }, 'stopping');
    await outbox.stop();
    await app.close();
    await services.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return 'running';
}

main(process.argv.slice(2)).then(
  (outcome) => {
    if (outcome !== 'running') process.exit(outcome);
  },
  (error: unknown) => {
    console.error('The sync server could not start:', error);
    process.exit(1);
  },
);

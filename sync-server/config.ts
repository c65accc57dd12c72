import { fail, ok, type Result } from '../src-shared/core/result';

export interface SyncServerConfig {
  port: number;
  host: string;
  /** Folder of the embedded PostgreSQL (PGlite); unused with `databaseUrl`. */
  dataDir: string;
  /** Attachment bytes: `<dataDir>/blobs` unless given (several server processes share one folder). */
  blobDir: string | undefined;
  /** A real PostgreSQL instead of the embedded one. */
  databaseUrl: string | undefined;
  /** HS256 signing secret of access tokens. Required in production; generated and stored in the database otherwise. */
  jwtSecret: string | undefined;
  isProduction: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Heartbeat interval of live streams, so proxies and clients notice a dead connection. */
  heartbeatMs: number;
  logLevel: string;
}

/** The placeholder of the example environment file; refused in production like a missing secret. */
export const EXAMPLE_SECRET = 'change-me-to-a-long-random-string';

export const USAGE = `Usage: npm run sync-server -- [--port 4800] [--host 0.0.0.0] [--data-dir <folder>] [--blob-dir <folder>] [--database-url postgres://…] [--production]
       npm run sync-server -- create-admin --email <address> --name <name>   (password from SYNC_ADMIN_PASSWORD or asked)
Environment: PORT, HOST, SYNC_DATA_DIR, SYNC_BLOB_DIR, DATABASE_URL, SYNC_JWT_SECRET, NODE_ENV=production, LOG_LEVEL`;

const numberFlag = (name: string, raw: string | undefined, min: number, max: number): Result<number> => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? ok(n) : fail('invalid_input', `${name} needs a whole number from ${min} to ${max}. ${USAGE}`);
};

/**
 * Reads the configuration from flags (which win) and the environment. In production the server
 * refuses to start without a strong signing secret of its own: a missing, example or short secret
 * would let anyone who has read the source mint tokens.
 */
export function parseConfig(args: string[], env: Record<string, string | undefined>): Result<SyncServerConfig> {
  const config: SyncServerConfig = {
    port: 4800,
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.SYNC_DATA_DIR ?? '.data/sync-server',
    blobDir: env.SYNC_BLOB_DIR || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    jwtSecret: env.SYNC_JWT_SECRET || undefined,
    isProduction: env.NODE_ENV === 'production',
    accessTokenTtlSeconds: 600,
    refreshTokenTtlDays: 30,
    heartbeatMs: 15_000,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
  if (env.PORT !== undefined) {
    const port = numberFlag('PORT', env.PORT, 0, 65535);
    if (!port.ok) return port;
    config.port = port.value;
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--port': {
        const port = numberFlag('--port', value(), 0, 65535);
        if (!port.ok) return port;
        config.port = port.value;
        break;
      }
      case '--host':
      case '--data-dir':
      case '--blob-dir':
      case '--database-url':
      case '--log-level': {
        const v = value();
        if (!v) return fail('invalid_input', `${flag} needs a value. ${USAGE}`);
        if (flag === '--host') config.host = v;
        else if (flag === '--data-dir') config.dataDir = v;
        else if (flag === '--blob-dir') config.blobDir = v;
        else if (flag === '--database-url') config.databaseUrl = v;
        else config.logLevel = v;
        break;
      }
      case '--heartbeat-ms': {
        const ms = numberFlag('--heartbeat-ms', value(), 50, 600_000);
        if (!ms.ok) return ms;
        config.heartbeatMs = ms.value;
        break;
      }
      case '--production':
        config.isProduction = true;
        break;
      default:
        return fail('invalid_input', `Unknown option ${arg}. ${USAGE}`);
    }
  }
  if (config.isProduction) {
    const secret = config.jwtSecret;
    if (!secret || secret === EXAMPLE_SECRET || secret.length < 32) {
      return fail('invalid_input', 'Refusing to start in production without SYNC_JWT_SECRET: set it to a random string of at least 32 characters (e.g. `openssl rand -base64 48`), not the example value.');
    }
  }
  return ok(config);
}

import { fail, ok, type Result } from '../../src-shared/core/result';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string | undefined;
  openBrowser: boolean;
  /** A fixed access token (tests); normally a fresh random one per run. */
  token: string | undefined;
  /** Serve mode for end-to-end tests: accepts a clock offset from the test harness. Never set in production. */
  isTestMode: boolean;
  /** Leads per import batch (LABFLOW_LEAD_IMPORT_BATCH_SIZE), read only in test mode: e2e tests see several batches without a file of thousands. */
  leadImportBatchSize: number | undefined;
  /** Serve the public API (/api/v1, docs at /api/docs) beside the UI. */
  isApiOn: boolean;
  /** API calls a token may make per minute. */
  apiRateLimit: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const USAGE = `Usage: npm run serve -- [--port 4780] [--data-dir <folder>] [--host 127.0.0.1] [--allow-remote] [--no-open] [--api] [--api-rate-limit 1200]`;

/**
 * Parses serve-mode flags. Listening beyond loopback exposes the lab's data to the network, so a
 * non-loopback --host is refused unless --allow-remote says so explicitly.
 */
export function parseServeOptions(args: string[], env: Record<string, string | undefined> = {}): Result<ServeOptions> {
  const options: ServeOptions = {
    port: 4780,
    host: '127.0.0.1',
    dataDir: env.LABFLOW_DATA_DIR,
    openBrowser: true,
    token: undefined,
    isTestMode: env.LABFLOW_TEST_MODE === '1',
    isApiOn: false,
    apiRateLimit: 1200,
    leadImportBatchSize: env.LABFLOW_TEST_MODE === '1' && Number(env.LABFLOW_LEAD_IMPORT_BATCH_SIZE) >= 1 ? Math.floor(Number(env.LABFLOW_LEAD_IMPORT_BATCH_SIZE)) : undefined,
  };
  let allowRemote = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) return fail('invalid_input', `--port needs a number from 0 to 65535. ${USAGE}`);
        options.port = port;
        break;
      }
      case '--host': {
        const host = value();
        if (!host) return fail('invalid_input', `--host needs an address. ${USAGE}`);
        options.host = host;
        break;
      }
      case '--data-dir': {
        const dir = value();
        if (!dir) return fail('invalid_input', `--data-dir needs a folder. ${USAGE}`);
        options.dataDir = dir;
        break;
      }
      case '--token': {
        const token = value();
        if (!token || token.length < 16) return fail('invalid_input', '--token needs at least 16 characters.');
        options.token = token;
        break;
      }
      case '--allow-remote':
        allowRemote = true;
        break;
      case '--no-open':
        options.openBrowser = false;
        break;
      case '--api':
        options.isApiOn = true;
        break;
      case '--api-rate-limit': {
        const perMinute = Number(value());
        if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > 1_000_000) return fail('invalid_input', `--api-rate-limit needs calls per minute per token, 1 to 1000000. ${USAGE}`);
        options.apiRateLimit = perMinute;
        break;
      }
      default:
        return fail('invalid_input', `Unknown option ${arg}. ${USAGE}`);
    }
  }
  if (!LOOPBACK.has(options.host) && !allowRemote) {
    return fail('invalid_input', `Listening on ${options.host} would expose LabFlow to the network. Add --allow-remote if that is intended.`);
  }
  return ok(options);
}

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  url: string;
  stop(): Promise<void>;
}

/** Debian's PostgreSQL binaries (`.ci/run` installs the postgresql package), newest version first. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

const isCI = ['true', '1'].includes(String(process.env.CI ?? '').toLowerCase());

function missingPostgres(): string | null {
  if (!findPostgresBin()) return 'PostgreSQL binaries are not installed (apt-get install postgresql); the PGlite tests still run';
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) return 'running as root but there is no `postgres` user to run the cluster as';
  return null;
}

/**
 * Why a real PostgreSQL cannot run here, or null when it can — and always null in CI (CI=true),
 * where a missing PostgreSQL must fail the tests that need it rather than skip them:
 * startPostgresCluster then throws with the same reason.
 */
export function postgresUnavailableReason(): string | null {
  return isCI ? null : missingPostgres();
}

/** A suite title that carries its skip reason, so `npm test` lists why it was skipped. */
export const postgresSuiteTitle = (title: string): string => {
  const reason = postgresUnavailableReason();
  return reason ? `${title} (skipped: ${reason})` : title;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * A throwaway PostgreSQL cluster in a temp folder on a free loopback port: initdb, start, and on
 * stop an immediate shutdown and removal. As root (CI) it runs as the `postgres` user, because
 * PostgreSQL refuses to run as root. fsync is off: the data is thrown away anyway.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const missing = missingPostgres();
  if (missing) throw new Error(`A real PostgreSQL is needed here: ${missing}.`);
  const bin = findPostgresBin()!;
  const dir = mkdtempSync(join(tmpdir(), 'labflow-pg-'));
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    chmodSync(dir, 0o777);
    execFileSync('chown', ['postgres', dir]);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = isRoot ? ['su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')]] : [command, args];
    execFileSync(file as string, argv as string[], { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

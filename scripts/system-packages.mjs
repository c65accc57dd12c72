// The Debian packages the tests need besides npm's: Chromium for end-to-end tests, PostgreSQL for
// the sync server's real-database tests. Installed with apt-get when missing and we are root (CI,
// containers); otherwise `npm test` names the one command to run. The checks are the same ones the
// tests make (tests/integration/sync/support/postgres-cluster.ts, playwright.config.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const chromiumPath = () => process.env.LABFLOW_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's PostgreSQL server binaries, as the tests look for them: /usr/lib/postgresql/<version>/bin/initdb. */
export function hasPostgresBinaries() {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'initdb')));
}

/** PostgreSQL refuses to run as root; the tests then run it as the `postgres` user. */
export const hasPostgresUser = () => spawnSync('id', ['postgres'], { stdio: 'ignore' }).status === 0;

const isRoot = () => process.getuid?.() === 0;

function aptInstall(packages) {
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`Installing Debian packages: ${packages.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env }).status === 0;
}

/**
 * Makes sure the wanted packages are there. Returns, per need, null when it is met or the one line
 * that says what is missing and the command that installs it.
 */
export function ensureSystemPackages({ chromium, postgres }) {
  const missing = [];
  if (chromium && !existsSync(chromiumPath())) missing.push('chromium');
  if (postgres && (!hasPostgresBinaries() || (isRoot() && !hasPostgresUser()))) missing.push('postgresql');
  if (missing.length > 0) aptInstall(missing);
  const problems = { chromium: null, postgres: null };
  if (chromium && !existsSync(chromiumPath()))
    problems.chromium = `Chromium is not at ${chromiumPath()}: run \`sudo apt-get install -y chromium\` (or set LABFLOW_CHROMIUM to its path).`;
  if (postgres && !hasPostgresBinaries()) problems.postgres = 'PostgreSQL is not installed: run `sudo apt-get install -y postgresql`.';
  else if (postgres && isRoot() && !hasPostgresUser()) problems.postgres = 'There is no `postgres` user to run PostgreSQL as (it refuses root): run `sudo apt-get install --reinstall -y postgresql-common`.';
  return problems;
}

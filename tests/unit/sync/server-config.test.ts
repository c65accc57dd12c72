import { describe, expect, it } from 'vitest';
import { EXAMPLE_SECRET, parseConfig } from '../../../sync-server/config';
import { loadMigrations, splitStatements } from '../../../sync-server/db/migrate';

describe('sync server configuration', () => {
  it('takes flags over the environment', () => {
    const config = parseConfig(['--port', '5000', '--data-dir=/srv/sync'], { PORT: '4000', SYNC_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://db' });
    expect(config).toMatchObject({ ok: true, value: { port: 5000, dataDir: '/srv/sync', databaseUrl: 'postgres://db', isProduction: false } });
  });

  it.each([
    ['no secret', {}],
    ['the example secret', { SYNC_JWT_SECRET: EXAMPLE_SECRET }],
    ['a short secret', { SYNC_JWT_SECRET: 'short' }],
  ])('refuses to start in production with %s', (_label, env) => {
    const config = parseConfig([], { NODE_ENV: 'production', ...env });
    expect(config).toMatchObject({ ok: false, error: { message: expect.stringContaining('SYNC_JWT_SECRET') } });
  });

  it('starts in production with a strong secret, and refuses unknown flags and bad ports', () => {
    expect(parseConfig(['--production'], { SYNC_JWT_SECRET: 'x'.repeat(40) }).ok).toBe(true);
    expect(parseConfig(['--frobnicate'], {}).ok).toBe(false);
    expect(parseConfig(['--port', '70000'], {}).ok).toBe(false);
  });
});

describe('migrations', () => {
  it('are numbered without gaps and split into statements', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(splitStatements(m.sql).length).toBeGreaterThan(0);
    expect(splitStatements('-- note; here\nCREATE TABLE a (x int);\nCREATE INDEX b ON a (x);')).toEqual(['CREATE TABLE a (x int)', 'CREATE INDEX b ON a (x)']);
  });
});

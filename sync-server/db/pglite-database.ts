import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlDatabase } from './sql-database';

/**
 * The embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) so `npm run sync-server`
 * works with nothing installed. It runs in this process: one server process per data folder.
 * `dataDir` undefined keeps everything in memory (tests).
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<SqlDatabase> {
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  const client = (runner: Pick<PGlite, 'query'>): SqlClient => ({
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await runner.query<T>(sql, params)).rows }),
  });
  return {
    kind: 'pglite',
    ...client(pg),
    exec: async (sql) => void (await pg.exec(sql)),
    transaction: (work) => pg.transaction((tx) => work(client(tx))),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}

import pg from 'pg';
import type { SqlDatabase } from './sql-database';

/**
 * A real PostgreSQL through a `pg` pool (DATABASE_URL). Several server processes can share it:
 * writes serialise per collection with advisory locks, and NOTIFY reaches every process.
 */
export async function openPgDatabase(connectionString: string, options: { maxConnections?: number; onError?: (error: Error) => void } = {}): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  pool.on('error', (error) => options.onError?.(error));
  await pool.query('SELECT 1');
  const listeners = new Set<pg.PoolClient>();
  return {
    kind: 'postgres',
    query: async (sql, params = []) => ({ rows: (await pool.query(sql, params)).rows }),
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async (sql, params = []) => ({ rows: (await client.query(sql, params)).rows }) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      // A dedicated connection: LISTEN is per session, and a pooled client would be reused.
      const client = await pool.connect();
      listeners.add(client);
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      return async () => {
        if (!listeners.delete(client)) return;
        await client.query(`UNLISTEN "${channel.replace(/"/g, '""')}"`).catch(() => undefined);
        client.release();
      };
    },
    async close() {
      for (const client of listeners) client.release();
      listeners.clear();
      await pool.end();
    },
  };
}

import { randomBytes } from 'node:crypto';
import type { SqlDatabase } from '../db/sql-database';

/**
 * The access-token signing secret: the configured one, or (outside production) a random one made
 * once and kept in the database, so every server process on it and every restart agree.
 */
export async function resolveSigningSecret(db: SqlDatabase, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.query("INSERT INTO server_settings (key, value) VALUES ('jwt_secret', $1) ON CONFLICT (key) DO NOTHING", [randomBytes(48).toString('base64url')]);
  const { rows } = await db.query<{ value: string }>("SELECT value FROM server_settings WHERE key = 'jwt_secret'");
  const secret = rows[0]?.value;
  if (!secret) throw new Error('The signing secret could not be stored');
  return secret;
}

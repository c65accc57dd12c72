import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SqlDatabase } from '../db/sql-database';
import { lockCollections, notifyChanged, upsertDocument } from '../replication/document-store';
import { countAccounts, findAccountByEmail, saveCredentials } from './accounts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const SETUP_PREFIX = 'setup_token:';

/**
 * First-run: while the server has no account, each server process makes a one-time set-up token
 * and prints it. Whoever holds it may create the first administrator (from the desktop's
 * Settings → Team sync, or `create-admin`). Only hashes are stored; all tokens die with the first admin.
 */
export async function issueSetupToken(db: SqlDatabase): Promise<string | null> {
  if ((await countAccounts(db)) > 0) return null;
  const token = randomBytes(18).toString('base64url');
  await db.query('INSERT INTO server_settings (key, value) VALUES ($1, $2)', [SETUP_PREFIX + hashOf(token), new Date().toISOString()]);
  return token;
}

export async function isSetupTokenValid(db: SqlDatabase, token: string): Promise<boolean> {
  const { rows } = await db.query<{ key: string }>('SELECT key FROM server_settings WHERE key LIKE $1', [SETUP_PREFIX + '%']);
  const given = Buffer.from(SETUP_PREFIX + hashOf(token));
  return rows.some((r) => {
    const stored = Buffer.from(r.key);
    return stored.length === given.length && timingSafeEqual(stored, given);
  });
}

export interface NewAdministrator {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
}

/**
 * Creates the first administrator: their `people` document (synced to every PC) and their
 * credentials. Refused once any account exists, so it cannot be replayed to take over a server.
 */
export async function createAdministrator(db: SqlDatabase, admin: NewAdministrator, now: Date): Promise<'created' | 'exists'> {
  return db.transaction(async (tx) => {
    await lockCollections(tx, ['people']);
    await tx.query('SELECT pg_advisory_xact_lock(7415003)');
    if ((await countAccounts(tx)) > 0 || (await findAccountByEmail(tx, admin.email))) return 'exists';
    const at = now.toISOString();
    await upsertDocument(tx, 'people', admin.id, {
      id: admin.id,
      kind: 'person',
      name: admin.name,
      email: admin.email.trim().toLowerCase(),
      roles: ['admin'],
      isActive: true,
      createdAt: at,
      updatedAt: at,
      createdBy: admin.id,
      updatedBy: admin.id,
      auditId: '',
      _deleted: false,
    });
    await saveCredentials(tx, admin.id, admin.email, admin.passwordHash);
    await tx.query('DELETE FROM server_settings WHERE key LIKE $1', [SETUP_PREFIX + '%']);
    await notifyChanged(tx, ['people']);
    return 'created';
  });
}

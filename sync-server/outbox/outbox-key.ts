import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { exportPrivateKey, generateOutboxKeyPair, outboxKeyPairFromPrivate, type OutboxKeyPair } from '../../src-main/notifications/outbox/server-seal';
import type { SqlDatabase } from '../db/sql-database';

const SETTING = 'outbox_key';
const WRAP_PREFIX = 'w1:';

export interface LoadedOutboxKey {
  pair: OutboxKeyPair;
  /** Set when the stored key could not be unwrapped (the signing secret changed) and a new one replaced it. */
  replacedKeyId: string | null;
}

const wrappingKey = (signingSecret: string): Buffer => Buffer.from(hkdfSync('sha256', signingSecret, 'labflow', 'outbox key wrap v1', 32));

/**
 * The private key as stored: AES-256-GCM under a key derived from the access-token signing secret.
 * In production that secret comes from the environment, so a copy of the database alone (a backup)
 * does not open the secrets PCs sealed for the server.
 */
export function wrapPrivateKey(pair: OutboxKeyPair, signingSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(signingSecret), iv);
  cipher.setAAD(Buffer.from(pair.key.keyId));
  const body = Buffer.concat([cipher.update(exportPrivateKey(pair)), cipher.final()]);
  return JSON.stringify({ keyId: pair.key.keyId, wrapped: WRAP_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') });
}

/** The key pair back from `wrapPrivateKey`'s text, or null when this signing secret does not open it. */
export function unwrapPrivateKey(stored: string, signingSecret: string): OutboxKeyPair | null {
  try {
    const { keyId, wrapped } = JSON.parse(stored) as { keyId: string; wrapped: string };
    if (!wrapped.startsWith(WRAP_PREFIX)) return null;
    const raw = Buffer.from(wrapped.slice(WRAP_PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(signingSecret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(raw.subarray(12, 28));
    const pair = outboxKeyPairFromPrivate(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]));
    return pair.key.keyId === keyId ? pair : null;
  } catch {
    return null;
  }
}

const keyIdIn = (stored: string | undefined): string => {
  try {
    return (JSON.parse(stored ?? '') as { keyId?: string }).keyId ?? 'unknown';
  } catch {
    return 'unknown';
  }
};

/**
 * The server's outbox key pair: made once and kept in `server_settings`, so every server process
 * on the database and every restart use the same one. If the stored key cannot be opened — the
 * signing secret was changed — a new pair replaces it; administrators' PCs see the new key id and
 * seal their secrets again (until then deliveries wait, saying why).
 */
export async function loadOutboxKey(db: SqlDatabase, signingSecret: string): Promise<LoadedOutboxKey> {
  const read = async () => (await db.query<{ value: string }>('SELECT value FROM server_settings WHERE key = $1', [SETTING])).rows[0]?.value;
  let stored = await read();
  if (stored === undefined) {
    // Several processes starting together: the first insert wins and everyone reads it back.
    await db.query('INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [SETTING, wrapPrivateKey(generateOutboxKeyPair(), signingSecret)]);
    stored = await read();
  }
  const pair = stored === undefined ? null : unwrapPrivateKey(stored, signingSecret);
  if (pair) return { pair, replacedKeyId: null };
  const replacedKeyId = keyIdIn(stored);
  await db.query('UPDATE server_settings SET value = $2 WHERE key = $1 AND value = $3', [SETTING, wrapPrivateKey(generateOutboxKeyPair(), signingSecret), stored ?? '']);
  const replaced = unwrapPrivateKey((await read()) ?? '', signingSecret);
  if (!replaced) throw new Error('The outbox key could not be stored');
  return { pair: replaced, replacedKeyId };
}

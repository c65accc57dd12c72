import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encrypts the few secrets LabFlow keeps (SMTP password, webhook signing secrets) before they are
 * stored, so the database never holds them in plain text. The desktop uses Electron's safeStorage
 * (the OS keychain: DPAPI, Keychain, libsecret); serve mode and tests use a key file in the data
 * folder. `decrypt` throws when the value was encrypted elsewhere (another PC, another key).
 */
export interface SecretStore {
  /** Names the protection in settings ("Windows DPAPI", "key file …"). */
  readonly description: string;
  encrypt(plainText: string): string;
  decrypt(cipherText: string): string;
}

const KEY_FILE = 'secret.key';
const PREFIX = 'kf1:';

/**
 * AES-256-GCM with a random key kept in `<dataDir>/secret.key`, readable only by its owner (0600).
 * Whoever can read the data folder can read the key, so this protects against the database file
 * travelling alone (a backup, a synced copy), not against the account that runs LabFlow.
 */
export function createKeyFileSecretStore(dataDir: string): SecretStore {
  const path = join(dataDir, KEY_FILE);
  let key: Buffer | undefined;
  const loadKey = (): Buffer => {
    if (key) return key;
    if (!existsSync(path)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    // An older file with looser permissions (copied around) is tightened.
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    const loaded = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (loaded.length !== 32) throw new Error(`The key file ${path} is damaged; remove it and enter the stored passwords again.`);
    key = loaded;
    return key;
  };
  return {
    description: `key file ${path}`,
    encrypt(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(cipherText) {
      if (!cipherText.startsWith(PREFIX)) throw new Error('This secret was encrypted by another store.');
      const raw = Buffer.from(cipherText.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', loadKey(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

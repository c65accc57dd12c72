import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyFileSecretStore } from '../../../src-main/security/secret-store';
import { tempDataDir } from '../support/sqlite-host';

describe('key-file secret store (serve mode)', () => {
  it('encrypts with AES-GCM under a key file only its owner can read', () => {
    const dir = tempDataDir();
    const store = createKeyFileSecretStore(dir);
    const cipher = store.encrypt('smtp-secret-42');
    expect(cipher).not.toContain('smtp-secret-42');
    expect(store.encrypt('smtp-secret-42')).not.toBe(cipher); // a fresh IV each time
    expect(store.decrypt(cipher)).toBe('smtp-secret-42');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    // Another instance on the same folder (after a restart) reads it back.
    expect(createKeyFileSecretStore(dir).decrypt(cipher)).toBe('smtp-secret-42');
  });

  it('refuses a tampered value and one encrypted under another key', () => {
    const store = createKeyFileSecretStore(tempDataDir());
    const cipher = store.encrypt('webhook secret');
    const raw = Buffer.from(cipher.slice(4), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => store.decrypt(`kf1:${raw.toString('base64')}`)).toThrow();
    expect(() => createKeyFileSecretStore(tempDataDir()).decrypt(cipher)).toThrow();
    expect(() => store.decrypt('plain text')).toThrow('another store');
  });
});

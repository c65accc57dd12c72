import type { SecretStore } from '../security/secret-store';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

const PREFIX = 'ss1:';

/**
 * Secrets encrypted by the operating system's key store through Electron's safeStorage (DPAPI on
 * Windows, Keychain on macOS, libsecret/kwallet on Linux). Where none is available (Linux without
 * a keyring: backend 'basic_text'), the key-file store is used instead, so a secret is never kept
 * in plain text. Values carry a prefix, so either store's values are read by the right one.
 */
export function createSafeStorageSecretStore(safeStorage: SafeStorageApi, fallback: SecretStore): SecretStore {
  const backend = safeStorage.getSelectedStorageBackend?.();
  const isUsable = safeStorage.isEncryptionAvailable() && backend !== 'basic_text';
  return {
    description: isUsable ? `the operating system's key store${backend ? ` (${backend})` : ''}` : fallback.description,
    encrypt: (plainText) => (isUsable ? PREFIX + safeStorage.encryptString(plainText).toString('base64') : fallback.encrypt(plainText)),
    decrypt(cipherText) {
      if (!cipherText.startsWith(PREFIX)) return fallback.decrypt(cipherText);
      if (!safeStorage.isEncryptionAvailable()) throw new Error('The operating system key store is not available.');
      return safeStorage.decryptString(Buffer.from(cipherText.slice(PREFIX.length), 'base64'));
    },
  };
}

import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { fail, ok, type Result } from '../../../src-shared/core/result';
import { SEAL_ALGORITHM, type OutboxKey, type SealedSecret } from '../../../src-shared/notifications/channel-settings';

/**
 * Secrets sealed for the sync server (team mode): a PC seals the SMTP password or a webhook's
 * signing secret with the server's public outbox key, so that the synced settings document carries
 * it to the server — and only the server, which holds the private key, can open it.
 *
 * ECIES on X25519: a fresh key pair per seal, HKDF-SHA256 of the shared secret to an AES-256-GCM
 * key, the key id and the settings document (`context`) bound in as associated data. Node's
 * crypto only; both the desktop (sealing) and the sync server (key pair, opening) use this file,
 * so the format exists once (eslint.config.js lets sync-server import it, see there).
 */
const PREFIX = 'x25519.v1:';
const INFO = 'labflow outbox seal v1';
const RAW_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The server's private half, as the sync server holds it in memory. */
export interface OutboxKeyPair {
  key: OutboxKey;
  privateKey: KeyObject;
}

const rawPublicKey = (key: KeyObject): Buffer => Buffer.from(String(key.export({ format: 'jwk' }).x), 'base64url');
const publicKeyFromRaw = (raw: Buffer): KeyObject => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
const keyIdOf = (raw: Buffer): string => `ok_${createHash('sha256').update(raw).digest('hex').slice(0, 20)}`;
const aadOf = (keyId: string, context: string): Buffer => Buffer.from(`${keyId}|${context}`, 'utf8');

function aesKeyOf(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), INFO, 32));
}

/** A new outbox key pair; its id is derived from the public key, so every server process names it alike. */
export function generateOutboxKeyPair(): OutboxKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const raw = rawPublicKey(publicKey);
  return { key: { keyId: keyIdOf(raw), algorithm: SEAL_ALGORITHM, publicKey: raw.toString('base64url') }, privateKey };
}

/** The key pair from its stored private key (PKCS#8 DER); the public half and the id follow from it. */
export function outboxKeyPairFromPrivate(pkcs8: Buffer): OutboxKeyPair {
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  const raw = rawPublicKey(createPublicKey(privateKey));
  return { key: { keyId: keyIdOf(raw), algorithm: SEAL_ALGORITHM, publicKey: raw.toString('base64url') }, privateKey };
}

export const exportPrivateKey = (pair: OutboxKeyPair): Buffer => pair.privateKey.export({ format: 'der', type: 'pkcs8' });

/** Seals `plainText` for the holder of `key`, bound to `context` (see `sealContext`). */
export function sealForServer(key: OutboxKey, plainText: string, context: string): SealedSecret {
  const recipient = Buffer.from(key.publicKey, 'base64url');
  if (recipient.length !== RAW_KEY_BYTES) throw new Error('The server outbox key is not an X25519 public key.');
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyFromRaw(recipient) });
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', aesKeyOf(shared, ephemeralRaw, recipient), iv);
  cipher.setAAD(aadOf(key.keyId, context));
  const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
  return { keyId: key.keyId, cipher: PREFIX + Buffer.concat([ephemeralRaw, iv, cipher.getAuthTag(), body]).toString('base64url') };
}

/**
 * Opens a seal with the server's key pair. Every failure is a value with a reason an administrator
 * can act on: sealed for another key (the server's key changed), not a seal, or altered.
 */
export function openSealed(sealed: SealedSecret, pair: OutboxKeyPair, context: string): Result<string> {
  if (sealed.keyId !== pair.key.keyId) {
    return fail('invalid_state', `it is sealed for another server key (${sealed.keyId}; the server's key is ${pair.key.keyId})`);
  }
  if (!sealed.cipher.startsWith(PREFIX)) return fail('invalid_input', 'the seal is not in a format this server knows');
  const raw = Buffer.from(sealed.cipher.slice(PREFIX.length), 'base64url');
  const headerBytes = RAW_KEY_BYTES + IV_BYTES + TAG_BYTES;
  if (raw.length < headerBytes) return fail('invalid_input', 'the seal is cut short');
  const ephemeralRaw = raw.subarray(0, RAW_KEY_BYTES);
  const iv = raw.subarray(RAW_KEY_BYTES, RAW_KEY_BYTES + IV_BYTES);
  const tag = raw.subarray(RAW_KEY_BYTES + IV_BYTES, headerBytes);
  try {
    const shared = diffieHellman({ privateKey: pair.privateKey, publicKey: publicKeyFromRaw(ephemeralRaw) });
    const decipher = createDecipheriv('aes-256-gcm', aesKeyOf(shared, ephemeralRaw, Buffer.from(pair.key.publicKey, 'base64url')), iv);
    decipher.setAAD(aadOf(sealed.keyId, context));
    decipher.setAuthTag(tag);
    return ok(Buffer.concat([decipher.update(raw.subarray(headerBytes)), decipher.final()]).toString('utf8'));
  } catch {
    // GCM's authentication failed (or the ephemeral key is no curve point): the bytes were changed.
    return fail('invalid_input', 'the seal was altered or damaged (it does not authenticate)');
  }
}

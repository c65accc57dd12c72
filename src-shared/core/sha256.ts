import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 and HMAC-SHA256 for deterministic ids, webhook signatures and the audit hash chain:
 * @noble/hashes (audited, pure JavaScript, synchronous), so every runtime — host, UI, sync
 * server — computes the same value without `node:crypto` or async Web Crypto. Checked against
 * node:crypto in tests/unit/scheduler/sha256.test.ts.
 */

const bytesOf = (input: Uint8Array | string): Uint8Array => (typeof input === 'string' ? utf8ToBytes(input) : input);

export const sha256 = (input: Uint8Array | string): Uint8Array => nobleSha256(bytesOf(input));

export const hmacSha256 = (key: Uint8Array | string, message: Uint8Array | string): Uint8Array => hmac(nobleSha256, bytesOf(key), bytesOf(message));

export const toHex = (bytes: Uint8Array): string => bytesToHex(bytes);

/** SHA-256 of UTF-8 text as lower-case hex. */
export const sha256Hex = (text: string): string => toHex(sha256(text));

/** Compares two strings in time independent of where they first differ (for signatures). */
export function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return difference === 0;
}

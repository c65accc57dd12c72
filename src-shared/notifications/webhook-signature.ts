import { constantTimeEqual, hmacSha256, toHex } from '../core/sha256';

/**
 * Webhook signatures: `X-LabFlow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `<t>.<raw body>`, in the style of Stripe's. The timestamp is signed with the body, so a receiver
 * that checks it against its own clock refuses a captured request replayed later; the idempotency
 * key in the body and the `X-LabFlow-Delivery` header lets it drop a retried one.
 */
export const SIGNATURE_HEADER = 'x-labflow-signature';
export const DELIVERY_HEADER = 'x-labflow-delivery';
export const EVENT_HEADER = 'x-labflow-event';

export const signatureOf = (secret: string, timestampSeconds: number, body: string): string =>
  toHex(hmacSha256(secret, `${timestampSeconds}.${body}`));

export const signatureHeader = (secret: string, timestampSeconds: number, body: string): string =>
  `t=${timestampSeconds},v1=${signatureOf(secret, timestampSeconds, body)}`;

/** What a receiver does: true when the header is well formed, fresh and signs exactly this body. */
export function verifySignature(header: string, secret: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).trim()] as const));
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1');
  if (!Number.isInteger(timestamp) || !signature) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  return constantTimeEqual(signature, signatureOf(secret, timestamp, body));
}

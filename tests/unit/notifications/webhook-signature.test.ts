import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../../../src-shared/notifications/webhook-signature';

const secret = 'whsec_test';
const body = '{"id":"ob-1","event":"task_due"}';

describe('webhook signatures', () => {
  it('sign the timestamp and the body with HMAC-SHA256, as a receiver recomputes it', () => {
    const header = signatureHeader(secret, 1_770_000_000, body);
    const expected = createHmac('sha256', secret).update(`1770000000.${body}`).digest('hex');
    expect(header).toBe(`t=1770000000,v1=${expected}`);
  });

  it('verify only the exact body, with the right secret, within the tolerance', () => {
    const header = signatureHeader(secret, 1_770_000_000, body);
    expect(verifySignature(header, secret, body, 1_770_000_100)).toBe(true);
    expect(verifySignature(header, secret, body + ' ', 1_770_000_100)).toBe(false);
    expect(verifySignature(header, 'other', body, 1_770_000_100)).toBe(false);
    expect(verifySignature(header, secret, body, 1_770_000_400)).toBe(false);
    expect(verifySignature(header.replace('t=1770000000', 't=1770000100'), secret, body, 1_770_000_100)).toBe(false);
    expect(verifySignature('garbage', secret, body, 1_770_000_100)).toBe(false);
    expect(verifySignature('t=1770000000', secret, body, 1_770_000_100)).toBe(false);
  });
});

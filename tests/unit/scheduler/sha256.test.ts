import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashId } from '../../../src-shared/core/hash-id';
import { constantTimeEqual, hmacSha256, sha256, toHex } from '../../../src-shared/core/sha256';

describe('SHA-256 and HMAC-SHA256 (@noble/hashes)', () => {
  it('matches the FIPS test vectors', () => {
    expect(toHex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto on any text, including multi-block and non-ASCII input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 150 }), (message, key) => {
        expect(toHex(sha256(message))).toBe(createHash('sha256').update(message).digest('hex'));
        expect(toHex(hmacSha256(key, message))).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('compares signatures without regard to where they differ', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });

  it('makes short deterministic ids', () => {
    expect(hashId('rm', 'task_due:T1')).toBe(hashId('rm', 'task_due:T1'));
    expect(hashId('rm', 'task_due:T1')).not.toBe(hashId('rm', 'task_due:T2'));
    expect(hashId('sum', 'x')).toMatch(/^sum-[0-9a-f]{32}$/);
    expect(hashId('ntf', 'x').length).toBeLessThanOrEqual(40);
    expect(() => hashId('Bad!', 'x')).toThrow();
  });
});

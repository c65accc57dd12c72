import { describe, expect, it } from 'vitest';
import { createSignInBackoff, describeWait } from '../../../src-main/auth/sign-in-backoff';

/** Issue 18 §7: local sign-in guesses are slowed per person and per PC; a right password starts over. */
describe('sign-in back-off', () => {
  it('lets a few wrong passwords through, then doubles the wait for each one more', () => {
    const backoff = createSignInBackoff({ freePerPerson: 3, freePerPc: 100, baseDelayMs: 1000 });
    for (let i = 0; i < 3; i++) backoff.failed('max@lab.org', 0);
    expect(backoff.waitMs('max@lab.org', 0)).toBe(1000);
    backoff.failed('max@lab.org', 1000);
    expect(backoff.waitMs('max@lab.org', 1000)).toBe(2000);
    expect(backoff.waitMs('MAX@lab.org ', 1000)).toBe(2000);
    expect(backoff.waitMs('ada@lab.org', 1000)).toBe(0);
  });

  it('slows everyone on the PC after many wrong passwords for anyone (guessing many accounts)', () => {
    const backoff = createSignInBackoff({ freePerPerson: 100, freePerPc: 5, baseDelayMs: 1000 });
    for (let i = 0; i < 5; i++) backoff.failed(`person${i}@lab.org`, 0);
    expect(backoff.waitMs('someone-else@lab.org', 0)).toBe(1000);
  });

  it('caps the wait, and a right password ends it for that person and the PC', () => {
    const backoff = createSignInBackoff({ freePerPerson: 1, freePerPc: 1, baseDelayMs: 1000, maxDelayMs: 60_000 });
    for (let i = 0; i < 40; i++) backoff.failed('max@lab.org', 0);
    expect(backoff.waitMs('max@lab.org', 0)).toBe(60_000);
    backoff.succeeded('max@lab.org');
    expect(backoff.waitMs('max@lab.org', 0)).toBe(0);
  });

  it('says how long to wait in words', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(8_000)).toBe('8 seconds');
    expect(describeWait(61_000)).toBe('2 minutes');
  });
});

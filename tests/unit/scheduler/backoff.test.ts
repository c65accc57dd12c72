import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../src-shared/scheduler/backoff';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('retry backoff', () => {
  it('doubles with each attempt, half fixed and half jitter', () => {
    expect(backoffDelayMs(1, 0, policy)).toBe(500);
    expect(backoffDelayMs(1, 0.999999, policy)).toBe(1000);
    expect(backoffDelayMs(2, 0, policy)).toBe(1000);
    expect(backoffDelayMs(3, 0.5, policy)).toBe(3000);
  });

  it('stays within [step/2, step] and never exceeds the cap, whatever the random input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: -1, max: 2, noNaN: true }), (attempt, random) => {
        const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt - 1, 30));
        const delay = backoffDelayMs(attempt, random, policy);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
  });

  it('spreads retries of deliveries that failed together', () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => backoffDelayMs(4, r, policy)));
    expect(delays.size).toBe(5);
  });
});

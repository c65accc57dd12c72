import { describe, expect, it } from 'vitest';
import { clockJumpMs, isClockJump } from '../../../src-shared/scheduler/clock-jump';
import { dueInstant, minutesOfDay } from '../../../src-shared/scheduler/due-time';

describe('due instants of planning dates', () => {
  it('put a date at the configured local time in a fixed offset', () => {
    expect(new Date(dueInstant('2026-03-04', { dueTimeOfDay: '17:00', utcOffsetMinutes: 0 })!).toISOString()).toBe('2026-03-04T17:00:00.000Z');
    expect(new Date(dueInstant('2026-03-04', { dueTimeOfDay: '17:00', utcOffsetMinutes: 60 })!).toISOString()).toBe('2026-03-04T16:00:00.000Z');
    expect(new Date(dueInstant('2026-03-04', { dueTimeOfDay: '09:30', utcOffsetMinutes: -300 })!).toISOString()).toBe('2026-03-04T14:30:00.000Z');
  });

  it('refuse malformed dates and times', () => {
    expect(dueInstant('2026-02-30', { dueTimeOfDay: '17:00', utcOffsetMinutes: 0 })).toBeUndefined();
    expect(() => minutesOfDay('24:00')).toThrow();
    expect(minutesOfDay('23:59')).toBe(1439);
  });
});

describe('clock jumps', () => {
  const before = { wallMs: 1_000_000, monotonicMs: 50_000 };
  it('are what the wall clock moved beyond the monotonic clock', () => {
    expect(clockJumpMs(before, { wallMs: 1_001_000, monotonicMs: 51_000 })).toBe(0);
    // Slept for an hour: the monotonic clock stood still.
    expect(clockJumpMs(before, { wallMs: 1_000_000 + 3_601_000, monotonicMs: 51_000 })).toBe(3_600_000);
    // The time was set back by ten minutes.
    expect(clockJumpMs(before, { wallMs: 1_000_000 - 599_000, monotonicMs: 51_000 })).toBe(-600_000);
  });

  it('tolerate timer jitter', () => {
    expect(isClockJump(before, { wallMs: 1_001_300, monotonicMs: 51_000 }, 1_000)).toBe(false);
    expect(isClockJump(before, { wallMs: 1_011_000, monotonicMs: 51_000 }, 1_000)).toBe(true);
    expect(isClockJump(before, { wallMs: 990_000, monotonicMs: 51_000 }, 1_000)).toBe(true);
  });
});

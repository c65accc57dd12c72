/**
 * Detects that the wall clock moved other than with the passing of time: the PC slept (the
 * monotonic clock stands still while suspended), the time was corrected, or a test advanced it.
 * Both readings are milliseconds; `toleranceMs` absorbs timer jitter and a busy event loop.
 */
export interface ClockReading {
  wallMs: number;
  monotonicMs: number;
}

export function clockJumpMs(previous: ClockReading, current: ClockReading): number {
  return current.wallMs - previous.wallMs - (current.monotonicMs - previous.monotonicMs);
}

export const isClockJump = (previous: ClockReading, current: ClockReading, toleranceMs: number): boolean =>
  Math.abs(clockJumpMs(previous, current)) > toleranceMs;

/**
 * Retry delays for outbox deliveries: exponential with "equal jitter" — half of the exponential
 * step is fixed, half is random — so retries of many deliveries that failed together spread out
 * instead of hammering a recovering server at the same instant, while no retry comes sooner than
 * half its step. Pure: the random number in [0, 1) is an argument.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 30_000, maxMs: 6 * 3_600_000 };

/** Delay before attempt `attempt + 1`, after `attempt` (≥ 1) failed attempts. */
export function backoffDelayMs(attempt: number, random: number, policy: BackoffPolicy = defaultBackoff): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jitter = Math.min(Math.max(random, 0), 1 - Number.EPSILON);
  return Math.round(step / 2 + (step / 2) * jitter);
}

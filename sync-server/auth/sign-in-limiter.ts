/**
 * Sign-in attempts per client address in a sliding window, in memory: it slows guessing from one
 * place cheaply. Guessing one account from many places is stopped by the account lock, which is in
 * the database and therefore shared by every server process.
 */
export function createSignInLimiter(options: { maxAttempts: number; windowMs: number }) {
  const attempts = new Map<string, number[]>();
  return {
    /** Records an attempt; false when the address has used up its attempts in the window. */
    tryAttempt(address: string, nowMs: number): boolean {
      const recent = (attempts.get(address) ?? []).filter((t) => nowMs - t < options.windowMs);
      if (recent.length >= options.maxAttempts) {
        attempts.set(address, recent);
        return false;
      }
      recent.push(nowMs);
      attempts.set(address, recent);
      if (attempts.size > 10_000) for (const [key, times] of attempts) if (times.every((t) => nowMs - t >= options.windowMs)) attempts.delete(key);
      return true;
    },
  };
}

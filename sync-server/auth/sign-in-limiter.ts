/**
 * Sign-in attempts per key (a client address, or an address and account) in a sliding window, in
 * memory: it slows guessing from one place cheaply. Guessing one account from many places is
 * stopped by the account lock, which is in the database and so shared by every server process.
 */
export function createSignInLimiter(options: { maxAttempts: number; windowMs: number }) {
  const attempts = new Map<string, number[]>();
  return {
    /** Records an attempt under `key`; false when the key has used up its attempts (default `maxAttempts`) in the window. */
    tryAttempt(key: string, nowMs: number, maxAttempts = options.maxAttempts): boolean {
      const recent = (attempts.get(key) ?? []).filter((t) => nowMs - t < options.windowMs);
      if (recent.length >= maxAttempts) {
        attempts.set(key, recent);
        return false;
      }
      recent.push(nowMs);
      attempts.set(key, recent);
      if (attempts.size > 10_000) for (const [other, times] of attempts) if (times.every((t) => nowMs - t >= options.windowMs)) attempts.delete(other);
      return true;
    },
  };
}

/**
 * Local sign-in guesses are slowed (issue 18): after a few wrong passwords for one person, and after
 * more for anyone on this PC, each further attempt must wait, twice as long each time (up to
 * MAX_DELAY_MS). While it waits even the right password is refused, or a guesser could keep trying
 * for free. A right password resets that person's count. Host memory only: a restart starts over,
 * which costs a guesser a restart per handful of tries.
 */

export interface SignInBackoffOptions {
  /** Wrong passwords for one person before attempts are delayed. */
  freePerPerson?: number;
  /** Wrong passwords on this PC, for anyone, before attempts are delayed. */
  freePerPc?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const MAX_DELAY_MS = 15 * 60_000;

interface Count {
  failures: number;
  /** No attempt before this time. */
  blockedUntil: number;
}

export interface SignInBackoff {
  /** Milliseconds to wait before `email` may try again on this PC; 0 when it may now. */
  waitMs(email: string, nowMs: number): number;
  failed(email: string, nowMs: number): void;
  succeeded(email: string): void;
}

export function createSignInBackoff(options: SignInBackoffOptions = {}): SignInBackoff {
  const { freePerPerson = 5, freePerPc = 20, baseDelayMs = 1000, maxDelayMs = MAX_DELAY_MS } = options;
  const people = new Map<string, Count>();
  const pc: Count = { failures: 0, blockedUntil: 0 };
  const keyOf = (email: string) => email.trim().toLowerCase();
  const delayAfter = (failures: number, free: number) => (failures < free ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - free)));
  return {
    waitMs(email, nowMs) {
      const person = people.get(keyOf(email));
      return Math.max(0, (person?.blockedUntil ?? 0) - nowMs, pc.blockedUntil - nowMs);
    },
    failed(email, nowMs) {
      const key = keyOf(email);
      const person = people.get(key) ?? { failures: 0, blockedUntil: 0 };
      person.failures++;
      person.blockedUntil = nowMs + delayAfter(person.failures, freePerPerson);
      people.set(key, person);
      pc.failures++;
      pc.blockedUntil = nowMs + delayAfter(pc.failures, freePerPc);
      if (people.size > 10_000) for (const [other, count] of people) if (count.blockedUntil < nowMs - maxDelayMs) people.delete(other);
    },
    succeeded(email) {
      people.delete(keyOf(email));
      // Someone on this PC knew their password: the PC-wide count starts over too, so colleagues are not kept waiting.
      pc.failures = 0;
      pc.blockedUntil = 0;
    },
  };
}

/** How long to wait, in words a person reads. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

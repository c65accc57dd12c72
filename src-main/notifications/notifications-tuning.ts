import type { BackoffPolicy } from '../../src-shared/scheduler/backoff';
import type { CatchUpOptions } from '../../src-shared/notifications/summarise';

/** Timings of the scheduler and the outbox. Production uses the defaults; tests shorten them. */
export interface NotificationsTuning {
  /** How often the wall clock is compared with the monotonic clock to notice sleep and clock changes. */
  clockCheckMs: number;
  /** A difference beyond this between the two clocks is a jump. */
  clockJumpToleranceMs: number;
  /** Wait this long after a change to watched data before deriving reminders again. */
  rederiveDebounceMs: number;
  /** Derive everything again at least this often (a safety net; data changes trigger it anyway). */
  rederiveEveryMs: number;
  /**
   * After a data change, derive only the changed documents' reminders (rules with `incremental`).
   * False derives every rule in full after each change: the old way, kept as the benchmark's reference.
   */
  isIncrementalDerive: boolean;
  catchUp: CatchUpOptions;
  backoff: BackoffPolicy;
  maxAttempts: { email: number; webhook: number };
  /** Deliveries in flight at once. */
  outboxConcurrency: number;
  /** Network timeout of one delivery attempt. */
  deliveryTimeoutMs: number;
}

export const defaultTuning: NotificationsTuning = {
  clockCheckMs: 1_000,
  clockJumpToleranceMs: 5_000,
  rederiveDebounceMs: 300,
  rederiveEveryMs: 15 * 60_000,
  isIncrementalDerive: true,
  catchUp: { lateAfterMs: 60_000, summariseFrom: 3 },
  backoff: { baseMs: 30_000, maxMs: 6 * 3_600_000 },
  maxAttempts: { email: 6, webhook: 8 },
  outboxConcurrency: 4,
  deliveryTimeoutMs: 15_000,
};

export const tuningOf = (partial: Partial<NotificationsTuning> | undefined): NotificationsTuning => ({ ...defaultTuning, ...partial });

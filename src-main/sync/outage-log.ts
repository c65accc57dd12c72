import type { Logger } from '../logging/logger';

/**
 * The host log's account of sync outages: one `sync error` line when a problem starts (the first
 * collection fails, or a different error appears while it lasts) and one `sync recovered` line when
 * every failing collection has had a good answer again, with how long it lasted. Retries repeat
 * the same error every few seconds per collection; they add nothing to the log, but each new
 * outage does, however many came before.
 */
export function createOutageLog(log: Pick<Logger, 'info' | 'warn'>, clock: () => Date) {
  const failing = new Map<string, string>();
  const messages = new Set<string>();
  let startedAt: Date | null = null;

  return {
    /** A request of `collection` failed with `message` (a retry follows). */
    failed(collection: string, message: string, code?: string): void {
      failing.set(collection, message);
      startedAt ??= clock();
      if (messages.has(message)) return;
      messages.add(message);
      log.warn('sync error', { collection, error: message, ...(code ? { code } : {}) });
    },
    /** A request of `collection` got a good answer. */
    succeeded(collection: string): void {
      if (!failing.delete(collection) || failing.size > 0 || !startedAt) return;
      log.info('sync recovered', { afterMs: clock().getTime() - startedAt.getTime(), errors: [...messages] });
      startedAt = null;
      messages.clear();
    },
    /** Team sync stopped (signed out, disconnected): an outage in progress ends without a recovery line. */
    reset(): void {
      failing.clear();
      messages.clear();
      startedAt = null;
    },
  };
}

export type OutageLog = ReturnType<typeof createOutageLog>;

import type { Delivery, StoredNotification } from '../../src-shared/notifications/notification-model';

/** The result of one delivery attempt (the desktop's outbox uses the same shape). */
export interface DispatchOutcome {
  isOk: boolean;
  /** The receiving server's answer or the error, in words. */
  detail: string;
  /** Retrying cannot help: give up now. */
  isPermanent?: boolean;
  /**
   * Nothing was sent because the server cannot send yet (no email settings, a secret not sealed
   * for it): not an attempt. The delivery stays pending with `detail` as its last error and is
   * looked at again later, or at once when channel settings are pushed.
   */
  isWaiting?: boolean;
}

/**
 * How the sync server sends an outbox delivery (an email or a webhook call) in team mode. The
 * worker guarantees each notification id is handed to `deliver` by one server process at a time
 * and never again once it succeeded; the dispatcher only sends (configured-dispatcher.ts, with the
 * team's channel settings and the secrets PCs sealed for the server).
 */
export interface ServerOutboxDispatcher {
  deliver(delivery: Delivery, notification: StoredNotification): Promise<DispatchOutcome>;
}

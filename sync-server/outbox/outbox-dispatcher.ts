import type { Delivery, StoredNotification } from '../../src-shared/notifications/notification-model';

/** The result of one delivery attempt (the desktop's outbox uses the same shape). */
export interface DispatchOutcome {
  isOk: boolean;
  /** The receiving server's answer or the error, in words. */
  detail: string;
  /** Retrying cannot help: give up now. */
  isPermanent?: boolean;
}

/**
 * How the sync server sends an outbox delivery (an email or a webhook call) in team mode. The
 * worker guarantees each notification id is handed to `deliver` by one server process at a time
 * and never again once it succeeded; the dispatcher only sends. Channel settings whose secrets are
 * encrypted for one PC cannot be read here, so a server dispatcher carries its own configuration.
 */
export interface ServerOutboxDispatcher {
  deliver(delivery: Delivery, notification: StoredNotification): Promise<DispatchOutcome>;
}

import { filter, type Subscription } from 'rxjs';
import { deliverySchema, LOG_LIMIT, type AttemptLog, type Delivery, type StoredNotification } from '../../../src-shared/notifications/notification-model';
import { backoffDelayMs } from '../../../src-shared/scheduler/backoff';
import type { HostServices } from '../../host/handler-types';
import type { NotificationsTuning } from '../notifications-tuning';
import { describeError, type SendOutcome } from './send-outcome';

/** Sends one delivery; never throws (a failure is an outcome). */
export type DeliveryChannel = (delivery: Delivery, doc: StoredNotification) => Promise<SendOutcome>;

/**
 * Delivers the outbox. Behind this interface so team mode can switch it off (`isEnabled`): there
 * the sync server delivers each delivery once for all PCs.
 */
export interface OutboxDispatcher {
  isEnabled(): boolean;
  /** Look for due deliveries now (after a write, or when re-enabled). */
  kick(): void;
  /**
   * Sends what is due now and resolves once nothing is due or in flight: true when there was
   * nothing to do. Deliveries waiting for a later retry are not waited for.
   */
  settle(): Promise<boolean>;
  dispose(): Promise<void>;
}

export interface DispatcherOptions {
  services: HostServices;
  send: DeliveryChannel;
  tuning: NotificationsTuning;
  isEnabled: () => boolean;
  /** A number in [0, 1) for the retry jitter. */
  random: () => number;
}

const MAX_TIMER_MS = 60_000;
const CLOSE_WAIT_MS = 2_000;
/** More rounds than sending every due delivery needs: each round sends up to outboxConcurrency. */
const SETTLE_ROUNDS = 1_000;

/**
 * The outbox dispatcher. Each delivery is a document: claimed (`sending`) and recorded (`delivered`,
 * back to `pending` with its next attempt time after exponential backoff with jitter, or `dead`
 * after its last attempt) in the host's write queue; the network send itself runs outside it, a
 * few at a time, so neither the UI nor other writes ever wait for a slow server.
 *
 * After a crash mid-send the delivery is still `sending`; on start every such delivery is made
 * `pending` again and sent once more — at least once on the wire, with the same idempotency key,
 * so the receiver can drop the repeat.
 */
export function startOutboxDispatcher(options: DispatcherOptions): OutboxDispatcher {
  const { services, send, tuning, isEnabled, random } = options;
  const { db, clock, log } = services;
  const inFlight = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The pump running now, if any. */
  let pumping: Promise<void> | undefined;
  let isPumpAgain = false;
  let isDisposed = false;
  /** Set once dispose stopped waiting: outcomes arriving later are not recorded (the delivery is sent again on the next start). */
  let isClosed = false;
  const sends = new Set<Promise<void>>();

  const recovered = services.runExclusive(async () => {
    const stuck = await db.notifications.find({ selector: { kind: 'outbox', status: 'sending' } }).exec();
    for (const doc of stuck) await doc.incrementalPatch({ status: 'pending' });
    if (stuck.length > 0) log.warn('deliveries interrupted by a shutdown will be sent again', { count: stuck.length });
  });

  async function claim(id: string): Promise<{ doc: StoredNotification; delivery: Delivery } | null> {
    return services.runExclusive(async () => {
      const doc = await db.notifications.findOne(id).exec();
      if (!doc || doc.get('status') !== 'pending') return null;
      const stored = doc.toJSON() as StoredNotification;
      const parsed = deliverySchema.safeParse(stored.data);
      if (!parsed.success) {
        await doc.incrementalPatch({ status: 'dead', data: { ...stored.data, lastError: 'The delivery is unreadable (written by another version?).' } });
        return null;
      }
      const delivery = { ...parsed.data, attempts: parsed.data.attempts + 1, leaseUntil: new Date(clock().getTime() + tuning.deliveryTimeoutMs * 2).toISOString() };
      await doc.incrementalPatch({ status: 'sending', updatedAt: clock().toISOString(), data: delivery });
      return { doc: stored, delivery };
    });
  }

  async function record(id: string, delivery: Delivery, outcome: SendOutcome, durationMs: number): Promise<void> {
    await services.runExclusive(async () => {
      const doc = await db.notifications.findOne(id).exec();
      if (!doc) return;
      const now = clock();
      const entry: AttemptLog = { at: now.toISOString(), isOk: outcome.isOk, detail: outcome.detail.slice(0, 500), durationMs };
      const log = [...delivery.log, entry].slice(-LOG_LIMIT);
      const { leaseUntil: _lease, ...rest } = delivery;
      if (outcome.isOk) {
        await doc.incrementalPatch({ status: 'delivered', updatedAt: now.toISOString(), data: { ...rest, log, deliveredAt: now.toISOString() } });
      } else if (outcome.isPermanent || delivery.attempts >= delivery.maxAttempts) {
        await doc.incrementalPatch({ status: 'dead', updatedAt: now.toISOString(), data: { ...rest, log, lastError: outcome.detail } });
      } else {
        const next = new Date(now.getTime() + backoffDelayMs(delivery.attempts, random(), tuning.backoff));
        await doc.incrementalPatch({ status: 'pending', dueAt: next.toISOString(), updatedAt: now.toISOString(), data: { ...rest, log, lastError: outcome.detail } });
      }
    });
  }

  async function deliver(id: string): Promise<void> {
    try {
      const claimed = await claim(id);
      if (!claimed) return;
      const started = performance.now();
      let outcome: SendOutcome;
      try {
        outcome = await send(claimed.delivery, claimed.doc);
      } catch (error) {
        outcome = { isOk: false, detail: describeError(error) };
      }
      if (!isClosed) await record(id, claimed.delivery, outcome, Math.round(performance.now() - started));
    } catch (error) {
      log.error('an outbox delivery could not be processed', error, { id });
    } finally {
      inFlight.delete(id);
      kick();
    }
  }

  /** Pending deliveries whose time has come, oldest first. */
  const findDue = (limit: number) =>
    db.notifications.find({ selector: { kind: 'outbox', status: 'pending', dueAt: { $lte: clock().toISOString() } }, sort: [{ dueAt: 'asc' }], limit }).exec();

  function pump(): Promise<void> {
    if (isDisposed || !isEnabled()) return Promise.resolve();
    if (pumping) {
      isPumpAgain = true;
      return pumping;
    }
    pumping = pumpOnce().finally(() => (pumping = undefined));
    return pumping;
  }

  async function pumpOnce(): Promise<void> {
    try {
      await recovered;
      do {
        isPumpAgain = false;
        const free = tuning.outboxConcurrency - inFlight.size;
        if (free <= 0) break;
        const due = await findDue(free + inFlight.size);
        for (const doc of due) {
          if (inFlight.size >= tuning.outboxConcurrency || inFlight.has(doc.id)) continue;
          inFlight.add(doc.id);
          const sending = deliver(doc.id);
          sends.add(sending);
          void sending.finally(() => sends.delete(sending));
        }
      } while (isPumpAgain && !isDisposed);
      await armTimer();
    } catch (error) {
      log.error('the outbox could not be read', error);
    }
  }

  async function settle(): Promise<boolean> {
    let wasIdle = true;
    for (let round = 0; !isDisposed && isEnabled(); round++) {
      await recovered;
      const isBusy = isKickQueued || pumping !== undefined || sends.size > 0;
      if (!isBusy && (await findDue(1)).length === 0) break;
      if (round === SETTLE_ROUNDS) throw new Error(`the outbox still had due deliveries after ${SETTLE_ROUNDS} rounds`);
      wasIdle = false;
      if (!isBusy) await pump();
      await Promise.allSettled([pumping, ...sends]);
      // A finished send kicks the pump on the next turn of the event loop.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return wasIdle;
  }

  async function armTimer(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (isDisposed) return;
    const next = await db.notifications.findOne({ selector: { kind: 'outbox', status: 'pending' }, sort: [{ dueAt: 'asc' }] }).exec();
    if (!next) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(next.get('dueAt') as string) - clock().getTime()));
    timer = setTimeout(kick, delay);
  }

  let isKickQueued = false;
  function kick(): void {
    if (isKickQueued || isDisposed) return;
    isKickQueued = true;
    setImmediate(() => {
      isKickQueued = false;
      void pump();
    });
  }

  const changes: Subscription = db.notifications.$.pipe(
    filter((event) => event.operation !== 'DELETE' && (event.documentData as StoredNotification).kind === 'outbox' && (event.documentData as StoredNotification).status === 'pending'),
  ).subscribe(() => kick());
  kick();

  return {
    isEnabled,
    kick,
    settle,
    async dispose() {
      isDisposed = true;
      changes.unsubscribe();
      if (timer) clearTimeout(timer);
      // Sends in flight get a moment to finish and be recorded; what is not recorded is sent again on the next start.
      await Promise.race([Promise.allSettled([...sends]), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS))]);
      isClosed = true;
    },
  };
}

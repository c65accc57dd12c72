import { debounceTime, map, merge, tap, type Subscription } from 'rxjs';
import type { CollectionName } from '../../src-shared/db/schemas';
import { collapseSuperseded, type DueReminder } from '../../src-shared/scheduler/reminder';
import { isClockJump, type ClockReading } from '../../src-shared/scheduler/clock-jump';
import { createSerialQueue } from '../bridge/serial-queue';
import type { HostServices } from '../host/handler-types';
import type { NotificationsTuning } from '../notifications/notifications-tuning';
import { fireReminders } from './fire-reminders';
import type { ChangedDocuments, DerivedFor, ReminderRule } from './reminder-rule';

export interface SchedulerOptions {
  services: HostServices;
  rules: readonly ReminderRule[];
  tuning: NotificationsTuning;
  monotonic: () => number;
}

export interface Scheduler {
  /** Derives every rule's reminders again (in full) and fires what is due. Resolves when done. */
  rederive(reason: string): Promise<void>;
  /** Reminders waiting for their time. */
  pendingCount(): number;
  /**
   * Does now what is already due — a clock jump not yet noticed, written documents not yet
   * derived, reminders whose time has come — and resolves once none is left: true when there was
   * nothing to do. The observable "quiet" that tests and benchmarks wait for instead of sleeping.
   */
  settle(): Promise<boolean>;
  dispose(): Promise<void>;
}

/** Longest single timer: also bounds how late a reminder can be after an unnoticed clock change. */
const MAX_TIMER_MS = 60_000;
const ID_CHUNK = 2000;
/** Up to this many reminders in and out, pending is edited in place (an edit's round). */
const FEW = 64;
const RETRY_AFTER_ERROR_MS = 5_000;
/** More rounds than any chain of derive → fire → derive needs. */
const SETTLE_ROUNDS = 50;

/**
 * The app's one durable scheduler. It keeps no queue of its own on disk: the due work is derived
 * from the data by the rules (task due dates, meeting times, step deadlines, …) whenever it may
 * have changed — on start, after sleep or a clock change, after writes to watched collections, and
 * periodically — and every firing is recorded as a `notifications` document whose id is the
 * reminder's deterministic id. A reminder whose id exists has fired; one that is due and has no
 * document fires now, which is how work missed during downtime is caught up, once.
 *
 * In memory it holds only the reminders still to come, sorted by time, and one timer for the next.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { services, rules, tuning, monotonic } = options;
  const { db, clock, log } = services;
  const serial = createSerialQueue();
  /** Which rule derived each pending reminder (the rule decides how it fires), and from which document. */
  const ruleOf = new Map<string, { rule: ReminderRule; reminder: DueReminder; owner?: string }>();
  /** Pending reminder ids by rule and owning document: an edit finds its document's reminders without a scan. */
  const owned = new Map<ReminderRule, Map<string, Set<string>>>();

  function remember(r: DueReminder, rule: ReminderRule): void {
    const owner = rule.incremental?.ownerOf(r);
    ruleOf.set(r.id, { rule, reminder: r, ...(owner === undefined ? {} : { owner }) });
    if (owner === undefined) return;
    const byOwner = owned.get(rule) ?? owned.set(rule, new Map()).get(rule)!;
    const ids = byOwner.get(owner) ?? byOwner.set(owner, new Set()).get(owner)!;
    ids.add(r.id);
  }

  function forget(id: string): void {
    const entry = ruleOf.get(id);
    ruleOf.delete(id);
    if (entry?.owner === undefined) return;
    const byOwner = owned.get(entry.rule);
    const ids = byOwner?.get(entry.owner);
    ids?.delete(id);
    if (ids?.size === 0) byOwner!.delete(entry.owner);
  }
  let pending: DueReminder[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isDisposed = false;
  const dirty = new Map<CollectionName, Set<string>>();
  /** Steps queued in `serial` and not finished yet. */
  let queuedSteps = 0;

  const reading = (): ClockReading => ({ wallMs: clock().getTime(), monotonicMs: monotonic() });

  // Asks the storage directly: after downtime this checks every derived reminder, and RxDB's
  // document objects (which findByIds builds for each) are not needed to learn which ids exist.
  async function firedIds(ids: string[]): Promise<Set<string>> {
    const fired = new Set<string>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      if (i > 0) await nextTurn();
      const found = await db.notifications.storageInstance.findDocumentsById(ids.slice(i, i + ID_CHUNK), false);
      for (const doc of found) fired.add((doc as { id: string }).id);
    }
    return fired;
  }

  /** A rule's reminders, or undefined when it failed (its pending ones then stay as they are). */
  async function attempt(rule: ReminderRule, derive: () => Promise<DueReminder[]>): Promise<DueReminder[] | undefined> {
    try {
      return await derive();
    } catch (error) {
      log.error('a reminder rule failed; its reminders wait for the next round', error, { rule: rule.kind });
      return undefined;
    }
  }

  /**
   * Puts `derived` in place of the pending reminders of `rule` — all of them, or those of the
   * documents `owners` — leaving out superseded and already fired ones; a reminder id is never
   * pending twice.
   */
  async function replace(rule: ReminderRule, derived: DueReminder[], now: Date, owners: ReadonlySet<string> | 'all'): Promise<void> {
    const candidates = collapseSuperseded(derived, now);
    const fired = await firedIds(candidates.map((r) => r.id));
    const fresh = candidates.filter((r) => !fired.has(r.id)).sort(byDueAt);
    // A full round: let waiting commands run before the pending list is rebuilt.
    if (fresh.length > FEW) await nextTurn();
    const dropped = new Set<string>();
    if (owners === 'all') {
      for (const r of pending) if (ruleOf.get(r.id)?.rule === rule) dropped.add(r.id);
    } else {
      const byOwner = owned.get(rule);
      for (const owner of owners) for (const id of byOwner?.get(owner) ?? []) dropped.add(id);
    }
    for (const r of fresh) if (ruleOf.has(r.id)) dropped.add(r.id);
    if (dropped.size + fresh.length <= FEW) {
      // An edit: a few binary searches instead of copying tens of thousands of pending reminders.
      for (const id of dropped) {
        const at = indexOf(pending, ruleOf.get(id)!.reminder);
        if (pending[at]?.id === id) pending.splice(at, 1);
      }
      for (const r of fresh) pending.splice(indexOf(pending, r), 0, r);
    } else {
      if (dropped.size > 0) pending = pending.filter((r) => !dropped.has(r.id));
      pending = mergeByDueAt(pending, fresh);
    }
    for (const id of dropped) forget(id);
    for (const r of fresh) remember(r, rule);
  }

  /** Every rule over all its data: on start, after a clock jump, periodically. */
  async function deriveAll(reason: string): Promise<void> {
    // Changes noted so far are read by this round; later ones make a round of their own.
    dirty.clear();
    const now = clock();
    for (const rule of rules) {
      const list = await attempt(rule, () => rule.derive(db, now));
      if (list) await replace(rule, list, now, 'all');
      // Between rules, let commands waiting for the event loop run.
      await nextTurn();
    }
    if (reason !== 'data changed' && reason !== 'periodic') log.info('reminders derived', { reason, pending: pending.length });
  }

  /** Only what the documents written since the last round can change (the rules' `deriveFor`). */
  async function deriveChanged(): Promise<void> {
    if (dirty.size === 0) return;
    const changed: ChangedDocuments = new Map(dirty);
    dirty.clear();
    const now = clock();
    for (const rule of rules) {
      if (!rule.watches.some((name) => changed.has(name))) continue;
      const incremental = rule.incremental;
      let result: DerivedFor | 'all';
      try {
        result = incremental ? await incremental.deriveFor(db, changed, now) : 'all';
      } catch (error) {
        log.error('a reminder rule failed for changed documents; deriving it in full', error, { rule: rule.kind });
        result = 'all';
      }
      if (result === 'all' || !incremental) {
        const list = await attempt(rule, () => rule.derive(db, now));
        if (list) await replace(rule, list, now, 'all');
      } else {
        await replace(rule, result.reminders, now, result.owners);
      }
    }
  }

  async function fireDue(): Promise<void> {
    const now = clock();
    const cut = pending.findIndex((r) => Date.parse(r.dueAt) > now.getTime());
    const due = cut === -1 ? pending : pending.slice(0, cut);
    if (due.length === 0) return;
    pending = cut === -1 ? [] : pending.slice(cut);
    const byRule = new Map<ReminderRule | undefined, DueReminder[]>();
    for (const r of due) {
      const rule = ruleOf.get(r.id)?.rule;
      const list = byRule.get(rule);
      if (list) list.push(r);
      else byRule.set(rule, [r]);
    }
    for (const [rule, reminders] of byRule) {
      try {
        await services.runExclusive(async () => {
          if (rule?.fire) await rule.fire(services, reminders, now);
          else await fireReminders(services, reminders, now, tuning.catchUp);
        });
        for (const r of reminders) forget(r.id);
      } catch (error) {
        // Not recorded, so still due: put them back and try again shortly.
        log.error('reminders could not be fired; retrying', error, { rule: rule?.kind, count: reminders.length });
        pending = [...reminders, ...pending].sort(byDueAt);
        arm(RETRY_AFTER_ERROR_MS);
        return;
      }
    }
  }

  function arm(minDelayMs = 0): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (isDisposed || pending.length === 0) return;
    const delay = Math.max(minDelayMs, Math.min(MAX_TIMER_MS, Date.parse(pending[0]!.dueAt) - clock().getTime()));
    timer = setTimeout(() => void run('timer', () => fireDue()), Math.max(0, delay));
  }

  /** Every step runs in this scheduler's own serial queue, so deriving and firing never interleave. */
  const run = (what: string, step: () => Promise<void>): Promise<void> => {
    queuedSteps += 1;
    return serial.run(async () => {
      try {
        if (isDisposed) return;
        await step();
      } catch (error) {
        log.error(`scheduler ${what} failed`, error);
      } finally {
        queuedSteps -= 1;
      }
      arm();
    });
  };

  const rederive = (reason: string) => run(reason, async () => {
    await deriveAll(reason);
    await fireDue();
  });

  let last = reading();
  /** Derives everything again when the wall clock jumped since the last check; true when it did. */
  const checkClock = (): boolean => {
    const current = reading();
    const hasJumped = isClockJump(last, current, tuning.clockJumpToleranceMs);
    if (hasJumped) {
      log.info('the clock jumped (sleep, time change); deriving reminders again', { jumpMs: current.wallMs - last.wallMs - (current.monotonicMs - last.monotonicMs) });
      void rederive('clock jump');
    }
    last = current;
    return hasJumped;
  };
  const clockCheck = setInterval(checkClock, tuning.clockCheckMs);
  const periodic = setInterval(() => void rederive('periodic'), tuning.rederiveEveryMs);
  clockCheck.unref?.();
  periodic.unref?.();

  // Ids of the documents written since the last round; RxDB's change events carry them. Taken a
  // write (bulk) at a time rather than one emission per document: a first sync writes 100,000
  // documents in pages of 1,000, and the debounce needs to hear of each page only once.
  const watched = [...new Set(rules.flatMap((r) => r.watches))];
  const dataChanges: Subscription = merge(...watched.map((name) => db[name].eventBulks$.pipe(map((bulk) => [name, bulk] as const))))
    .pipe(
      tap(([name, bulk]) => {
        if (bulk.isLocal) return;
        const ids = dirty.get(name) ?? new Set<string>();
        for (const event of bulk.events) ids.add(event.documentId);
        dirty.set(name, ids);
      }),
      debounceTime(tuning.rederiveDebounceMs),
    )
    .subscribe(() => void deriveWritten());

  function deriveWritten(): Promise<void> {
    if (!tuning.isIncrementalDerive) return rederive('data changed');
    return run('data changed', async () => {
      await deriveChanged();
      await fireDue();
    });
  }

  const isDueNow = () => pending.length > 0 && Date.parse(pending[0]!.dueAt) <= clock().getTime();

  async function settle(): Promise<boolean> {
    let wasIdle = true;
    for (let round = 0; !isDisposed; round++) {
      const hasWork = checkClock() || queuedSteps > 0 || dirty.size > 0 || isDueNow();
      if (!hasWork) break;
      // Reminders that cannot be fired stay due (retried later): that is not going to settle now.
      if (round === SETTLE_ROUNDS) throw new Error(`the scheduler still had due work after ${SETTLE_ROUNDS} rounds (see the log for failing reminders)`);
      wasIdle = false;
      // Written documents still in the debounce window are derived now rather than after it.
      if (dirty.size > 0) void deriveWritten();
      else if (queuedSteps === 0) void run('settle', () => fireDue());
      await serial.run(async () => undefined);
    }
    return wasIdle;
  }

  void rederive('start');

  return {
    rederive,
    pendingCount: () => pending.length,
    settle,
    async dispose() {
      isDisposed = true;
      dataChanges.unsubscribe();
      clearInterval(clockCheck);
      clearInterval(periodic);
      if (timer) clearTimeout(timer);
      await serial.run(async () => undefined);
    },
  };
}

// ISO-8601 UTC strings of one format sort as their instants.
const byDueAt = (a: DueReminder, b: DueReminder) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Gives the event loop back: commands that arrived meanwhile run before the scheduler goes on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Where `r` is or would go in `list` (sorted by byDueAt). */
function indexOf(list: readonly DueReminder[], r: DueReminder): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byDueAt(list[mid]!, r) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Two lists sorted by byDueAt as one: linear, where sorting every pending reminder again after each edit is not. */
function mergeByDueAt(a: readonly DueReminder[], b: readonly DueReminder[]): DueReminder[] {
  if (b.length === 0) return [...a];
  const result: DueReminder[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) result.push(byDueAt(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) result.push(a[i++]!);
  while (j < b.length) result.push(b[j++]!);
  return result;
}

import { debounceTime, merge, type Subscription } from 'rxjs';
import { collapseSuperseded, type DueReminder } from '../../src-shared/scheduler/reminder';
import { isClockJump, type ClockReading } from '../../src-shared/scheduler/clock-jump';
import { createSerialQueue } from '../bridge/serial-queue';
import type { HostServices } from '../host/handler-types';
import type { NotificationsTuning } from '../notifications/notifications-tuning';
import { fireReminders } from './fire-reminders';
import type { ReminderRule } from './reminder-rule';

export interface SchedulerOptions {
  services: HostServices;
  rules: readonly ReminderRule[];
  tuning: NotificationsTuning;
  monotonic: () => number;
}

export interface Scheduler {
  /** Derives every rule's reminders again and fires what is due. Resolves when done. */
  rederive(reason: string): Promise<void>;
  /** Reminders waiting for their time. */
  pendingCount(): number;
  dispose(): Promise<void>;
}

/** Longest single timer: also bounds how late a reminder can be after an unnoticed clock change. */
const MAX_TIMER_MS = 60_000;
const ID_CHUNK = 2000;
const RETRY_AFTER_ERROR_MS = 5_000;

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
  /** Which rule derived each pending reminder: the rule decides how it fires. */
  const ruleOf = new Map<string, ReminderRule>();
  let pending: DueReminder[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isDisposed = false;

  const reading = (): ClockReading => ({ wallMs: clock().getTime(), monotonicMs: monotonic() });

  // Asks the storage directly: after downtime this checks every derived reminder, and RxDB's
  // document objects (which findByIds builds for each) are not needed to learn which ids exist.
  async function firedIds(ids: string[]): Promise<Set<string>> {
    const fired = new Set<string>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const found = await db.notifications.storageInstance.findDocumentsById(ids.slice(i, i + ID_CHUNK), false);
      for (const doc of found) fired.add((doc as { id: string }).id);
    }
    return fired;
  }

  async function derive(reason: string): Promise<void> {
    const now = clock();
    const derived: DueReminder[] = [];
    const owners = new Map<string, ReminderRule>();
    for (const rule of rules) {
      let list: DueReminder[];
      try {
        list = await rule.derive(db, now);
      } catch (error) {
        log.error('a reminder rule failed; its reminders wait for the next round', error, { rule: rule.kind });
        list = pending.filter((r) => ruleOf.get(r.id) === rule);
      }
      for (const r of list) owners.set(r.id, rule);
      derived.push(...list);
    }
    const candidates = collapseSuperseded(derived, now);
    const fired = await firedIds(candidates.map((r) => r.id));
    pending = candidates.filter((r) => !fired.has(r.id)).sort(byDueAt);
    ruleOf.clear();
    for (const r of pending) ruleOf.set(r.id, owners.get(r.id)!);
    if (reason !== 'data changed' && reason !== 'periodic') log.info('reminders derived', { reason, pending: pending.length });
  }

  async function fireDue(): Promise<void> {
    const now = clock();
    const cut = pending.findIndex((r) => Date.parse(r.dueAt) > now.getTime());
    const due = cut === -1 ? pending : pending.slice(0, cut);
    if (due.length === 0) return;
    pending = cut === -1 ? [] : pending.slice(cut);
    const byRule = new Map<ReminderRule | undefined, DueReminder[]>();
    for (const r of due) {
      const rule = ruleOf.get(r.id);
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
        for (const r of reminders) ruleOf.delete(r.id);
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
  const run = (what: string, step: () => Promise<void>): Promise<void> =>
    serial.run(async () => {
      if (isDisposed) return;
      try {
        await step();
      } catch (error) {
        log.error(`scheduler ${what} failed`, error);
      }
      arm();
    });

  const rederive = (reason: string) => run(reason, async () => {
    await derive(reason);
    await fireDue();
  });

  let last = reading();
  const clockCheck = setInterval(() => {
    const current = reading();
    if (isClockJump(last, current, tuning.clockJumpToleranceMs)) {
      log.info('the clock jumped (sleep, time change); deriving reminders again', { jumpMs: current.wallMs - last.wallMs - (current.monotonicMs - last.monotonicMs) });
      void rederive('clock jump');
    }
    last = current;
  }, tuning.clockCheckMs);
  const periodic = setInterval(() => void rederive('periodic'), tuning.rederiveEveryMs);
  clockCheck.unref?.();
  periodic.unref?.();

  const watched = [...new Set(rules.flatMap((r) => r.watches))];
  const dataChanges: Subscription = merge(...watched.map((name) => db[name].$))
    .pipe(debounceTime(tuning.rederiveDebounceMs))
    .subscribe(() => void rederive('data changed'));

  void rederive('start');

  return {
    rederive,
    pendingCount: () => pending.length,
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

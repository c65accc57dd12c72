import type { CollectionName } from '../../src-shared/db/schemas';
import type { DueReminder } from '../../src-shared/scheduler/reminder';
import type { LabDatabase } from '../database/open-database';
import type { HostServices } from '../host/handler-types';

/**
 * A source of reminders for the scheduler. Rules hold no state: the scheduler asks them again on
 * start, after sleep or a clock change, after writes to the collections they watch, and every
 * quarter of an hour, and fires each reminder id at most once (see scheduler.ts).
 */
export interface ReminderRule {
  /** Also the `kind` of the reminders it derives. */
  kind: string;
  /** Collections whose changes can change this rule's reminders. */
  watches: readonly CollectionName[];
  /**
   * Every reminder not yet obsolete: future ones and the ones due now or missed. Past reminders that
   * fired already may be returned again (their ids are checked); return only the latest past one of
   * each series (or let collapseSuperseded drop the rest). A throw skips the rule for this round.
   */
  derive(db: LabDatabase, now: Date): Promise<DueReminder[]>;
  /**
   * Fires reminders some other way than notifying their recipient (e.g. the workflow engine
   * escalating). Runs inside the write queue and must be idempotent by reminder id: it records each
   * firing durably in the same step — a `notifications` document (kind 'firing') whose id is the
   * reminder id — or the reminder fires again after a restart. Absent: the scheduler notifies.
   */
  fire?(services: HostServices, reminders: DueReminder[], now: Date): Promise<void>;
}

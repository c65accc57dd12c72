import type { CollectionName } from '../../src-shared/db/schemas';
import type { DueReminder } from '../../src-shared/scheduler/reminder';
import type { LabDatabase } from '../database/open-database';
import type { HostServices } from '../host/handler-types';

/** Ids of the documents written since the last round, by collection (deleted ones included). */
export type ChangedDocuments = ReadonlyMap<CollectionName, ReadonlySet<string>>;

/**
 * What a rule derives for some documents: `owners` are the documents (of the rule's own kind, by
 * id) whose reminders are all in `reminders` — every pending reminder of the rule owned by one of
 * them is replaced by these, so an owner with none (deleted, done, cancelled) loses its reminders.
 */
export interface DerivedFor {
  owners: ReadonlySet<string>;
  reminders: DueReminder[];
}

/**
 * Deriving again only for the documents a change touched. `deriveFor(db, changed, now)` restricted
 * to its `owners` must equal `derive(db, now)` restricted to the same owners (the integration test
 * of each rule checks this), and no reminder series may span two owners, so collapsing superseded
 * reminders per owner equals collapsing them over everything.
 */
export interface IncrementalDerive {
  /** The owner of one of this rule's reminders: the id of the document it is derived from. */
  ownerOf(reminder: DueReminder): string;
  /**
   * The reminders of the documents `changed` affects. `'all'` when this change cannot be handled
   * per document (e.g. people's roles, which every workflow step may read): the rule is derived in full.
   */
  deriveFor(db: LabDatabase, changed: ChangedDocuments, now: Date): Promise<DerivedFor | 'all'>;
}

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
  /** Absent: every change to a watched collection derives this rule in full. */
  incremental?: IncrementalDerive;
  /**
   * Fires reminders some other way than notifying their recipient (e.g. the workflow engine
   * escalating). Runs inside the write queue and must be idempotent by reminder id: it records each
   * firing durably in the same step — a `notifications` document (kind 'firing') whose id is the
   * reminder id — or the reminder fires again after a restart. Absent: the scheduler notifies.
   */
  fire?(services: HostServices, reminders: DueReminder[], now: Date): Promise<void>;
}

import type { z } from 'zod';
import type { RecordDocument } from './record-document';
import type { Who } from './who';

/**
 * A business record kind (equipment, calibration, quotation, leave request …), declared once here
 * and read by everything else: the generic record commands and their checks (record-rules.ts), the
 * sync server's push and pull rules, registers, record pages, workflow bindings and the API. A
 * module is mostly its kinds: see src-shared/records/README.md for how to add one.
 */

export type StatusTone = 'default' | 'info' | 'success' | 'warning' | 'error';

export interface RecordStatus {
  id: string;
  label: string;
  tone?: StatusTone;
  /** No field of the record may change in this status (e.g. approved, issued, decommissioned). */
  isReadOnly?: boolean;
}

/**
 * A move between statuses. `who: 'workflow'` means only a workflow outcome makes it (an approval
 * bound to the record, see workflows/record-effects): no person can click it, and the sync server
 * takes it only with the workflow event that produced it.
 */
export interface RecordTransition {
  from: readonly string[];
  to: string;
  /** The button's words, e.g. "Submit", "Put in service". */
  label: string;
  who: Who | 'workflow';
  /** The person must say why (cancellation, rejection …). */
  needsReason?: boolean;
  /** Data fields that must have a value before the move (e.g. an installation date). */
  requires?: readonly string[];
  /**
   * Made by the module's commands when the data demand it (an invoice's payment state follows its
   * payments), never offered as a button: the invariant decides which way it goes, not a person.
   */
  isFollowingData?: true;
}

/**
 * A group of data fields and who may change them (in which statuses). A field may be in several
 * groups (the requester in a draft, procurement later): any group that allows the change allows it.
 */
export interface FieldRule {
  /** Data field names, or '*' for every field no other rule names. */
  fields: readonly string[] | '*';
  who: Who;
  /** Only in these statuses; every status that is not read-only when absent. */
  inStatuses?: readonly string[];
}

/**
 * Numbers like QUO-2026-0042: `prefix`, the year of creation (or none), a counter per series.
 * `assignOn` is the status that gives the number (default: on creation). Gapless series
 * (invoices) are numbered only by the sync server in a team, so a PC cannot issue one offline.
 */
export interface NumberSeries {
  prefix: string;
  isYearly?: boolean;
  digits?: number;
  assignOn?: 'create' | string;
  isGapless?: boolean;
}

/** Which data fields fill the record's indexed columns (for scope, links, registers and reminders). */
export interface KindColumns<TData> {
  /** The person the record is about (its subject: an employee, a claimant); drives `subject`/`manager` scope. */
  personId?: (data: TData) => string | undefined;
  /** The owner (`owner` in rules): custodian, sales rep … */
  ownerId?: (data: TData) => string | undefined;
  departmentId?: (data: TData) => string | undefined;
  /** The parent record (a calibration's instrument, a quotation's opportunity). */
  parentId?: (data: TData) => string | undefined;
  /** The record's main date (YYYY-MM-DD or ISO), for sorting, calendars and reminders. */
  date?: (data: TData) => string | undefined;
}

export type ColumnType = 'text' | 'number' | 'date' | 'datetime' | 'money' | 'person' | 'people' | 'record' | 'choice' | 'boolean';

/** A column of the kind's register and a field of its record page. */
export interface KindField {
  /** Path in the data (`serialNumber`, `cost.amountMinor`), or a record column: number, title, status, createdAt, updatedAt. */
  field: string;
  label: string;
  type: ColumnType;
  /** Labels of the values of a `choice` field. */
  choices?: readonly { value: string; label: string }[];
  /** The kind a `record` field points to. */
  recordKind?: string;
  /** Shown in the register by default. */
  isDefaultColumn?: boolean;
  /** Shown in the record page's details and its create/edit form. */
  isEditable?: boolean;
  isRequired?: boolean;
  /** Longer text: a multi-line field. */
  isMultiline?: boolean;
  help?: string;
}

/** What a kind's invariant reads besides the record itself: documents by id, and records of a kind by parent or by person. */
export interface RecordReads {
  ids?: readonly { collection: string; id: string }[];
  byParent?: readonly { kind: string; parentId: string }[];
  byPerson?: readonly { kind: string; personId: string }[];
  /** Every live record of a kind in a status (a setting that must not strand open records: few reads, rare writes). */
  byStatus?: readonly { kind: string; status: string }[];
}

/** The documents a kind's invariant asked for, as the host or the sync server holds them (live, not deleted). */
export interface RecordLookup {
  get(collection: string, id: string): Record<string, unknown> | null;
  byParent(kind: string, parentId: string): Record<string, unknown>[];
  byPerson(kind: string, personId: string): Record<string, unknown>[];
  /** Records asked for by `byStatus` (absent where nothing can ask for them, as in older lookups). */
  byStatus?(kind: string, status: string): Record<string, unknown>[];
}

export interface InvariantInput<TData> {
  /** The record as it would be stored (data parsed, columns stamped). */
  record: Omit<RecordDocument, 'data'> & { data: TData };
  /** The stored version; null for a create. */
  previous: RecordDocument | null;
  lookup: RecordLookup;
  /** ISO time of the judgement: the host's clock for a command, the server's for a push. */
  now: string;
  actorId: string;
}

/**
 * A domain rule beyond fields, statuses and who (an instrument must be fit for use to be booked,
 * bookings must not overlap, a balance must cover a leave): `reads` names what it needs, `check`
 * returns a refusal a person can act on, or null. Pure; the host's commands and the sync server's
 * push both run it, each with its own documents and clock.
 */
export interface InvariantProblem {
  message: string;
  field?: string;
  isWaiting?: true;
}

export interface RecordInvariant<TData> {
  reads(data: TData, record: Omit<RecordDocument, 'data'>): RecordReads;
  /** `isWaiting`: the rule reads a document the judge does not have yet (the sync server then has the record wait, not refuses it). */
  check(input: InvariantInput<TData>): InvariantProblem | null;
}

/**
 * What LabFlow itself writes to records of a kind: the scheduler's own transitions (a quotation
 * expires, a preventive work order opens), made as the system from whichever PC notices the moment
 * first and pushed with that PC's account. The sync server takes such a write only when `check`
 * finds it is exactly that transition and due on the server's own documents and clock; a write not
 * due yet waits (`isWaiting`) rather than being refused, as the PC's clock may run ahead. Pure.
 */
export interface LabflowWrites<TData> {
  /** Whether LabFlow writes creates, updates or both of this kind. */
  actions: readonly ('create' | 'update')[];
  reads(data: TData, record: Omit<RecordDocument, 'data'>): RecordReads;
  check(input: InvariantInput<TData>): InvariantProblem | null;
}

/** One version step of a kind's data: old data in, new data out. Pure; tested on fixtures. */
export type DataMigration = (old: Record<string, unknown>) => Record<string, unknown>;

export interface RecordKind<TData extends Record<string, unknown> = Record<string, unknown>> {
  kind: string;
  /** The module's section in the app: registers are listed there. */
  module: 'equipment' | 'crm' | 'hr' | 'finance' | 'meetings' | 'projects' | 'platform';
  label: string;
  pluralLabel: string;
  /** The data's schema version; `migrations[v]` turns version v-1 data into version v. */
  version: number;
  data: z.ZodType<TData>;
  migrations?: Readonly<Record<number, DataMigration>>;
  /** The record's title, from its data (shown in lists, links, search). */
  title(data: TData): string;
  /** Extra words a search should find the record by (serial number, email …). */
  searchText?(data: TData): string;
  statuses: readonly RecordStatus[];
  initialStatus: string;
  transitions: readonly RecordTransition[];
  number?: NumberSeries;
  columns?: KindColumns<TData>;
  fields: readonly KindField[];
  /** Kinds this one links to: `parent` is the kind of `parentId`; `related` may be linked either way. */
  links?: { parent?: string; related?: readonly string[] };
  /**
   * Who reads records of this kind and everything about them (their comments, attachments,
   * workflow instances and events, audit entries). 'anyone' when absent.
   */
  readScope?: Who;
  /** Who creates one; the person checked against the new record (so `subject` means "for oneself"). */
  create: Who;
  /** Who changes which data fields. Fields no rule names cannot be changed after creation. */
  edit: readonly FieldRule[];
  /** Who removes one (soft delete: it stays in the audit trail), and in which statuses. */
  remove?: { who: Who; inStatuses?: readonly string[] };
  /** Workflow codes offered on the record page ("Start approval"). */
  workflows?: readonly string[];
  invariant?: RecordInvariant<TData>;
  /** The writes LabFlow itself makes to records of this kind, and how the sync server judges them. */
  labflowWrites?: LabflowWrites<TData>;
}

/** Declares a kind with its data type checked against its schema. */
export const defineRecordKind = <TData extends Record<string, unknown>>(kind: RecordKind<TData>): RecordKind<TData> => kind;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds kinds of every data type
export type AnyRecordKind = RecordKind<any>;

import type { BaseDocument } from '../db/base-fields';
import type { AnyRecordKind } from './record-kind';

/**
 * A business record as stored in `records` (schema v1). The kind's own fields live in `data`; the
 * columns beside it are derived from the data by the kind's declaration (`columns`) and indexed,
 * so scope, links, registers and reminders never parse `data`. Host and server both derive them
 * (recordColumns), so a PC cannot claim a subject, manager or number the data does not give.
 */
export interface RecordDocument extends BaseDocument {
  kind: string;
  /** Version of `data` (the kind's `version` when written); older data is upgraded when read. */
  kindVersion: number;
  title: string;
  status: string;
  /** '' until numbered; see numberState. */
  number: string;
  /** 'final' numbers never change; 'provisional' ones (a team PC offline) are replaced by the server's. */
  numberState: '' | 'provisional' | 'final';
  /** '' when none. */
  parentId: string;
  /** The person the record is about ('' when none). */
  personId: string;
  /** The subject's managers when the record was last written (department heads, or the employee record's manager). */
  managerIds: string[];
  ownerId: string;
  departmentId: string;
  /** The record's main date ('' when none), for sorting, calendars and reminders. */
  date: string;
  data: Record<string, unknown>;
}

/** The derived columns of a record. */
export type RecordColumns = Pick<RecordDocument, 'title' | 'personId' | 'ownerId' | 'departmentId' | 'parentId' | 'date' | 'managerIds'>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Who manages whom: answered by host and server from their own directory. */
export interface ManagerLookup {
  managersOf(personId: string): readonly string[];
  /** The people `managerId` manages. */
  managedBy(managerId: string): readonly string[];
}

export const noManagers: ManagerLookup = { managersOf: () => [], managedBy: () => [] };

/** The columns `kind` derives from `data` (title, subject and their managers, owner, parent, date). */
export function recordColumns(kind: AnyRecordKind, data: Record<string, unknown>, managers: ManagerLookup): RecordColumns {
  const columns = kind.columns ?? {};
  const personId = text(columns.personId?.(data));
  return {
    title: kind.title(data).trim().slice(0, 500) || kind.label,
    personId,
    ownerId: text(columns.ownerId?.(data)),
    departmentId: text(columns.departmentId?.(data)),
    parentId: text(columns.parentId?.(data)),
    date: text(columns.date?.(data)),
    managerIds: personId ? [...new Set(managers.managersOf(personId))].filter((id) => id !== personId).sort() : [],
  };
}

/** The data field's value at a dotted path (`cost.amountMinor`). */
export function dataValue(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data;
  for (const part of path.split('.')) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

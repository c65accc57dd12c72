import { isSameValue } from './conflicts';
import { describeValue, fieldLabel, valueAt } from './conflict-fields';
import { canRestoreField, restoreCalls, type RestoreCall } from './conflict-restore';
import type { RefusedChangeView } from './sync-status';

/**
 * What one record shows about team-sync conflicts: the versions the server replaced when two PCs
 * changed the same fields (the `activity` documents of kind `conflict`), and this PC's writes to it
 * that the server refused. Built here from plain documents, so the host only gathers them. Pure.
 */

export interface ConflictPersonView {
  id: string;
  /** The id when this PC does not know the person. */
  name: string;
  /** The signed-in person. */
  isYou: boolean;
}

export interface ConflictFieldView {
  /** The field's path in the document, e.g. `dueDate` or `budget.amountMinor`. */
  field: string;
  label: string;
  /** Values as text (names for people, words for codes, JSON for structures); '' when empty. */
  keptText: string;
  lostText: string;
  /** What the record holds now. */
  currentText: string;
  /** Who wrote the kept value, from the audit trail; null when this PC has no audit entry for it. */
  keptBy: ConflictPersonView | null;
  /** The record holds the lost value again (someone used it since). */
  isRestored: boolean;
  /** "Use my version" can write it back; otherwise the Details dialog offers it to copy. */
  isRestorable: boolean;
}

export interface RecordConflictView {
  id: string;
  /** When the server resolved it (ISO UTC). */
  at: string;
  collection: string;
  recordId: string;
  /** Who sent the version that lost. */
  by: ConflictPersonView;
  fields: ConflictFieldView[];
  /** Someone on this PC marked it reviewed ("Dismiss"), or every lost value is back in the record. */
  isSettled: boolean;
  /** The record's own commands that put the lost values back, in order; empty when none can. */
  restore: RestoreCall[];
}

export interface RecordRefusalView {
  /** Identifies the refusal for `sync/review-conflict`. */
  key: string;
  at: string;
  message: string;
  isReviewed: boolean;
}

export interface RecordConflictsView {
  /** Newest first. */
  conflicts: RecordConflictView[];
  /** Newest first. */
  refused: RecordRefusalView[];
}

/** A conflict document as stored in `activity` (kind `conflict`). */
export interface ConflictDocument {
  id: string;
  at: string;
  subjectType: string;
  subjectId: string;
  data?: { byId?: string; fields?: { field: string; kept: unknown; lost: unknown }[] };
}

/** The part of an audit entry that tells who wrote a value. */
export interface AuditTrace {
  at: string;
  actorId: string;
  actorName: string;
  changes: { field: string }[];
  after: Record<string, unknown>;
}

export interface RecordConflictInputs {
  collection: string;
  recordId: string;
  /** The record as it is now; null when it is removed or not on this PC. */
  record: Record<string, unknown> | null;
  conflicts: readonly ConflictDocument[];
  /** The record's audit entries (any order). */
  audit: readonly AuditTrace[];
  /** Every write this PC had refused; those about other records are left out. */
  refused: readonly RefusedChangeView[];
  names: ReadonlyMap<string, string>;
  viewerId: string;
  /** Conflict ids and refusal keys the viewer marked reviewed on this PC. */
  reviewed: ReadonlySet<string>;
}

/** The key of a refused write, stable across restarts: collection, record and when it was refused. */
export const refusalKey = (r: Pick<RefusedChangeView, 'collection' | 'id' | 'at'>): string => `refused:${r.collection}/${r.id}/${r.at}`;

const newestFirst = <T extends { at: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

export function buildRecordConflicts(inputs: RecordConflictInputs): RecordConflictsView {
  const { collection, recordId, record, names, viewerId } = inputs;
  const person = (id: string, fallbackName?: string): ConflictPersonView => ({ id, name: names.get(id) ?? fallbackName ?? id, isYou: id === viewerId });
  const nameOf = (id: string) => names.get(id);
  const audit = newestFirst(inputs.audit);
  // Who wrote the kept value: the newest audit entry that changed the field and left it at that value.
  const keptBy = (path: string, kept: unknown) => {
    const root = path.split('.')[0];
    const entry = audit.find((e) => e.changes.some((c) => c.field === root) && isSameValue(valueAt(e.after, path) ?? null, kept ?? null));
    return entry ? person(entry.actorId, entry.actorName) : null;
  };

  const about = inputs.conflicts.filter((c) => c.subjectType === collection && c.subjectId === recordId);
  const conflicts = newestFirst(about).map((doc): RecordConflictView => {
    const lostFields = doc.data?.fields ?? [];
    const fields = lostFields.map((f): ConflictFieldView => {
      const current = record ? valueAt(record, f.field) : undefined;
      return {
        field: f.field,
        label: fieldLabel(collection, f.field),
        keptText: describeValue(f.field, f.kept, nameOf),
        lostText: describeValue(f.field, f.lost, nameOf),
        currentText: describeValue(f.field, current, nameOf),
        keptBy: keptBy(f.field, f.kept),
        isRestored: record !== null && isSameValue(current ?? null, f.lost ?? null),
        isRestorable: canRestoreField(collection, f.field, f.lost),
      };
    });
    return {
      id: doc.id,
      at: doc.at,
      collection,
      recordId: doc.subjectId,
      by: person(doc.data?.byId ?? ''),
      fields,
      isSettled: inputs.reviewed.has(doc.id) || (fields.length > 0 && fields.every((f) => f.isRestored)),
      restore: restoreCalls(collection, record, lostFields),
    };
  });
  const refused = newestFirst(inputs.refused.filter((r) => r.collection === collection && r.id === recordId)).map((r) => ({ key: refusalKey(r), at: r.at, message: r.message, isReviewed: inputs.reviewed.has(refusalKey(r)) }));
  return { conflicts, refused };
}

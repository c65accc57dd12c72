import type { RecordView } from '../../src-shared/records/record-contract';
import { upgradeData } from '../../src-shared/records/record-data';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { availableTransitions, canEditField } from '../../src-shared/records/record-rules';
import { canReadScope, scopeOfRecord } from '../../src-shared/records/record-scope';
import type { RecordActor } from '../../src-shared/records/who';
import { isWho } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';

export interface StoredRecord {
  kind: AnyRecordKind | undefined;
  /** The document with its data upgraded to the kind's version. */
  doc: RecordDocument;
  isFromNewerVersion: boolean;
}

/** A stored record with its data upgraded for reading (the stored document is not rewritten). */
export function readStored(raw: RecordDocument): StoredRecord {
  const kind = recordKindOf(raw.kind);
  if (!kind) return { kind, doc: raw, isFromNewerVersion: true };
  const upgraded = upgradeData(kind, raw.kindVersion ?? 1, raw.data ?? {});
  return { kind, doc: { ...raw, data: upgraded.data, kindVersion: upgraded.version }, isFromNewerVersion: upgraded.isFromNewerVersion };
}

export async function readRecord(db: LabDatabase, id: string): Promise<StoredRecord | null> {
  const doc = await db.records.findOne(id).exec();
  return doc ? readStored(doc.toJSON() as RecordDocument) : null;
}

/** Whether `actor` may read the record (its kind's read scope). */
export const canReadRecordDoc = (actor: RecordActor, record: StoredRecord): boolean => canReadScope(record.kind, actor, scopeOfRecord(record.kind, record.doc));

/** The record as `actor` sees it, with what they may do to it now. */
export function recordViewOf(record: StoredRecord, actor: RecordActor): RecordView {
  const { kind, doc, isFromNewerVersion } = record;
  const { auditId: _auditId, ...fields } = doc;
  const canChange = kind !== undefined && !isFromNewerVersion;
  const remove = kind?.remove;
  return {
    ...fields,
    kindLabel: kind?.label ?? doc.kind,
    statusLabel: kind?.statuses.find((s) => s.id === doc.status)?.label ?? doc.status,
    editableFields: canChange ? kind.fields.filter((f) => f.isEditable && canEditField(kind, actor, doc, f.field)).map((f) => f.field) : [],
    transitions: canChange ? availableTransitions(kind, actor, doc).map((t) => ({ to: t.to, label: t.label, needsReason: t.needsReason === true })) : [],
    canRemove: canChange && remove !== undefined && isWho(remove.who, actor, doc) && (!remove.inStatuses || remove.inStatuses.includes(doc.status)),
    isFromNewerVersion,
  };
}

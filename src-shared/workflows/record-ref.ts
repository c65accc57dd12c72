import type { AnyRecordKind } from '../records/record-kind';
import type { BoundRecord } from './record-binding';

/** The record an instance is about, as the signed-in person may see it now (instance lists, My work, the instance page). */
export interface RecordRefView {
  id: string;
  kind: string;
  kindLabel: string;
  /** '' until numbered. */
  number: string;
  title: string;
  status: string;
  statusLabel: string;
}

export function recordRefOf(record: BoundRecord, kind: AnyRecordKind | undefined): RecordRefView {
  return {
    id: record.id,
    kind: record.kind,
    kindLabel: kind?.label ?? record.kind,
    number: record.number ?? '',
    title: record.title ?? '',
    status: record.status,
    statusLabel: kind?.statuses.find((s) => s.id === record.status)?.label ?? record.status,
  };
}

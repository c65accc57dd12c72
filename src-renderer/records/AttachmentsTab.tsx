import { AttachmentsPanel } from '../files/AttachmentsPanel';
import type { RecordTabProps } from './record-tabs';

/** The record's files (certificates, receipts, signed quotations, kept documents), read under its scope. */
export function AttachmentsTab({ record }: RecordTabProps) {
  return <AttachmentsPanel subjectType="records" subjectId={record.id} />;
}

import { SYSTEM_AUTHOR } from '../sync/system-author';
import { recordKindOf } from './record-kinds';

type Doc = Record<string, unknown>;

/**
 * Whether a pushed record claims to be one of LabFlow's own writes that its kind declares
 * (`labflowWrites`): written as the system — a new one also created by it. The claim only lets the
 * write past the author check (sync/authorship.ts); record-write-rule.ts then judges it as LabFlow
 * itself, on the server's documents and clock. Pure.
 */
export function isLabflowRecordWrite(doc: Doc, action: 'create' | 'update'): boolean {
  if (doc.updatedBy !== SYSTEM_AUTHOR || (action === 'create' && doc.createdBy !== SYSTEM_AUTHOR)) return false;
  return recordKindOf(doc.kind)?.labflowWrites?.actions.includes(action) ?? false;
}

/** Whether a record document was last written by LabFlow itself. */
export const isWrittenByLabflow = (doc: Doc): boolean => doc.updatedBy === SYSTEM_AUTHOR;

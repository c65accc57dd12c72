import { fail, ok, type Result } from '../../src-shared/core/result';
import type { ManagerLookup, RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { checkInvariant, recordReads } from '../../src-shared/records/record-invariants';
import { checkRecordWrite } from '../../src-shared/records/record-rules';
import { stampRecord } from '../../src-shared/records/record-stamp';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { loadLookup } from './record-lookup';
import { numberOnThisPc } from './record-numbering';

export interface RecordWriteInput {
  db: LabDatabase;
  newId: () => string;
  kind: AnyRecordKind;
  actor: RecordActor;
  /** The stored version (upgraded), null for a new record. */
  before: RecordDocument | null;
  proposed: Record<string, unknown>;
  /** The time of the write: the series' year is that of the write that numbers the record. */
  at: string;
  managers: ManagerLookup;
  /** A workflow bound to the record makes this move in the same command (src-shared/workflows/record-binding.ts). */
  workflowMove?: string;
}

/**
 * One version of a record, ready for the audited writer: derived columns stamped from the data
 * (never the caller's), the kind's rules judged on the stored version, its invariant
 * (record-invariants.ts) on this PC's documents and clock, and a number when the series gives one
 * now. The record commands (writeRecord) and the workflow runtime write through it, so a step's
 * outcome meets the same checks as a person's click — a `who: 'workflow'` move is allowed only to
 * the workflow event that makes it. Runs in the write queue (a number, once given, is used).
 */
export async function planRecordWrite(input: RecordWriteInput): Promise<Result<RecordDocument>> {
  const { kind, before } = input;
  const { doc, numberNeeded } = stampRecord(kind, { ...input.proposed, createdAt: before?.createdAt ?? input.at, updatedAt: input.at }, before, input.managers);
  const checked = checkRecordWrite({ kind, actor: input.actor, before, after: doc, hasWorkflowMove: (to) => to === input.workflowMove });
  if (!checked.ok) return checked;
  const lookup = await loadLookup(input.db, recordReads(doc as unknown as Record<string, unknown>));
  const broken = checkInvariant(kind, doc, before, lookup, input.at, input.actor.id);
  if (broken) return fail('invalid_state', broken.message, broken.field ? { field: broken.field } : {});
  const numbered = numberNeeded ? await numberOnThisPc(input.db, kind.kind, numberNeeded, input.newId) : {};
  return ok({ ...doc, ...numbered });
}

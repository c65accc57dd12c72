import { fail, ok, type AppError, type Result } from '../../src-shared/core/result';
import type { ManagerLookup, RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { checkInvariant, recordReads } from '../../src-shared/records/record-invariants';
import { checkRecordWrite } from '../../src-shared/records/record-rules';
import { stampRecord, type NumberNeeded } from '../../src-shared/records/record-stamp';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { loadLookup } from './record-lookup';
import { numberOnThisPc, numbersOnThisPc } from './record-numbering';

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
  const checked = await checkedRecord(input);
  if (!checked.ok) return checked;
  const { doc, numberNeeded } = checked.value;
  const numbered = numberNeeded ? await numberOnThisPc(input.db, input.kind.kind, numberNeeded, input.newId) : {};
  return ok({ ...doc, ...numbered });
}

/** planRecordWrite's checks: the record stamped, the kind's rules and its invariant judged; the number it still needs. */
async function checkedRecord(input: RecordWriteInput): Promise<Result<{ doc: RecordDocument; numberNeeded: NumberNeeded | null }>> {
  const { kind, before } = input;
  const { doc, numberNeeded } = stampRecord(kind, { ...input.proposed, createdAt: before?.createdAt ?? input.at, updatedAt: input.at }, before, input.managers);
  const checked = checkRecordWrite({ kind, actor: input.actor, before, after: doc, hasWorkflowMove: (to) => to === input.workflowMove });
  if (!checked.ok) return checked;
  const lookup = await loadLookup(input.db, recordReads(doc as unknown as Record<string, unknown>));
  const broken = checkInvariant(kind, doc, before, lookup, input.at, input.actor.id);
  if (broken) return fail('invalid_state', broken.message, broken.field ? { field: broken.field } : {});
  return ok({ doc, numberNeeded });
}

export type NewRecordsPlan = { ok: true; value: RecordDocument[] } | { ok: false; error: AppError; index: number };

/**
 * Many new records of one kind, planned together for one batched write (a bulk import): each
 * given an id and checked exactly as planRecordWrite checks one, then numbered as a block per
 * series. Only for kinds without an invariant — an invariant reads the records as they stand, and
 * the batch's own are not written yet — so a kind with one is refused here (write those one by
 * one). The first refusal names the proposal's index; nothing is numbered then.
 */
export async function planNewRecords(input: Omit<RecordWriteInput, 'before' | 'proposed' | 'workflowMove'>, proposals: readonly Record<string, unknown>[]): Promise<NewRecordsPlan> {
  if (input.kind.invariant) throw new Error(`${input.kind.kind} has an invariant: write its records one by one`);
  const planned: { doc: RecordDocument; numberNeeded: NumberNeeded | null }[] = [];
  for (const [index, proposed] of proposals.entries()) {
    const checked = await checkedRecord({ ...input, before: null, proposed: { ...proposed, id: input.newId() } });
    if (!checked.ok) return { ...checked, index };
    planned.push(checked.value);
  }
  const bySeries = new Map<string, { needed: NumberNeeded; at: number[] }>();
  for (const [i, { numberNeeded }] of planned.entries()) {
    if (!numberNeeded) continue;
    const series = bySeries.get(numberNeeded.key) ?? { needed: numberNeeded, at: [] };
    series.at.push(i);
    bySeries.set(numberNeeded.key, series);
  }
  const docs = planned.map((p) => p.doc);
  for (const { needed, at } of bySeries.values()) {
    const numbers = await numbersOnThisPc(input.db, input.kind.kind, needed, at.length, input.newId);
    at.forEach((i, n) => (docs[i] = { ...(docs[i] as RecordDocument), ...numbers[n] }));
  }
  return { ok: true, value: docs };
}

import { fail, ok, type AppError, type Result } from '../../src-shared/core/result';
import type { RecordView } from '../../src-shared/records/record-contract';
import { parseData } from '../../src-shared/records/record-data';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { checkRecordWrite } from '../../src-shared/records/record-rules';
import type { RecordActor } from '../../src-shared/records/who';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { writeContextOf } from '../projects/project-access';
import { softDelete } from '../tasks/soft-delete';
import { teamSyncPhaseOf } from '../sync/sync-feature';
import { managersOf, recordActorOf } from './record-actor';
import { isInTeam } from './record-numbering';
import { canReadRecordDoc, readRecord, recordViewOf, type StoredRecord } from './record-store';
import { planNewRecords, planRecordWrite } from './record-write';

type Names = 'records/create' | 'records/update' | 'records/transition' | 'records/remove';

const gone = () => fail('not_found', 'That record no longer exists, or it is not shared with you.');

/** The record if it exists, is of a kind this LabFlow knows in this version, and `actor` may read it. */
async function changeable(context: CommandContext, id: string, actor: RecordActor): Promise<{ record: StoredRecord & { kind: AnyRecordKind } } | { error: ReturnType<typeof fail> }> {
  const record = await readRecord(context.db, id);
  if (!record || !canReadRecordDoc(actor, record)) return { error: gone() };
  if (!record.kind || record.isFromNewerVersion) return { error: fail('invalid_state', 'This record was written by a newer version of LabFlow; update LabFlow on this PC to change it.') };
  return { record: record as StoredRecord & { kind: AnyRecordKind } };
}

export interface WriteRecordOptions {
  /** The workflow bound to this record moves it to this status (workflow-only transitions). */
  workflowMove?: string;
}

/**
 * Stamps, checks and writes one version of a record through the audited writer: derived columns
 * from the data (never the caller's), the kind's rules judged on the stored version, its invariant
 * (record-invariants.ts) on this PC's documents and clock, a number when the series gives one now.
 * Returns the record as the person now sees it. Module commands that write records use this too.
 */
export async function writeRecord(
  context: CommandContext,
  kind: AnyRecordKind,
  actor: RecordActor,
  before: RecordDocument | null,
  proposed: Record<string, unknown>,
  options: WriteRecordOptions = {},
): Promise<Result<RecordView>> {
  const at = context.clock().toISOString();
  const planned = await planRecordWrite({
    db: context.db, newId: context.newId, kind, actor, before, proposed, at, managers: await managersOf(context.db),
    ...(options.workflowMove ? { workflowMove: options.workflowMove } : {}),
  });
  if (!planned.ok) return planned;
  const fields = { ...planned.value };
  const stored = before
    ? await context.writer.update<RecordDocument>('records', before.id, fields, writeContextOf(context))
    : await context.writer.insert<RecordDocument>('records', fields, writeContextOf(context));
  if (!stored) return gone();
  return ok(recordViewOf({ kind, doc: stored, isFromNewerVersion: false }, actor));
}

/**
 * New records of one kind without an invariant, written in batches (a bulk import): every one
 * parsed and planned first (planNewRecords: the same checks as writeRecord, numbers as a block),
 * then per batch all audit entries in one write and all records in one insert (the audited
 * writer's replaceMany). The first refusal names its index, and then nothing is written. A crash
 * between two batches leaves the earlier ones written, each with its audit entry.
 */
export async function createRecords(
  context: CommandContext,
  kind: AnyRecordKind,
  actor: RecordActor,
  datas: readonly Record<string, unknown>[],
  batchSize = 1000,
): Promise<{ ok: true; value: { written: number } } | { ok: false; error: AppError; index: number }> {
  const proposals: Record<string, unknown>[] = [];
  for (const [index, data] of datas.entries()) {
    const parsed = parseData(kind, data);
    if (!parsed.ok) return { ...parsed, index };
    proposals.push({ kind: kind.kind, kindVersion: kind.version, status: kind.initialStatus, number: '', numberState: '', data: parsed.value });
  }
  const planned = await planNewRecords({ db: context.db, newId: context.newId, kind, actor, at: context.clock().toISOString(), managers: await managersOf(context.db) }, proposals);
  if (!planned.ok) return planned;
  const write = writeContextOf(context);
  for (let at = 0; at < planned.value.length; at += batchSize) {
    await context.writer.replaceMany('records', planned.value.slice(at, at + batchSize).map((doc) => ({ before: null, fields: doc as unknown as Record<string, unknown> & { id: string }, context: write })));
  }
  return { ok: true, value: { written: planned.value.length } };
}

/** A status reason (cancellation, rejection) kept on the record's activity, where its page shows it. */
export async function noteStatusChange(context: CommandContext, record: RecordDocument, from: string, to: string, reason: string) {
  await context.writer.insert(
    'activity',
    { kind: 'status_change', subjectType: 'records', subjectId: record.id, personId: context.actor.id, at: context.clock().toISOString(), data: { from, to, reason } },
    writeContextOf(context),
  );
}

export const recordCommandHandlers: CommandHandlers<Names> = {
  async 'records/create'(input, context) {
    const kind = recordKindOf(input.kind);
    if (!kind) return fail('invalid_input', `LabFlow has no record type “${input.kind}”.`, { field: 'kind' });
    const data = parseData(kind, input.data);
    if (!data.ok) return data;
    const actor = await recordActorOf(context.db, context.actor.id);
    return writeRecord(context, kind, actor, null, { kind: kind.kind, kindVersion: kind.version, status: kind.initialStatus, number: '', numberState: '', data: data.value });
  },

  async 'records/update'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await changeable(context, input.id, actor);
    if ('error' in found) return found.error;
    const { kind, doc } = found.record;
    // null clears a field; fields left out keep their value.
    const merged = Object.fromEntries(Object.entries({ ...doc.data, ...input.data }).filter(([, v]) => v !== null && v !== undefined));
    const data = parseData(kind, merged);
    if (!data.ok) return data;
    return writeRecord(context, kind, actor, doc, { ...doc, data: data.value });
  },

  async 'records/transition'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await changeable(context, input.id, actor);
    if ('error' in found) return found.error;
    const { kind, doc } = found.record;
    const move = kind.transitions.find((t) => t.to === input.to && t.from.includes(doc.status));
    if (move?.isFollowingData) return fail('invalid_state', `${kind.label} ${move.label.toLowerCase()}: this status follows the ${kind.label.toLowerCase()}’s data and is set by its own command, not by hand.`, { field: 'status' });
    if (move?.needsReason && !input.reason?.trim()) return fail('invalid_input', `Give a reason to ${move.label.toLowerCase()}.`, { field: 'reason' });
    const series = kind.number;
    if (series?.isGapless && series.assignOn === input.to && (await isInTeam(context.db)) && teamSyncPhaseOf(context.db) !== 'up_to_date') {
      return fail('invalid_state', `${kind.pluralLabel} get their numbers from the sync server so that no number is skipped, and it cannot be reached now. Keep it as it is and try again when this PC is back online.`);
    }
    const result = await writeRecord(context, kind, actor, doc, { ...doc, status: input.to });
    if (result.ok && input.reason?.trim()) await noteStatusChange(context, doc, doc.status, input.to, input.reason.trim());
    return result;
  },

  async 'records/remove'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await changeable(context, input.id, actor);
    if ('error' in found) return found.error;
    const { kind, doc } = found.record;
    const checked = checkRecordWrite({ kind, actor, before: doc, after: doc, isDelete: true });
    if (!checked.ok) return checked;
    await noteStatusChange(context, doc, doc.status, 'removed', input.reason);
    await softDelete(context, 'records', doc);
    return ok(null);
  },
};

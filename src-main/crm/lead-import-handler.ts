import { BehaviorSubject, map, of } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import type { LeadImportProgress } from '../../src-shared/crm/crm-contract';
import { parseCsv } from '../../src-shared/crm/csv-parse';
import { previewLeadImport, type ColumnMapping } from '../../src-shared/crm/lead-import';
import { sales } from '../../src-shared/crm/crm-who';
import { leadKind } from '../../src-shared/crm/lead-kind';
import { isWho, type RecordActor } from '../../src-shared/records/who';
import type { CommandContext, CommandHandlers, QueryHandlers } from '../host/handler-types';
import { createRecords } from '../records/record-handlers';
import { recordActorOf } from '../records/record-actor';
import { leadImportsOf, ownImport, type LeadImportJob } from './lead-import-jobs';

/** More rows than this are refused before anything is written (the import goal is 10,000). */
const MAX_ROWS = 10_000;
/** One audit write and one insert per thousand leads, numbers taken as a block: 10,000 rows in seconds, not minutes. */
const BATCH_SIZE = 1000;

type ValidRow = ReturnType<typeof previewLeadImport>['valid'][number];

/** One batch, all or nothing (one insert); a refused row names its line in the file. */
async function writeBatch(context: CommandContext, actor: RecordActor, rows: readonly ValidRow[]) {
  const written = await createRecords(context, leadKind, actor, rows.map((row) => row.data), rows.length);
  if (written.ok) return ok(written.value.written);
  return fail(written.error.code, `Line ${rows[written.index]?.line ?? 0}: ${written.error.message}`, written.error.field ? { field: written.error.field } : {});
}

/**
 * The batches after the first, each in a write-queue turn of its own so other commands (and a
 * cancel) run between them; numbers are taken per batch, in its turn, so none is taken twice. A
 * cancel runs between two batches: the next turn finds it and writes nothing. Messages that arrived
 * while a batch was written are read before the next one is queued.
 */
async function writeRemainingBatches(context: CommandContext, actor: RecordActor, rows: readonly ValidRow[], batchSize: number, job: LeadImportJob): Promise<void> {
  const update = (change: Partial<LeadImportProgress>) => job.progress$.next({ ...job.progress$.value, ...change });
  try {
    for (let at = batchSize; at < rows.length; at += batchSize) {
      // Writing to SQLite never leaves the microtask queue, so without this the whole import would run
      // before the host read another message: the person's cancel (and everyone's commands) come first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const isStopped = await context.runExclusive(async () => {
        if (job.isCancelRequested) return true;
        const written = await writeBatch(context, actor, rows.slice(at, at + batchSize));
        if (!written.ok) update({ state: 'failed', problem: `${written.error.message} Import stopped; the leads before this batch were imported.` });
        else update({ imported: job.progress$.value.imported + written.value });
        return !written.ok;
      });
      if (isStopped) return;
    }
    update({ state: 'finished' });
  } catch (error) {
    const errorId = context.log.error('lead import stopped', error);
    update({ state: 'failed', problem: `Something went wrong (error ${errorId}); the leads before it were imported, the details are in the log.` });
  }
}

/**
 * The lead CSV import (crm/leads/import): the host reads the file and checks every row exactly as
 * the dialog's preview did (the same pure functions), so what the person saw is what is written;
 * rows with errors are skipped and counted, the valid rows become leads through the records
 * platform (checked, numbered, audited, enforced again by the sync server), written in batches:
 * the first before answering, the rest in the background with progress and cancel.
 */
export const leadImportHandlers: CommandHandlers<'crm/leads/import' | 'crm/leads/cancel-import'> = {
  async 'crm/leads/import'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    // Anyone may file a lead they own (the kind's rule); filling the pipeline in bulk is sales staff's.
    if (!isWho({ anyOf: [sales, 'admin'] }, actor, {})) return fail('forbidden', 'Only sales staff (or an administrator) import leads.');
    const table = parseCsv(input.csv);
    if (table.rows.length === 0) return fail('invalid_input', 'The file has a header line but no rows.', { field: 'csv' });
    if (table.rows.length > MAX_ROWS) return fail('invalid_input', `The file has ${table.rows.length} rows; import at most ${MAX_ROWS} at a time.`, { field: 'csv' });
    const mapping: ColumnMapping = Object.fromEntries(Object.entries(input.mapping).filter(([index]) => Number(index) < table.headers.length));
    if (Object.keys(mapping).length === 0) return fail('invalid_input', 'Map at least one column to a lead field.', { field: 'mapping' });
    const preview = previewLeadImport(table, mapping, { ownerId: input.ownerId ?? actor.id });
    if (preview.valid.length === 0) return fail('invalid_input', `None of the ${table.rows.length} rows can be imported; correct the errors the preview shows.`, { field: 'csv' });
    const batchSize = context.platform.leadImportBatchSize ?? BATCH_SIZE;
    // A refused first batch leaves nothing written: the person corrects the file and imports it again.
    const first = await writeBatch(context, actor, preview.valid.slice(0, batchSize));
    if (!first.ok) return first;
    const progress: LeadImportProgress = { importId: context.newId(), total: preview.valid.length, imported: first.value, skipped: preview.invalidRows, state: 'running', problem: null };
    if (progress.imported === progress.total) return ok({ ...progress, state: 'finished' });
    const job: LeadImportJob = { personId: context.actor.id, progress$: new BehaviorSubject(progress), isCancelRequested: false, done: Promise.resolve() };
    leadImportsOf(context.db).set(progress.importId, job);
    // Not awaited: its turns queue behind this command's.
    job.done = writeRemainingBatches(context, actor, preview.valid, batchSize, job);
    return ok(progress);
  },

  async 'crm/leads/cancel-import'(input, context) {
    const found = ownImport(context.db, input.importId, context.actor.id);
    if (!found.ok) return found;
    const job = found.value;
    const { state, imported, total } = job.progress$.value;
    if (state !== 'running') return fail('invalid_state', `That import has already ${state === 'finished' ? 'finished' : 'stopped'}: ${imported} of ${total} leads were imported.`);
    // Commands share one queue, so no batch is being written now: what is imported stays, nothing more is.
    job.isCancelRequested = true;
    job.progress$.next({ ...job.progress$.value, state: 'cancelled' });
    context.log.info('lead import cancelled', { importId: input.importId, imported, total, by: context.actor.id });
    return ok(job.progress$.value);
  },
};

export const leadImportQueryHandlers: QueryHandlers<'crm/leads/import-progress'> = {
  'crm/leads/import-progress': (input, context) => {
    const found = ownImport(context.db, input.importId, context.actor.id);
    return found.ok ? found.value.progress$.pipe(map((progress) => ok(progress))) : of(found);
  },
};

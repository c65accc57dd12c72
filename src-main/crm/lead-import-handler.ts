import { fail, ok } from '../../src-shared/core/result';
import { parseCsv } from '../../src-shared/crm/csv-parse';
import { previewLeadImport, type ColumnMapping } from '../../src-shared/crm/lead-import';
import { sales } from '../../src-shared/crm/crm-who';
import { leadKind } from '../../src-shared/crm/lead-kind';
import { isWho } from '../../src-shared/records/who';
import type { CommandHandlers } from '../host/handler-types';
import { createRecords } from '../records/record-handlers';
import { recordActorOf } from '../records/record-actor';

/** More rows than this are refused before anything is written (the import goal is 10,000). */
const MAX_ROWS = 10_000;

/**
 * The lead CSV import (crm/leads/import): the host reads the file and checks every row exactly as
 * the dialog's preview did (the same pure functions), so what the person saw is what is written;
 * rows with errors are skipped and counted, the valid rows become leads through the records
 * platform (checked, numbered, audited, enforced again by the sync server), written in batches.
 */
export const leadImportHandlers: CommandHandlers<'crm/leads/import'> = {
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
    // In batches (one audit write and one insert per thousand leads, numbers taken as a block): 10,000 rows in seconds, not minutes.
    const written = await createRecords(context, leadKind, actor, preview.valid.map((row) => row.data));
    if (!written.ok) {
      const line = preview.valid[written.index]?.line ?? 0;
      return fail(written.error.code, `Line ${line}: ${written.error.message}`, written.error.field ? { field: written.error.field } : {});
    }
    return ok({ imported: written.value.written, skipped: preview.invalidRows });
  },
};

import { from, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { columnsOf, type CellLookups } from '../../src-shared/records/register-cells';
import type { ExportFile } from '../../src-shared/records/register-contract';
import { exportFileName, exportTable, toCsv } from '../../src-shared/records/register-export';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { actorIn, loadDirectory } from './record-actor';
import type { RegisterIndex } from './register-index';
import { personNames, recordTitles } from './register-lookups';
import { workbookOf } from './workbook-file';

const today = (now: Date, timeZone: string | undefined) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(now);

/**
 * `records/export`: the whole register as the person sees it — only records they may read, their
 * words, filters, sort and columns — written as CSV or .xlsx with the register's labels. Answered
 * once from the in-memory register (it does not follow later changes).
 */
export function registerExportHandlers(indexOf: (db: LabDatabase) => RegisterIndex): QueryHandlers<'records/export'> {
  return {
    'records/export': (input, context): Observable<Result<ExportFile>> =>
      from(
        (async (): Promise<Result<ExportFile>> => {
          const kind = recordKindOf(input.kind);
          if (!kind) return fail('invalid_input', `LabFlow has no record type “${input.kind}”.`, { field: 'kind' });
          const unknown = input.columns.filter((c) => !kind.fields.some((f) => f.field === c));
          if (unknown.length > 0) return fail('invalid_input', `${kind.pluralLabel} have no column “${unknown[0]}”.`, { field: 'columns' });
          const registers = indexOf(context.db);
          const directory = await loadDirectory(context.db);
          const people = directory.people;
          const actor = actorIn(directory, context.actor.id);
          const rows = registers.matching(await registers.of(kind), kind, actor, input);
          const used = columnsOf(kind, input.columns).map((f) => f.field);
          const titles = used.some((f) => kind.fields.find((k) => k.field === f)?.type === 'record') ? await recordTitles(context.db, kind, rows, actor) : new Map<string, string>();
          const lookups: CellLookups = { personName: personNames(people), recordTitle: (id) => titles.get(id) };
          const place = { ...(input.locale ? { locale: input.locale } : {}), ...(input.timeZone ? { timeZone: input.timeZone } : {}) };
          const table = exportTable(kind, rows, used, lookups, place);
          const fileName = exportFileName(kind, today(context.clock(), input.timeZone), input.format);
          if (input.format === 'csv') return ok({ fileName, mimeType: 'text/csv', encoding: 'text', content: toCsv(table), rowCount: rows.length });
          const workbook = await workbookOf(table, input.timeZone);
          return ok({ fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64', content: workbook.toString('base64'), rowCount: rows.length });
        })(),
      ),
  };
}

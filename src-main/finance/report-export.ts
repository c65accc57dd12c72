import { from } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { receivablesTeam } from '../../src-shared/finance/finance-who';
import { budgetVersusActual, budgetVersusActualTable, cashReceivedByMonth, cashReceivedTable } from '../../src-shared/finance/finance-reports';
import type { FinanceReport } from '../../src-shared/finance/report-contract';
import type { KindField } from '../../src-shared/records/record-kind';
import type { ExportFile } from '../../src-shared/records/register-contract';
import { toCsv, type ExportTable } from '../../src-shared/records/register-export';
import { isWho } from '../../src-shared/records/who';
import type { QueryHandlers } from '../host/handler-types';
import { actorIn, loadDirectory } from '../records/record-actor';
import { workbookOf } from '../records/workbook-file';
import { readableStandings } from './budget-queries';
import { receivables } from './receivables-query';

const titles: Record<FinanceReport, string> = { cash_received: 'Cash received by month', budget_vs_actual: 'Budget versus actual' };
const dayIn = (now: Date, timeZone: string | undefined) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(now);

/**
 * `finance/reports/export`: a finance report as CSV or .xlsx, from the same pure rows the screens
 * show (finance-reports.ts), written by the registers' exporters (quoting and CSV-injection guard,
 * typed Excel cells with each amount in its currency's format).
 */
export const reportExportHandlers: QueryHandlers<'finance/reports/export'> = {
  'finance/reports/export': (input, context) =>
    from(
      (async (): Promise<Result<ExportFile>> => {
        const actor = actorIn(await loadDirectory(context.db), context.actor.id);
        const place = { ...(input.locale ? { locale: input.locale } : {}), ...(input.timeZone ? { timeZone: input.timeZone } : {}) };
        const today = dayIn(context.clock(), input.timeZone);
        let table: { headers: string[]; rows: ExportTable['rows'] };
        if (input.report === 'cash_received') {
          if (!isWho(receivablesTeam, actor, {})) return fail('forbidden', 'Only finance staff and administrators see the payments received.');
          const view = await receivables(context.db, actor, today);
          if (!view.ok) return view;
          table = cashReceivedTable(cashReceivedByMonth(view.value.payments).filter((r) => !input.year || r.month.startsWith(String(input.year))), place);
        } else {
          table = budgetVersusActualTable(budgetVersusActual(await readableStandings(context.db, actor, { year: input.year })), place);
        }
        const title = `${titles[input.report]}${input.year ? ` ${input.year}` : ''}`;
        const fileName = `${title} ${today}.${input.format}`;
        if (input.format === 'csv') return ok({ fileName, mimeType: 'text/csv', encoding: 'text', content: toCsv(table), rowCount: table.rows.length });
        const columns = table.headers.map((label, i): KindField => ({ field: `c${i}`, label, type: table.rows[0]?.[i]?.type === 'money' ? 'money' : 'text' }));
        const workbook = await workbookOf({ title, columns, ...table }, input.timeZone);
        return ok({ fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64', content: workbook.toString('base64'), rowCount: table.rows.length });
      })(),
    ),
};

import { z } from 'zod';
import { query } from '../bridge/define';
import type { ExportFile } from '../records/register-contract';

/**
 * Finance reports as files: "cash received by month" (finance and administrators: it reads every
 * payment) and "budget versus actual" (the budgets the asker may read) for a year, written by the
 * registers' exporters as CSV or an Excel workbook with the screen's language and time zone.
 * The screens show the same rows live from `finance/receivables` and `finance/budgets/standing`.
 */
export const financeReports = ['cash_received', 'budget_vs_actual'] as const;
export type FinanceReport = (typeof financeReports)[number];

export const reportContract = {
  'finance/reports/export': query<ExportFile>()(
    z
      .object({
        report: z.enum(financeReports),
        format: z.enum(['csv', 'xlsx']),
        year: z.number().int('Enter a year like 2027.').min(2000, 'Enter a year like 2027.').max(2100, 'Enter a year like 2027.').optional(),
        locale: z.string().min(2).max(35).optional(),
        timeZone: z.string().min(1).max(64).optional(),
      })
      .strict(),
  ),
};

import type { Cell } from '../records/register-cells';
import { formatMoney, majorAmount, type FormatPlace } from '../format/display-format';
import { expenseCategories, expenseCategoryLabels, type ExpenseCategory } from './expense-categories';
import type { ExpenseClaimData } from './expense-claim-kind';
import { sumMinor } from './money';

/**
 * Finance's report "expenses by category and project": the lines of approved and reimbursed claims
 * (dated within the range), summed per project — or cost centre for lines on none — and category,
 * per currency (amounts in different currencies are never added). Pure; the host answers it over
 * the claims the asker may read, so finance sees every claim and a claimant their own.
 */
export interface ExpenseReportRow {
  /** The project's name, or "Cost centre QC". */
  chargedTo: string;
  category: ExpenseCategory;
  categoryLabel: string;
  currency: string;
  amountMinor: number;
  lines: number;
}

export interface ExpenseReport {
  from: string | null;
  to: string | null;
  rows: ExpenseReportRow[];
  /** Per currency, the total of each category (the chart). */
  byCategory: { currency: string; category: ExpenseCategory; categoryLabel: string; amountMinor: number }[];
  claims: number;
}

const counted = new Set(['approved', 'reimbursed']);

export function expenseReport(
  claims: readonly { status: string; data: ExpenseClaimData }[],
  projectName: (id: string) => string | undefined,
  range: { from?: string | undefined; to?: string | undefined } = {},
): ExpenseReport {
  const groups = new Map<string, ExpenseReportRow & { amounts: number[] }>();
  let claimCount = 0;
  for (const claim of claims) {
    if (!counted.has(claim.status)) continue;
    const lines = claim.data.lines.filter((l) => (!range.from || l.date >= range.from) && (!range.to || l.date <= range.to));
    if (lines.length > 0) claimCount += 1;
    for (const line of lines) {
      const chargedTo = line.projectId ? (projectName(line.projectId) ?? 'A project you cannot see') : `Cost centre ${line.costCentre}`;
      const key = `${chargedTo}|${line.category}|${line.currency}`;
      const group = groups.get(key) ?? { chargedTo, category: line.category, categoryLabel: expenseCategoryLabels[line.category], currency: line.currency, amountMinor: 0, lines: 0, amounts: [] };
      group.amounts.push(line.amountMinor);
      group.lines += 1;
      groups.set(key, group);
    }
  }
  const order = (c: ExpenseCategory) => expenseCategories.indexOf(c);
  const rows = [...groups.values()]
    .map(({ amounts, ...row }) => ({ ...row, amountMinor: sumMinor(amounts) }))
    .sort((a, b) => a.chargedTo.localeCompare(b.chargedTo) || order(a.category) - order(b.category) || a.currency.localeCompare(b.currency));
  const totals = new Map<string, { currency: string; category: ExpenseCategory; categoryLabel: string; amounts: number[] }>();
  for (const row of rows) {
    const key = `${row.currency}|${row.category}`;
    const total = totals.get(key) ?? { currency: row.currency, category: row.category, categoryLabel: row.categoryLabel, amounts: [] };
    total.amounts.push(row.amountMinor);
    totals.set(key, total);
  }
  const byCategory = [...totals.values()]
    .map(({ amounts, ...t }) => ({ ...t, amountMinor: sumMinor(amounts) }))
    .sort((a, b) => a.currency.localeCompare(b.currency) || order(a.category) - order(b.category));
  return { from: range.from ?? null, to: range.to ?? null, rows, byCategory, claims: claimCount };
}

/** The report as export cells (register-export.ts's `toCsv` turns them into the file). */
export function expenseReportTable(report: ExpenseReport, place: FormatPlace = {}): { headers: string[]; rows: Cell[][] } {
  const text = (t: string): Cell => ({ text: t, type: 'text', value: t });
  return {
    headers: ['Charged to', 'Category', 'Lines', 'Amount', 'Currency'],
    rows: report.rows.map((r) => [
      text(r.chargedTo),
      text(r.categoryLabel),
      { text: String(r.lines), type: 'number', value: r.lines },
      { text: formatMoney(r.amountMinor, r.currency, place), type: 'money', value: majorAmount(r.amountMinor, r.currency), currency: r.currency },
      text(r.currency),
    ]),
  };
}

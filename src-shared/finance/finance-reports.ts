import { formatMoney, formatMonth, majorAmount, type FormatPlace } from '../format/display-format';
import type { Cell } from '../records/register-cells';
import type { BudgetStanding } from './budget-standing';
import { sumMinor } from './money';

/**
 * Finance's reports "cash received by month" and "budget versus actual per department and project",
 * as rows for the screens and as tables for CSV and Excel (the registers' exporters). Amounts in
 * different currencies are never added: a month has a row per currency, a budget is in its own
 * currency (costs in another currency are counted aside by the rollup and reported as such). Pure.
 */
export interface PaymentForCash {
  direction: 'incoming' | 'outgoing';
  isVoided: boolean;
  paidOn: string;
  amount: { amountMinor: number; currency: string };
}

export interface CashMonthRow {
  /** 'YYYY-MM'. */
  month: string;
  currency: string;
  receivedMinor: number;
  payments: number;
}

/** Money received (incoming payments not voided) per calendar month and currency, oldest month first. */
export function cashReceivedByMonth(payments: readonly PaymentForCash[]): CashMonthRow[] {
  const sums = new Map<string, { month: string; currency: string; amounts: number[] }>();
  for (const p of payments) {
    if (p.direction !== 'incoming' || p.isVoided) continue;
    const month = p.paidOn.slice(0, 7);
    const key = `${month}|${p.amount.currency}`;
    const row = sums.get(key) ?? { month, currency: p.amount.currency, amounts: [] };
    row.amounts.push(p.amount.amountMinor);
    sums.set(key, row);
  }
  return [...sums.values()]
    .map((r) => ({ month: r.month, currency: r.currency, receivedMinor: sumMinor(r.amounts), payments: r.amounts.length }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency));
}

export interface BudgetReportRow {
  budgetId: string;
  number: string;
  holderType: 'department' | 'project';
  /** "Project PCR-2026 PCR assay validation", "Department Quality control". */
  holderLabel: string;
  year: number;
  currency: string;
  plannedMinor: number;
  committedMinor: number;
  actualMinor: number;
  /** Planned − committed − actual; negative when overspent. */
  remainingMinor: number;
  percentUsed: number | null;
  /** Cost lines in another currency than the budget's, not in these sums. */
  unconverted: number;
}

/** Each current approved budget against its costs, departments first, then by name. */
export function budgetVersusActual(standings: readonly BudgetStanding[]): BudgetReportRow[] {
  return standings
    .map((s): BudgetReportRow => ({
      budgetId: s.budgetId, number: s.number, holderType: s.holderType,
      holderLabel: `${s.holderType === 'project' ? 'Project' : 'Department'} ${s.holderName}`.trim(),
      year: s.year, currency: s.currency, plannedMinor: s.plannedMinor, committedMinor: s.committedMinor, actualMinor: s.actualMinor,
      remainingMinor: s.plannedMinor - s.committedMinor - s.actualMinor, percentUsed: s.percentUsed, unconverted: s.unconverted,
    }))
    .sort((a, b) => a.holderType.localeCompare(b.holderType) || a.holderLabel.localeCompare(b.holderLabel) || a.year - b.year);
}

const text = (t: string): Cell => ({ text: t, type: 'text', value: t });
const money = (amountMinor: number, currency: string, place: FormatPlace): Cell => ({ text: formatMoney(amountMinor, currency, place), type: 'money', value: majorAmount(amountMinor, currency), currency });
const count = (n: number): Cell => ({ text: String(n), type: 'number', value: n });

export function cashReceivedTable(rows: readonly CashMonthRow[], place: FormatPlace = {}): { headers: string[]; rows: Cell[][] } {
  return {
    headers: ['Month', 'Currency', 'Payments', 'Received'],
    rows: rows.map((r) => [text(formatMonth(r.month, place)), text(r.currency), count(r.payments), money(r.receivedMinor, r.currency, place)]),
  };
}

export function budgetVersusActualTable(rows: readonly BudgetReportRow[], place: FormatPlace = {}): { headers: string[]; rows: Cell[][] } {
  return {
    headers: ['Budget', 'For', 'Year', 'Currency', 'Planned', 'Committed', 'Actual', 'Remaining', 'Used (%)', 'Costs in other currencies'],
    rows: rows.map((r) => [
      text(r.number), text(r.holderLabel), count(r.year), text(r.currency),
      money(r.plannedMinor, r.currency, place), money(r.committedMinor, r.currency, place), money(r.actualMinor, r.currency, place), money(r.remainingMinor, r.currency, place),
      r.percentUsed === null ? text('—') : count(r.percentUsed), count(r.unconverted),
    ]),
  };
}

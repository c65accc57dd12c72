import { ageingBuckets, ageingTotals, type AgeingRow } from '../../src-shared/finance/receivables';
import { formatMoney, majorAmount } from '../../src-shared/format/display-format';
import type { Cell } from '../../src-shared/records/register-cells';
import { toCsv } from '../../src-shared/records/register-export';

const text = (t: string): Cell => ({ text: t, type: 'text', value: t });
const money = (amountMinor: number, currency: string): Cell => ({ text: formatMoney(amountMinor, currency), type: 'money', value: majorAmount(amountMinor, currency), currency });

/**
 * The receivables ageing as CSV, written by the registers' exporter (register-export.ts: quoting,
 * CSV-injection guard, byte-order mark): a row per customer and currency, then a total per currency.
 */
export function ageingCsv(rows: readonly (AgeingRow & { customerName: string })[]): string {
  const headers = ['Customer', 'Currency', ...ageingBuckets.map((b) => b.label), 'Total'];
  const cells: Cell[][] = rows.map((r) => [text(r.customerName), text(r.currency), ...ageingBuckets.map((b) => money(r.buckets[b.id], r.currency)), money(r.totalMinor, r.currency)]);
  for (const currency of [...new Set(rows.map((r) => r.currency))].sort()) {
    const totals = ageingTotals(rows.filter((r) => r.currency === currency));
    cells.push([text('All customers'), text(currency), ...ageingBuckets.map((b) => money(totals[b.id], currency)), money(totals.totalMinor, currency)]);
  }
  return toCsv({ headers, rows: cells });
}

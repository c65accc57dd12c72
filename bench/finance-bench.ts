/**
 * Finance benchmark (issue 15), `npm run bench:finance`; the last line is one JSON object.
 *
 * Each measurement times the domain code the app runs, on generated data, against a reference
 * measured in the same run on the same data (so a slow machine moves both): the median of several
 * rounds after a warm-up. To add one, append an entry to `measurements` below; its fields are
 * merged into the result, and its goal into `goals`.
 *
 * - agingMs: receivables ageing over 50,000 issued invoices with payments and credit notes —
 *   outstanding, standing and buckets per customer and currency (receivables.ts), as the
 *   Receivables tab computes it. Reference: one plain pass adding each debt to its customer and currency.
 * - matchMs: suggested matches of a 5,000-line bank statement against 20,000 open invoices
 *   (statement-matching.ts). Reference: building one Map of the invoices and looking each line up.
 * - budgetRollupMs: budget versus actual over 200 projects with 100,000 cost lines
 *   (finance-budget-rollup.ts). Reference: one pass adding the same amounts by project.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { outstandingOf, receivablesAgeing, standingOf } from '../src-shared/finance/receivables';
import { measureBudgetRollup } from './finance-budget-rollup';
import { suggestMatches, type MatchableInvoice, type StatementLine } from '../src-shared/finance/statement-matching';

const round = (ms: number) => Math.round(ms * 100) / 100;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

/** A deterministic pseudo-random sequence (no Math.random: runs compare). */
function seeded(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return (state >>> 8) % n; // the high bits: an LCG's low bits repeat with a short period
  };
}

function medianMs<T>(rounds: number, run: () => T): { ms: number; last: T } {
  run(); // warm-up: JIT and caches
  const times: number[] = [];
  let last = run();
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    last = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, last };
}

const dayOf = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

interface Measurement {
  name: string;
  goals: Record<string, number>;
  run(): Record<string, unknown>;
}

const ageing: Measurement = {
  name: 'ageing',
  goals: { agingMs: 300 },
  run() {
    const INVOICES = 50_000;
    const next = seeded(15);
    const invoices = Array.from({ length: INVOICES }, (_, i) => {
      const totalMinor = 10_000 + next(5_000_000);
      return { id: `inv${i}`, customerId: `org${next(2_000)}`, currency: next(10) === 0 ? 'USD' : 'EUR', status: next(3) === 0 ? 'partly_paid' : 'issued', dueOn: dayOf(next(365)), totalMinor, paidMinor: next(2) === 0 ? next(totalMinor) : 0, creditedMinor: next(20) === 0 ? next(1_000) : 0 };
    });
    const today = '2026-12-31';
    const measured = medianMs(7, () => {
      const items = [];
      for (const i of invoices) {
        const outstandingMinor = outstandingOf(i);
        if (standingOf(i.status, i.dueOn, outstandingMinor, today) === 'paid') continue;
        items.push({ customerId: i.customerId, currency: i.currency, dueOn: i.dueOn, outstandingMinor });
      }
      return receivablesAgeing(items, today);
    });
    // The least any ageing does: one pass adding each debt to its customer and currency.
    const reference = medianMs(7, () => {
      const sums = new Map<string, number>();
      for (const i of invoices) sums.set(`${i.customerId}|${i.currency}`, (sums.get(`${i.customerId}|${i.currency}`) ?? 0) + Math.max(0, i.totalMinor - i.paidMinor - i.creditedMinor));
      return sums.size;
    });
    const owed = measured.last.reduce((sum, r) => sum + r.totalMinor, 0);
    if (owed !== invoices.reduce((sum, i) => sum + Math.max(0, i.totalMinor - i.paidMinor - i.creditedMinor), 0)) throw new Error('the ageing lost money');
    return { invoices: INVOICES, agingMs: round(measured.ms), agingReferenceMs: round(reference.ms), agingRatio: ratio(measured.ms, reference.ms), ageingRows: measured.last.length };
  },
};

const matching: Measurement = {
  name: 'matching',
  goals: { matchMs: 2000 },
  run() {
    const OPEN = 20_000;
    const LINES = 5_000;
    const next = seeded(42);
    const invoices: MatchableInvoice[] = Array.from({ length: OPEN }, (_, i) => ({
      id: `inv${i}`, number: `INV-2026-${String(i + 1).padStart(5, '0')}`, customerId: `org${i % 3_000}`, customerName: `Customer ${i % 3_000} GmbH`, currency: 'EUR', outstandingMinor: 1_000 + next(200_000), dueOn: dayOf(next(365)),
    }));
    // A third name the invoice in the reference, a third pay an amount some invoice owes, a third neither.
    const lines: StatementLine[] = Array.from({ length: LINES }, (_, i) => {
      const invoice = invoices[next(OPEN)]!;
      const kind = i % 3;
      const reference = kind === 0 ? `Payment ${invoice.number.replace(/-/g, ' ')} thank you` : `Transfer ${next(1_000_000)}`;
      const amountMinor = kind === 2 ? 1 + next(500_000) : invoice.outstandingMinor;
      return { key: `l${i}`, line: i + 2, bookedOn: '2026-12-01', amountMinor, currency: 'EUR', reference, counterparty: kind === 1 ? invoice.customerName : '' };
    });
    const measured = medianMs(5, () => suggestMatches(lines, invoices));
    const reference = medianMs(5, () => {
      const byNumber = new Map(invoices.map((i) => [i.number, i]));
      let found = 0;
      for (const line of lines) if (byNumber.has(line.reference)) found++;
      return found;
    });
    const suggested = [...measured.last.values()].filter((s) => s.length > 0).length;
    const byReference = [...measured.last.values()].filter((s) => s[0]?.reason === 'reference_and_amount').length;
    if (byReference < LINES / 3 - 1) throw new Error(`only ${byReference} lines matched by their reference`);
    return { statementLines: LINES, openInvoices: OPEN, matchMs: round(measured.ms), matchReferenceMs: round(reference.ms), matchRatio: ratio(measured.ms, reference.ms), linesWithSuggestions: suggested, linesMatchedByReference: byReference };
  },
};

const budgetRollup: Measurement = { name: 'budget rollup', goals: { budgetRollupMs: 500 }, run: measureBudgetRollup };

const measurements: Measurement[] = [ageing, matching, budgetRollup];

const result: Record<string, unknown> = {};
const goals: Record<string, number> = {};
for (const m of measurements) {
  Object.assign(result, m.run());
  Object.assign(goals, m.goals);
}
process.stdout.write(`${JSON.stringify({ ...result, loadAverage: round(os.loadavg()[0] ?? 0), goals })}\n`);

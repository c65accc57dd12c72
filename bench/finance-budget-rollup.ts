/**
 * Budget versus actual over 200 projects with 100,000 cost lines (issue 15, goal ≤ 500 ms):
 * 60,000 logged time entries costed at dated rates, 30,000 approved expense lines and 10,000
 * committed purchase order lines, rolled up per project and category with the 80 % / 100 %
 * warnings (src-shared/finance/budget-rollup.ts). The reference, measured in the same run, is the
 * least such a report can do: one pass adding the same 100,000 amounts into a map by project.
 * Median of 7 runs after a warm-up. One of `npm run bench:finance`'s measurements (finance-bench.ts).
 */
import { performance } from 'node:perf_hooks';
import { costLinesOfTime, rollUpBudgets, type BudgetPlan, type CostLine } from '../src-shared/finance/budget-rollup';
import type { HourlyRate } from '../src-shared/projects/budget';
import { budgetCategorySchema } from '../src-shared/projects/plan-item-model';

const PROJECTS = 200;
const TIME_ENTRIES = 60_000;
const EXPENSE_LINES = 30_000;
const ORDER_LINES = 10_000;
const PEOPLE = 150;
const RUNS = 7;

// A fixed pseudo-random sequence, so every run measures the same data.
let seed = 42;
const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const categories = budgetCategorySchema.options;
const projectIds = Array.from({ length: PROJECTS }, (_, i) => `P${i}`);

function median(run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Budget versus actual, timed against its reference on the same data. */
export function measureBudgetRollup(): Record<string, number> {
  const plans: BudgetPlan[] = projectIds.map((holder) => ({ holder, currency: 'EUR', lines: categories.map((category) => ({ category, plannedMinor: 1_000_000 + Math.floor(next() * 5_000_000) })) }));
  const rates: HourlyRate[] = Array.from({ length: PEOPLE }, (_, i) => [
    { personId: `E${i}`, hourlyRateMinor: 4_000 + i * 10, currency: 'EUR' },
    { personId: `E${i}`, hourlyRateMinor: 4_500 + i * 10, currency: 'EUR', validFrom: '2026-07-01' },
  ]).flat();
  const day = (n: number) => `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const entries = Array.from({ length: TIME_ENTRIES }, (_, i) => ({ projectId: pick(projectIds), personId: `E${i % PEOPLE}`, date: day(i), hours: 0.25 * (1 + Math.floor(next() * 32)) }));
  const others: CostLine[] = [
    ...Array.from({ length: EXPENSE_LINES }, (): CostLine => ({ holder: pick(projectIds), category: pick(['travel', 'consumables', 'services', 'other'] as const), amountMinor: 500 + Math.floor(next() * 50_000), currency: next() < 0.02 ? 'USD' : 'EUR', state: 'actual' })),
    ...Array.from({ length: ORDER_LINES }, (): CostLine => ({ holder: pick(projectIds), category: pick(['equipment', 'consumables'] as const), amountMinor: 10_000 + Math.floor(next() * 500_000), currency: 'EUR', state: 'committed' })),
  ];


  let warnings = 0;
  const rollupMs = median(() => {
    const report = rollUpBudgets(plans, [...costLinesOfTime(entries, rates), ...others]);
    warnings = report.filter((r) => r.warning !== null).length;
  });
  const referenceAmounts = [...entries.map((e) => ({ holder: e.projectId, amountMinor: Math.floor(e.hours * 4_000) })), ...others];
  let referenceTotal = 0;
  const referenceMs = median(() => {
    const sums = new Map<string, number>();
    for (const line of referenceAmounts) sums.set(line.holder, (sums.get(line.holder) ?? 0) + line.amountMinor);
    referenceTotal = sums.size;
  });

  return {
    projects: PROJECTS,
    costLines: TIME_ENTRIES + EXPENSE_LINES + ORDER_LINES,
    budgetRollupMs: round(rollupMs),
    budgetRollupReferenceMs: round(referenceMs),
    budgetRollupRatio: round(rollupMs / referenceMs),
    projectsWarned: warnings,
    referenceProjects: referenceTotal,
  };
}

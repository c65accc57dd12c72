import { budgetCategorySchema, type BudgetCategory } from '../projects/plan-item-model';
import type { HourlyRate } from '../projects/budget';
import { budgetCategoryOfExpense } from './expense-categories';
import type { ExpenseClaimData } from './expense-claim-kind';
import { divideRounded, minorUnits } from './money';

/**
 * Budget versus actual over many budget holders (projects, departments, cost centres) in one pass:
 * what each holder planned per category, what is committed (purchase orders sent, not yet
 * invoiced) and what is actually spent (time × cost rates, approved expense claims, supplier
 * invoices), with a warning at 80 % and at 100 % of plan. Integer minor units in the holder's
 * budget currency; a cost line in another currency is converted at finance's exchange rate on its
 * day (`convertCost`, half to even since many are summed) or, without a rate, counted aside
 * (`unconverted`), never added as it is. Pure.
 */
export interface CostLine {
  /** The budget holder: a project id, a department id or a cost centre. */
  holder: string;
  category: BudgetCategory;
  amountMinor: number;
  currency: string;
  state: 'actual' | 'committed';
  /** The day the cost arose, for converting it at that day's exchange rate. */
  date?: string;
}

export interface BudgetPlan {
  holder: string;
  currency: string;
  lines: readonly { category: BudgetCategory; plannedMinor: number }[];
}

export type BudgetThreshold = 80 | 100;

export interface CategoryRollup {
  category: BudgetCategory;
  plannedMinor: number;
  committedMinor: number;
  actualMinor: number;
}

export interface HolderRollup {
  holder: string;
  currency: string;
  plannedMinor: number;
  committedMinor: number;
  actualMinor: number;
  /** Committed + actual ÷ planned, in whole percent rounded down; null when nothing was planned. */
  percentUsed: number | null;
  /** 80 once committed + actual reach 80 % of plan, 100 once they reach it. */
  warning: BudgetThreshold | null;
  categories: CategoryRollup[];
  /** Cost lines in another currency than the budget's with no exchange rate for their day, left out of the sums. */
  unconverted: number;
}

/** Which threshold committed + actual have reached: integer comparisons, so 80 % is 80 % exactly. */
export function thresholdReached(plannedMinor: number, usedMinor: number): BudgetThreshold | null {
  if (plannedMinor <= 0) return usedMinor > 0 ? 100 : null;
  if (usedMinor >= plannedMinor) return 100;
  if (BigInt(usedMinor) * 100n >= BigInt(plannedMinor) * 80n) return 80;
  return null;
}

/** A cost in another currency as minor units of `to` (finance's exchange rate on its day), or null when no rate applies. */
export type CostConverter = (cost: CostLine, to: string) => number | null;

export function rollUpBudgets(plans: readonly BudgetPlan[], costs: readonly CostLine[], convertCost: CostConverter = () => null): HolderRollup[] {
  const categoryIndex = new Map(budgetCategorySchema.options.map((c, i) => [c, i]));
  const width = budgetCategorySchema.options.length;
  const holders = new Map<string, { plan: BudgetPlan; planned: number[]; committed: number[]; actual: number[]; unconverted: number }>();
  for (const plan of plans) {
    const planned = new Array<number>(width).fill(0);
    for (const line of plan.lines) planned[categoryIndex.get(line.category)!]! += line.plannedMinor;
    holders.set(plan.holder, { plan, planned, committed: new Array<number>(width).fill(0), actual: new Array<number>(width).fill(0), unconverted: 0 });
  }
  for (const cost of costs) {
    const sums = holders.get(cost.holder);
    if (!sums) continue;
    const amountMinor = cost.currency === sums.plan.currency ? cost.amountMinor : convertCost(cost, sums.plan.currency);
    if (amountMinor === null) {
      sums.unconverted += 1;
      continue;
    }
    (cost.state === 'actual' ? sums.actual : sums.committed)[categoryIndex.get(cost.category)!]! += amountMinor;
  }
  return [...holders.values()].map(({ plan, planned, committed, actual, unconverted }) => {
    const total = (list: number[]) => minorUnits(list.reduce((s, v) => s + v, 0));
    const plannedMinor = total(planned);
    const committedMinor = total(committed);
    const actualMinor = total(actual);
    const used = committedMinor + actualMinor;
    return {
      holder: plan.holder,
      currency: plan.currency,
      plannedMinor,
      committedMinor,
      actualMinor,
      percentUsed: plannedMinor > 0 ? Number((BigInt(used) * 100n) / BigInt(plannedMinor)) : null,
      warning: thresholdReached(plannedMinor, used),
      categories: budgetCategorySchema.options
        .map((category, i) => ({ category, plannedMinor: planned[i]!, committedMinor: committed[i]!, actualMinor: actual[i]! }))
        .filter((c) => c.plannedMinor !== 0 || c.committedMinor !== 0 || c.actualMinor !== 0),
      unconverted,
    };
  });
}

/** Approved and reimbursed claims' lines as actual costs of their project (else their cost centre). */
export function costLinesOfClaims(claims: readonly { status: string; data: ExpenseClaimData }[]): CostLine[] {
  return claims
    .filter((c) => c.status === 'approved' || c.status === 'reimbursed')
    .flatMap((c) => c.data.lines.map((l): CostLine => ({ holder: l.projectId ?? l.costCentre, category: budgetCategoryOfExpense[l.category], amountMinor: l.amountMinor, currency: l.currency, state: 'actual', date: l.date })));
}

/**
 * Logged hours × the person's cost rate on that day (the rate from `validFrom` until the next), as
 * personnel costs of the project: minutes summed per project and rate, money rounded once per
 * sum, as src-shared/projects/budget.ts does for one project. Hours without a rate are left out.
 */
export function costLinesOfTime(entries: readonly { projectId: string; personId: string; date: string; hours: number }[], rates: readonly HourlyRate[]): CostLine[] {
  const byPerson = new Map<string, HourlyRate[]>();
  for (const r of rates) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  for (const list of byPerson.values()) list.sort((x, y) => ((x.validFrom ?? '') < (y.validFrom ?? '') ? -1 : 1));
  const rateIds = new Map(rates.map((r, i) => [r, i]));
  const minutes = new Map<string, { projectId: string; rate: HourlyRate; minutes: number }>();
  for (const e of entries) {
    const rate = (byPerson.get(e.personId) ?? []).findLast((r) => (r.validFrom ?? '') <= e.date);
    if (!rate) continue;
    const key = `${e.projectId}|${rateIds.get(rate)}`;
    const sum = minutes.get(key) ?? { projectId: e.projectId, rate, minutes: 0 };
    // Whole minutes per entry, as the project's own budget counts them: time, not money, so plain
    // rounding is right here (and keeps 100,000 entries fast); money is rounded once below.
    // eslint-disable-next-line no-restricted-syntax -- minutes, not an amount
    sum.minutes += Math.round(e.hours * 60);
    minutes.set(key, sum);
  }
  return [...minutes.values()].map(({ projectId, rate, minutes: m }) => ({
    holder: projectId, category: 'personnel', amountMinor: minorUnits(divideRounded(BigInt(m) * BigInt(rate.hourlyRateMinor), 60n)), currency: rate.currency, state: 'actual',
  }));
}

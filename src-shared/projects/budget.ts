import { ErrorCode } from '../core/error-codes';
import { fail, ok, type Result } from '../core/result';
import type { Money } from './document-fields';
import { budgetCategorySchema, type BudgetCategory, type BudgetLine } from './plan-item-model';

/** A person's cost rate per hour from `validFrom` (inclusive) until the next rate starts; without `validFrom`, from always. */
export interface HourlyRate {
  personId: string;
  hourlyRateMinor: number;
  currency: string;
  validFrom?: string;
}

/** Logged hours to cost (an `activity` time entry on the project). */
export interface CostedTime {
  personId: string;
  date: string;
  hours: number;
}

export interface BudgetQuery {
  /** The project's budget; without it, the sum of the budget lines' planned amounts is the budget. */
  budget?: Money;
  lines: readonly BudgetLine[];
  timeEntries: readonly CostedTime[];
  rates: readonly HourlyRate[];
}

/** 80: costs reached 80% of the budget; 100: they reached or passed it. */
export type BudgetWarningThreshold = 80 | 100;

export interface BudgetWarning {
  threshold: BudgetWarningThreshold;
  message: string;
}

export interface BudgetFigures {
  plannedMinor: number;
  actualMinor: number;
  /** Planned minus actual: positive while under budget, negative once over. */
  varianceMinor: number;
  /** Actual ÷ planned in percent (one decimal); null when nothing was planned. */
  percentUsed: number | null;
  isOverBudget: boolean;
  warning: BudgetWarning | null;
}

export interface CategoryBudget extends BudgetFigures {
  category: BudgetCategory;
}

export interface BudgetReport extends BudgetFigures {
  currency: string;
  /** Time entries × rates; counted in the `personnel` category. */
  labourMinor: number;
  /** Costs recorded on budget lines. */
  recordedCostsMinor: number;
  categories: CategoryBudget[];
  /** Hours that could not be costed because the person had no rate on that day. */
  unratedHours: number;
  unratedPersonIds: string[];
}

/**
 * Budget against actual costs: labour (logged hours × the person's rate on that day) plus the costs
 * recorded on budget lines, per category and in total, with a warning at 80% and at 100% of plan.
 * All amounts are integer minor units in one currency; mixing currencies is refused, not converted.
 */
export function budgetVsActual(query: BudgetQuery): Result<BudgetReport> {
  const currency = query.budget?.currency ?? query.lines[0]?.data.planned.currency;
  if (currency === undefined) return fail(ErrorCode.invalid_input, 'Set a budget or add budget lines first.', { field: 'budget' });
  const foreignLine = query.lines.find((l) => l.data.planned.currency !== currency || l.data.actual.currency !== currency);
  if (foreignLine) {
    return fail(ErrorCode.invalid_input, `Budget line "${foreignLine.title}" is not in ${currency}.`, { field: 'lines', details: { lineId: foreignLine.id } });
  }

  const labour = costTime(query.timeEntries, query.rates);
  const foreignRate = labour.usedRates.find((r) => r.currency !== currency);
  if (foreignRate) {
    return fail(ErrorCode.invalid_input, `A cost rate is in ${foreignRate.currency}, the budget in ${currency}.`, { field: 'rates', details: { personId: foreignRate.personId } });
  }

  const planned = new Map<BudgetCategory, number>();
  const actual = new Map<BudgetCategory, number>();
  for (const line of query.lines) {
    planned.set(line.data.category, (planned.get(line.data.category) ?? 0) + line.data.planned.amountMinor);
    actual.set(line.data.category, (actual.get(line.data.category) ?? 0) + line.data.actual.amountMinor);
  }
  if (labour.costMinor > 0) actual.set('personnel', (actual.get('personnel') ?? 0) + labour.costMinor);

  const categories = budgetCategorySchema.options
    .filter((c) => planned.has(c) || actual.has(c))
    .map((category): CategoryBudget => ({ category, ...figures(planned.get(category) ?? 0, actual.get(category) ?? 0, category) }));

  const recordedCostsMinor = query.lines.reduce((s, l) => s + l.data.actual.amountMinor, 0);
  const budgetMinor = query.budget?.amountMinor ?? query.lines.reduce((s, l) => s + l.data.planned.amountMinor, 0);
  return ok({
    currency,
    ...figures(budgetMinor, labour.costMinor + recordedCostsMinor, null),
    labourMinor: labour.costMinor,
    recordedCostsMinor,
    categories,
    unratedHours: labour.unratedHours,
    unratedPersonIds: labour.unratedPersonIds,
  });
}

function figures(plannedMinor: number, actualMinor: number, category: BudgetCategory | null): BudgetFigures {
  const percentUsed = plannedMinor > 0 ? Math.round((actualMinor / plannedMinor) * 1000) / 10 : null;
  // Integer comparisons, so 80% is 80% exactly and not a float that lands a hair below it.
  const threshold: BudgetWarningThreshold | null =
    actualMinor > 0 && actualMinor >= plannedMinor ? 100 : plannedMinor > 0 && actualMinor * 100 >= plannedMinor * 80 ? 80 : null;
  const what = category === null ? 'the budget' : `the ${category} budget`;
  const warning =
    threshold === null
      ? null
      : {
          threshold,
          message:
            actualMinor > plannedMinor
              ? `Costs exceed ${what}${percentUsed === null ? '' : ` (${percentUsed}% used)`}.`
              : `Costs have reached ${percentUsed}% of ${what}.`,
        };
  return { plannedMinor, actualMinor, varianceMinor: plannedMinor - actualMinor, percentUsed, isOverBudget: actualMinor > plannedMinor, warning };
}

function costTime(entries: readonly CostedTime[], rates: readonly HourlyRate[]) {
  const ratesByPerson = new Map<string, HourlyRate[]>();
  for (const r of rates) {
    const list = ratesByPerson.get(r.personId);
    if (list) list.push(r);
    else ratesByPerson.set(r.personId, [r]);
  }
  // ISO dates sort as plain strings; a rate without `validFrom` ('') sorts first.
  for (const list of ratesByPerson.values()) list.sort((x, y) => ((x.validFrom ?? '') < (y.validFrom ?? '') ? -1 : 1));

  // Sum whole minutes per rate and round money once per rate, so many small entries do not pile up rounding error.
  const minutesByRate = new Map<HourlyRate, number>();
  let unratedMinutes = 0;
  const unrated = new Set<string>();
  for (const entry of entries) {
    const minutes = Math.round(entry.hours * 60);
    const rate = (ratesByPerson.get(entry.personId) ?? []).filter((r) => (r.validFrom ?? '') <= entry.date).at(-1);
    if (rate) minutesByRate.set(rate, (minutesByRate.get(rate) ?? 0) + minutes);
    else {
      unratedMinutes += minutes;
      unrated.add(entry.personId);
    }
  }
  let costMinor = 0;
  for (const [rate, minutes] of minutesByRate) costMinor += Math.round((minutes * rate.hourlyRateMinor) / 60);
  return { costMinor, usedRates: [...minutesByRate.keys()], unratedHours: unratedMinutes / 60, unratedPersonIds: [...unrated] };
}

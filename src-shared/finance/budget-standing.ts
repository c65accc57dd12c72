import type { HourlyRate } from '../projects/budget';
import type { BudgetData } from './budget-kind';
import { plannedByCategory } from './budget-lines';
import { costLinesOfClaims, costLinesOfTime, rollUpBudgets, type BudgetPlan, type CostConverter, type CostLine, type HolderRollup } from './budget-rollup';
import { convert, rateOn, type ExchangeRate } from './exchange-rate';
import { money } from './money';
import type { ExpenseClaimData } from './expense-claim-kind';

/**
 * Where each approved budget stands: the latest approved version per holder and year, against the
 * year's costs of that holder through the one rollup (budget-rollup.ts). Costs are dated, budgets
 * yearly, so a cost's holder is `<holder>|<year>`: a project's costs are time on it (× cost rates)
 * and claim lines naming it; a department's are claim lines on its cost centre (its code). Purchase
 * orders (committed) and supplier invoices come in as further `CostLine`s of the same shape. Pure.
 */
export interface BudgetOnRecord {
  id: string;
  number: string;
  status: string;
  data: BudgetData;
}

export interface BudgetStanding extends HolderRollup {
  budgetId: string;
  number: string;
  holderType: BudgetData['holder'];
  /** The project's or the department's id. */
  holderId: string;
  /** The project's code and name or the department's name, as the budget names it. */
  holderName: string;
  year: number;
  version: number;
}

export interface BudgetCosts {
  timeEntries: readonly { projectId: string; personId: string; date: string; hours: number }[];
  /** Cost rates of each project's people (a project's rates price time on that project). */
  ratesByProject: ReadonlyMap<string, readonly HourlyRate[]>;
  claims: readonly { status: string; data: ExpenseClaimData }[];
  /** Department id → its code, which claims name as their cost centre. */
  departmentCodes: ReadonlyMap<string, string>;
  /** Committed and other costs already keyed `<holder>|<year>` (purchase orders, supplier invoices). */
  more?: readonly CostLine[];
  /** Finance's exchange rates: a cost in another currency than its budget's is converted at the rate on its day. */
  rates?: readonly ExchangeRate[];
}

const holderIdOf = (d: BudgetData): string => (d.holder === 'project' ? (d.projectId ?? '') : (d.departmentId ?? ''));
const yearly = (holder: string, date: string) => `${holder}|${date.slice(0, 4)}`;

/** Approved budgets only, the highest version per holder and year (an earlier version is history). */
export function currentBudgets(budgets: readonly BudgetOnRecord[]): BudgetOnRecord[] {
  const latest = new Map<string, BudgetOnRecord>();
  for (const b of budgets) {
    if (b.status !== 'approved') continue;
    const key = `${b.data.holder}|${holderIdOf(b.data)}|${b.data.year}`;
    const seen = latest.get(key);
    if (!seen || seen.data.version < b.data.version) latest.set(key, b);
  }
  return [...latest.values()];
}

/**
 * Approved budgets a later approved (or closed) version of the same holder and year replaces: shown
 * as superseded, never counted. Derived, not stored — the revision's approval is the workflow's
 * write on the revision, and the old version stays as it was approved.
 */
export function supersededBudgetIds(budgets: readonly { id: string; status: string; data: Pick<BudgetData, 'holder' | 'projectId' | 'departmentId' | 'year' | 'version'> }[]): Set<string> {
  const keyOf = (d: Pick<BudgetData, 'holder' | 'projectId' | 'departmentId' | 'year'>) => `${d.holder}|${d.holder === 'project' ? (d.projectId ?? '') : (d.departmentId ?? '')}|${d.year}`;
  const latest = new Map<string, number>();
  for (const b of budgets) if (b.status === 'approved' || b.status === 'closed') latest.set(keyOf(b.data), Math.max(latest.get(keyOf(b.data)) ?? 0, b.data.version));
  return new Set(budgets.filter((b) => b.status === 'approved' && b.data.version < (latest.get(keyOf(b.data)) ?? 0)).map((b) => b.id));
}

/** Converts a cost at the rate of its day (else the end of its budget year), half to even: many converted costs are summed. */
export function converterOf(rates: readonly ExchangeRate[]): CostConverter {
  return (cost, to) => {
    const rate = rateOn(rates, cost.currency, to, cost.date ?? `${cost.holder.slice(cost.holder.lastIndexOf('|') + 1)}-12-31`);
    return rate ? convert(money(cost.amountMinor, cost.currency), rate, 'half_even').amountMinor : null;
  };
}

export function budgetStandings(budgets: readonly BudgetOnRecord[], costs: BudgetCosts): BudgetStanding[] {
  const current = currentBudgets(budgets);
  const departmentOfCode = new Map([...costs.departmentCodes].map(([id, code]) => [code, id]));
  const plans: BudgetPlan[] = current.map((b) => ({ holder: `${holderIdOf(b.data)}|${b.data.year}`, currency: b.data.total.currency, lines: plannedByCategory(b.data.lines) }));
  const time = [...costs.ratesByProject].flatMap(([projectId, rates]) =>
    costLinesOfTime(costs.timeEntries.filter((e) => e.projectId === projectId).map((e) => ({ ...e, projectId: yearly(projectId, e.date) })), rates));
  const claims = costs.claims.map((c) => ({
    status: c.status,
    data: { ...c.data, lines: c.data.lines.map((l) => ({ ...l, ...(l.projectId ? { projectId: yearly(l.projectId, l.date) } : {}), costCentre: yearly(departmentOfCode.get(l.costCentre) ?? l.costCentre, l.date) })) },
  }));
  const rollups = new Map(rollUpBudgets(plans, [...time, ...costLinesOfClaims(claims), ...(costs.more ?? [])], converterOf(costs.rates ?? [])).map((r) => [r.holder, r]));
  return current.flatMap((b) => {
    const rollup = rollups.get(`${holderIdOf(b.data)}|${b.data.year}`);
    return rollup ? [{ ...rollup, budgetId: b.id, number: b.number, holderType: b.data.holder, holderId: holderIdOf(b.data), holderName: b.data.holderName, year: b.data.year, version: b.data.version }] : [];
  });
}

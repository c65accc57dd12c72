import { budgetStandings } from '../../src-shared/finance/budget-standing';
import { BUDGET_WARNING, budgetWarningReminders } from '../../src-shared/finance/budget-warnings';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { budgetCostsOf, storedBudgets } from './budget-costs';

/**
 * The 80 % / 100 % budget warnings (src-shared/finance/budget-warnings.ts) to the project manager
 * and the budget's holder, from where every approved budget stands on this PC. Derived in full on
 * each change of records (budgets, claims, orders), time (activity) and projects (cost rates,
 * managers): the standing is one pass over the year's costs (bench:finance `budgetRollupMs`).
 */
export function createBudgetWarningRule(): ReminderRule {
  return {
    kind: BUDGET_WARNING,
    watches: ['records', 'activity', 'projects'],
    async derive(db, now) {
      const all = (await storedBudgets(db)).map((r) => r.budget);
      const approved = all.filter((b) => b.status === 'approved');
      if (approved.length === 0) return [];
      const standings = budgetStandings(approved, await budgetCostsOf(db, approved));
      const projectIds = [...new Set(standings.flatMap((s) => (s.holderType === 'project' ? [s.holderId] : [])))];
      const projects = projectIds.length > 0 ? await db.projects.findByIds(projectIds).exec() : new Map();
      const byId = new Map(approved.map((b) => [b.id, b]));
      return budgetWarningReminders(
        standings.map((s) => {
          const budget = byId.get(s.budgetId);
          const manager = s.holderType === 'project' ? (projects.get(s.holderId)?.get('ownerId') as string | undefined) : undefined;
          const title = `Budget ${s.year}${budget?.data.holderName ? ` of ${budget.data.holderName}` : ''}`;
          return { ...s, title, recipientIds: [...(manager ? [manager] : []), ...(budget ? [budget.data.personId] : [])] };
        }),
        now,
      );
    },
  };
}

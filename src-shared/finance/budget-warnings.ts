import { formatMoney } from '../format/display-format';
import { recordTextPlace } from '../hr/hr-who';
import { reminder, type DueReminder } from '../scheduler/reminder';
import type { BudgetStanding } from './budget-standing';

export const BUDGET_WARNING = 'budget_threshold';

/**
 * The 80 % and 100 % warnings of approved budgets as reminders for the project manager and the
 * budget's holder. A reminder's key names the budget, its version, the threshold and the person, so
 * each fires exactly once per threshold and budget version, across restarts and PCs (the
 * scheduler's firing id is the reminder's id); a revision (a new budget record, one version up)
 * warns afresh. Both thresholds of one budget and person are one series: reached together (the
 * host was off, or one order crossed both), only the 100 % warning is sent. Costs falling back
 * below a threshold and rising again do not warn twice. Pure: `now` is the round's time, the due
 * time of a warning that is due as soon as it is seen.
 */
export function budgetWarningReminders(standings: readonly (BudgetStanding & { title: string; recipientIds: readonly string[] })[], now: Date): DueReminder[] {
  const at = now.toISOString();
  return standings.flatMap((s) => {
    if (!s.warning) return [];
    const thresholds = s.warning === 100 ? ([80, 100] as const) : ([80] as const);
    const used = formatMoney(s.committedMinor + s.actualMinor, s.currency, recordTextPlace);
    const planned = formatMoney(s.plannedMinor, s.currency, recordTextPlace);
    return [...new Set(s.recipientIds)].flatMap((recipientId) =>
      thresholds.map((threshold) =>
        reminder({
          // Zero-padded, so of two warnings due together the 100 % one sorts last and is the one kept.
          key: `${BUDGET_WARNING}:${s.budgetId}:v${s.version}:p${String(threshold).padStart(3, '0')}:${recipientId}`,
          kind: BUDGET_WARNING,
          series: `${BUDGET_WARNING}:${s.budgetId}:${recipientId}`,
          dueAt: at,
          recipientId,
          event: 'budget_threshold',
          subject: threshold === 100 ? `Budget ${s.number} is used up` : `Budget ${s.number} is 80 % used`,
          body: `${s.title}: ${used} committed and spent of ${planned}${threshold === 100 ? '.' : ` (${s.percentUsed ?? 0} %).`}`,
          link: { section: 'records', itemId: s.budgetId },
          about: s.budgetId,
        }),
      ),
    );
  });
}

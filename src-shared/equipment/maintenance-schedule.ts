import { hashId } from '../core/hash-id';
import { addDays } from '../projects/plan-dates';
import { addInterval, type Interval } from './interval';

/**
 * Preventive maintenance on a fixed cadence: a plan's first work order is due on its first due date,
 * each later one an interval after the previous one's due date (so a late job does not push the
 * calendar). The scheduler creates the work order `leadDays` before it is due, with an id made
 * from the plan and the due date, so it is created exactly once — across restarts and PCs. When
 * LabFlow was not running through several due dates, only the latest is created (the gap shows in
 * the history). Pure.
 */

export interface MaintenancePlanFacts {
  id: string;
  isActive: boolean;
  firstDueDate: string;
  interval: Interval;
  leadDays: number;
}

export interface PreventiveOrderFacts {
  planId: string;
  dueDate: string;
}

/** The deterministic id of the preventive work order of `planId` due on `dueDate`. */
export const preventiveWorkOrderId = (planId: string, dueDate: string): string => hashId('wo', `${planId}|${dueDate}`);

/** The due date of the plan's next work order not yet created. */
export function nextMaintenanceDue(plan: MaintenancePlanFacts, orders: readonly PreventiveOrderFacts[]): string {
  const latest = orders.filter((o) => o.planId === plan.id).map((o) => o.dueDate).sort().at(-1);
  return latest ? addInterval(latest, plan.interval) : plan.firstDueDate;
}

/** The work order to create now (its due date), or null when none is due for creation yet. */
export function preventiveOrderToCreate(plan: MaintenancePlanFacts, orders: readonly PreventiveOrderFacts[], today: string): { dueDate: string; createOn: string } | null {
  if (!plan.isActive) return null;
  let dueDate = nextMaintenanceDue(plan, orders);
  if (addDays(dueDate, -plan.leadDays) > today) return null;
  // Skip due dates missed while nobody ran LabFlow: the latest one whose creation day has come.
  for (let guard = 0; guard < 10_000; guard++) {
    const next = addInterval(dueDate, plan.interval);
    if (addDays(next, -plan.leadDays) > today) break;
    dueDate = next;
  }
  return { dueDate, createOn: addDays(dueDate, -plan.leadDays) };
}

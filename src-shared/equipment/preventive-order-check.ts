import type { InvariantInput, InvariantProblem, RecordReads } from '../records/record-kind';
import { isSameValue } from '../sync/conflicts';
import { addInterval, dateOf } from './interval';
import { nextMaintenanceDue, preventiveOrderToCreate, preventiveWorkOrderId, type MaintenancePlanFacts, type PreventiveOrderFacts } from './maintenance-schedule';
import type { MaintenancePlanData } from './maintenance-plan-kind';
import type { WorkOrderData } from './work-order-kind';

/**
 * The sync server's judgement of a preventive work order a PC pushes as LabFlow's own write (the
 * scheduler's, src-main/equipment/maintenance-order-rule.ts): a new order exactly as the plan says
 * it — the id its plan and due date give, the plan's name, tasks and assignee — for the plan's next
 * due date whose creation day has come on the server's clock. One the server's clock has not reached
 * yet waits (the PC's clock may run ahead); anything else is refused. Pure.
 */

type Doc = Record<string, unknown>;

const refuse = (message: string): InvariantProblem => ({ message });

/** What the judgement reads: the plan, and the instrument's other work orders. */
export const preventiveOrderReads = (d: WorkOrderData): RecordReads => ({
  ids: d.planId ? [{ collection: 'records', id: d.planId }] : [],
  byParent: [{ kind: 'work_order', parentId: d.equipmentId }],
});

const preventiveFacts = (orders: readonly Doc[]): PreventiveOrderFacts[] =>
  orders.flatMap((o) => {
    const d = (o.data ?? {}) as { planId?: unknown; dueDate?: unknown };
    return typeof d.planId === 'string' && typeof d.dueDate === 'string' ? [{ planId: d.planId, dueDate: d.dueDate }] : [];
  });

/** Whether `dueDate` is one of the plan's due dates from its next one on (a later date the server's clock has not reached). */
function isLaterOnCadence(plan: MaintenancePlanFacts, orders: readonly PreventiveOrderFacts[], dueDate: string): boolean {
  let date = nextMaintenanceDue(plan, orders);
  for (let guard = 0; guard < 10_000 && date < dueDate; guard++) date = addInterval(date, plan.interval);
  return date === dueDate;
}

export function preventiveOrderProblem({ record, previous, lookup, now }: InvariantInput<WorkOrderData>): InvariantProblem | null {
  const d = record.data;
  if (previous) return refuse('LabFlow itself opens preventive work orders; it never changes one.');
  if (d.type !== 'preventive' || !d.planId || !d.dueDate) return refuse('LabFlow itself opens only preventive work orders from a maintenance plan.');
  if (record.id !== preventiveWorkOrderId(d.planId, d.dueDate)) return refuse('This work order does not carry the id its maintenance plan and due date give it.');
  const plan = lookup.get('records', d.planId);
  if (!plan) return { message: 'The maintenance plan of this work order has not reached the sync server yet.', isWaiting: true };
  const planData = (plan.data ?? {}) as MaintenancePlanData;
  if (plan.kind !== 'maintenance_plan' || plan.status !== 'active' || planData.equipmentId !== d.equipmentId) {
    return refuse('This work order’s maintenance plan is not an active plan of its instrument.');
  }
  const tasks = (planData.tasks ?? []).map((text) => ({ text, isDone: false }));
  if (d.summary !== planData.name || d.assigneeId !== (planData.assigneeId ?? d.custodianId) || !isSameValue(d.tasks, tasks) || record.status !== 'open') {
    return refuse('This work order is not the one its maintenance plan describes.');
  }
  const facts: MaintenancePlanFacts = { id: d.planId, isActive: true, firstDueDate: planData.firstDueDate, interval: planData.interval, leadDays: planData.leadDays };
  const orders = preventiveFacts(lookup.byParent('work_order', d.equipmentId).filter((o) => o.id !== record.id));
  const next = preventiveOrderToCreate(facts, orders, dateOf(now));
  if (next?.dueDate === d.dueDate) return null;
  if ((!next || next.dueDate < d.dueDate) && isLaterOnCadence(facts, orders, d.dueDate)) {
    return { message: `The work order due ${d.dueDate} is opened ${facts.leadDays} days ahead by the sync server’s clock, which has not reached that day.`, isWaiting: true };
  }
  return refuse('This is not the maintenance plan’s next work order.');
}

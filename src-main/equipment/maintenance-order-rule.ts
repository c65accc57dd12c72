import { dateOf } from '../../src-shared/equipment/interval';
import { preventiveOrderToCreate, preventiveWorkOrderId } from '../../src-shared/equipment/maintenance-schedule';
import type { MaintenancePlanData } from '../../src-shared/equipment/maintenance-plan-kind';
import { retiredStatuses } from '../../src-shared/equipment/equipment-statuses';
import { workOrderKind } from '../../src-shared/equipment/work-order-kind';
import { reminder, type DueReminder } from '../../src-shared/scheduler/reminder';
import { labflowActor } from '../../src-shared/records/labflow-actor';
import type { LabDatabase } from '../database/open-database';
import { SYSTEM_ACTOR, type CommandContext, type HostServices } from '../host/handler-types';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { createRecord, type StoredDoc } from '../records/module-records';

/**
 * Preventive maintenance work orders, created on time by the scheduler: each active maintenance
 * plan's next work order is due for creation its lead days before its due date
 * (maintenance-schedule.ts). The work order's id comes from the plan and the due date, so it is
 * created once — after a restart, or by two PCs of a team — and once it exists the plan's next due
 * date moves on, so nothing is derived for it again (no firing record is needed).
 */
const KIND = 'equipment_maintenance_order';


const keyOf = (planId: string, dueDate: string) => `${KIND}|${planId}|${dueDate}`;

async function dueOrders(db: LabDatabase, now: Date): Promise<DueReminder[]> {
  const plans = (await db.records.find({ selector: { kind: 'maintenance_plan', status: 'active' } }).exec()).map((d) => d.toJSON() as StoredDoc);
  if (plans.length === 0) return [];
  const equipmentIds = [...new Set(plans.map((p) => p.parentId))];
  const [instruments, orders] = await Promise.all([
    db.records.findByIds(equipmentIds).exec(),
    db.records.find({ selector: { kind: 'work_order', parentId: { $in: equipmentIds } } }).exec(),
  ]);
  const preventive = orders.map((o) => o.get('data') as { planId?: string; dueDate?: string }).filter((d) => d.planId && d.dueDate).map((d) => ({ planId: String(d.planId), dueDate: String(d.dueDate) }));
  const today = dateOf(now.toISOString());
  return plans.flatMap((plan) => {
    const instrument = instruments.get(plan.parentId);
    if (!instrument || retiredStatuses.has(String(instrument.get('status')))) return [];
    const data = plan.data as MaintenancePlanData;
    const next = preventiveOrderToCreate({ id: plan.id, isActive: true, firstDueDate: data.firstDueDate, interval: data.interval, leadDays: data.leadDays }, preventive, today);
    if (!next) return [];
    const key = keyOf(plan.id, next.dueDate);
    return [reminder({ key, kind: KIND, series: key, dueAt: `${next.createOn}T00:00:00.000Z`, recipientId: 'system', event: 'equipment_maintenance_due', subject: data.name, body: `Work order for ${data.name} due ${next.dueDate}`, link: { section: 'equipment', itemId: plan.parentId } })];
  });
}

/** Creates the work orders; one that exists already (another PC, an earlier round) is left alone. */
async function createOrders(services: HostServices, reminders: readonly DueReminder[]): Promise<void> {
  // Background work writes as LabFlow itself through the same record writer a command uses; it has no session.
  const context = { ...services, actor: SYSTEM_ACTOR, session: null, command: 'scheduler/maintenance-order' } as unknown as CommandContext;
  for (const r of reminders) {
    const [, planId, dueDate] = r.key.split('|');
    if (!planId || !dueDate) continue;
    const id = preventiveWorkOrderId(planId, dueDate);
    if (await services.db.records.findOne(id).exec()) continue;
    const plan = await services.db.records.findOne(planId).exec();
    const instrument = plan ? await services.db.records.findOne(String(plan.get('parentId'))).exec() : null;
    if (!plan || !instrument || plan.get('status') !== 'active') continue;
    const data = plan.get('data') as MaintenancePlanData;
    const custodianId = String((instrument.get('data') as { custodianId?: string }).custodianId ?? '');
    const created = await createRecord(context, workOrderKind, labflowActor, {
      equipmentId: instrument.id,
      custodianId,
      type: 'preventive',
      summary: data.name,
      planId,
      dueDate,
      assigneeId: data.assigneeId ?? custodianId,
      tasks: data.tasks.map((text) => ({ text, isDone: false })),
    }, id);
    if (!created.ok) services.log.warn('a preventive work order could not be created', { planId, dueDate, reason: created.error.message });
  }
}

export function createMaintenanceOrderRule(): ReminderRule {
  return {
    kind: KIND,
    watches: ['records'],
    derive: (db, now) => dueOrders(db, now),
    fire: (services, reminders) => createOrders(services, reminders),
  };
}

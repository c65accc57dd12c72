import { planStanding } from '../../../src-shared/equipment/calibration-schedule';
import { retiredStatuses } from '../../../src-shared/equipment/equipment-statuses';
import {
  defaultEquipmentReminderSettings, equipmentReminders, type EquipmentForReminders, type EquipmentReminderSettings,
} from '../../../src-shared/scheduler/equipment-reminders';
import type { DueReminder } from '../../../src-shared/scheduler/reminder';
import type { LabDatabase } from '../../database/open-database';
import { instrumentStates } from '../../equipment/instrument-states';
import type { ReminderRule } from '../reminder-rule';
import { flatMapInSlices } from './in-slices';
import { hostUtcOffsetMinutes } from './local-time';

const day = 86_400_000;
/** Kinds whose records change an instrument's due dates (their parent is the instrument). */
const DUE_DATE_KINDS: ReadonlySet<string> = new Set(['calibration_plan', 'calibration', 'work_order']);

type Doc = { id: string; kind?: string; parentId?: string; status?: string; data?: Record<string, unknown> };

/**
 * The instruments (all, or these) as the reminders read them: each active calibration plan's next
 * due date with the plan's lead times, each open preventive work order's due date, the custodian
 * and QA (the `qa_manager` role) as recipients.
 */
export async function equipmentForReminders(db: LabDatabase, ids?: readonly string[]): Promise<EquipmentForReminders[]> {
  const states = await instrumentStates(db, ids);
  if (states.length === 0) return [];
  const parents = ids ? { parentId: { $in: [...ids] } } : {};
  const [planDocs, orders, people] = await Promise.all([
    db.records.find({ selector: { kind: 'calibration_plan', ...parents } }).exec(),
    db.records.find({ selector: { kind: 'work_order', status: { $in: ['open', 'diagnosed'] }, ...parents } }).exec(),
    db.people.find({ selector: { kind: 'person' } }).exec(),
  ]);
  const leadDays = new Map(planDocs.map((p) => [p.id, ((p.get('data') as { reminderLeadDays?: number[] }).reminderLeadDays ?? [])]));
  const qa = people.filter((p) => p.get('isActive') === true && (p.get('roles') as string[]).includes('qa_manager')).map((p) => p.id);
  const preventive = orders.map((o) => o.toJSON() as Doc).filter((o) => o.data?.type === 'preventive' && typeof o.data.dueDate === 'string');
  return states.map((state) => ({
    id: state.doc.id,
    name: `${state.doc.number} ${state.facts.name}`.trim(),
    calibrations: state.plans.filter((p) => p.isActive).map((plan) => {
      const lead = leadDays.get(plan.id) ?? [];
      return { id: plan.id, what: `Calibration “${plan.name}”`, dueDate: planStanding(plan, state.calibrations).dueDate, ...(lead.length ? { leadTimesMs: lead.map((d) => d * day) } : {}) };
    }),
    maintenance: preventive.filter((o) => o.parentId === state.doc.id).map((o) => ({ id: o.id, what: `Preventive maintenance “${String(o.data?.summary ?? '')}”`, dueDate: String(o.data?.dueDate) })),
    responsibleIds: [...new Set([state.facts.custodianId, ...qa].filter(Boolean))],
    isRetired: retiredStatuses.has(state.doc.status),
  }));
}

/** The instruments a change of records touches: changed instruments, and the parents of changed plans, calibrations and work orders. */
async function touchedInstruments(db: LabDatabase, changedIds: readonly string[]): Promise<string[]> {
  const found = await db.records.findByIds([...changedIds]).exec();
  const ids = new Set<string>();
  for (const doc of found.values()) {
    const kind = String(doc.get('kind'));
    if (kind === 'equipment') ids.add(doc.id);
    else if (DUE_DATE_KINDS.has(kind) && doc.get('parentId')) ids.add(String(doc.get('parentId')));
  }
  // A changed id that is no longer there may have been an instrument: it loses its reminders.
  for (const id of changedIds) if (!found.has(id)) ids.add(id);
  return [...ids];
}

/**
 * Calibration and preventive maintenance due reminders for an instrument's custodian and QA; per
 * instrument after an edit of it or of its plans, calibrations and work orders. A change of people
 * (who holds QA) derives the rule in full.
 */
export function createEquipmentRule(settings: Partial<EquipmentReminderSettings> = {}): ReminderRule {
  const effective: EquipmentReminderSettings = { ...defaultEquipmentReminderSettings, utcOffsetMinutes: hostUtcOffsetMinutes(), ...settings };
  const remindersOf = async (db: LabDatabase, now: Date, ids?: readonly string[]): Promise<DueReminder[]> =>
    flatMapInSlices(await equipmentForReminders(db, ids), (equipment) => equipmentReminders(equipment, effective, now));
  return {
    kind: 'equipment_due',
    watches: ['records', 'people'],
    derive: (db, now) => remindersOf(db, now),
    incremental: {
      ownerOf: (r) => r.link?.itemId ?? '',
      async deriveFor(db, changed, now) {
        if ((changed.get('people')?.size ?? 0) > 0) return 'all';
        const instruments = await touchedInstruments(db, [...(changed.get('records') ?? [])]);
        return { owners: new Set(instruments), reminders: instruments.length ? await remindersOf(db, now, instruments) : [] };
      },
    },
  };
}

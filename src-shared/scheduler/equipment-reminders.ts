import { formatDay } from '../format/display-format';
import { dueInstant, type LocalTimeSettings } from './due-time';
import { describeLead, dueSeries } from './lead-times';
import type { DueReminder } from './reminder';

/**
 * Reminders of an instrument's due dates: each calibration plan's next due date (computed from its
 * last passing calibration, src-shared/equipment/calibration-schedule.ts) at the plan's own lead
 * times (e.g. 30, 7 and 1 days) and weekly while overdue, and each open preventive work order's due
 * date. Recipients are the custodian and QA. Each reminder's id comes from the instrument, the plan
 * or work order, the due date and the person, so it fires once however often it is derived.
 */
export interface DueItem {
  /** The plan or work order the date belongs to. */
  id: string;
  /** What is due, in words: "Calibration “Annual external calibration”". */
  what: string;
  dueDate: string;
  /** Lead times of this item; the settings' when absent. */
  leadTimesMs?: readonly number[];
}

export interface EquipmentForReminders {
  id: string;
  /** "EQ-0001 Analytical balance". */
  name: string;
  calibrations: readonly DueItem[];
  maintenance: readonly DueItem[];
  responsibleIds: readonly string[];
  isRetired: boolean;
}

export interface EquipmentReminderSettings extends LocalTimeSettings {
  leadTimesMs: number[];
  overdueEveryMs: number;
}

const day = 86_400_000;

export const defaultEquipmentReminderSettings: EquipmentReminderSettings = {
  leadTimesMs: [30 * day, 7 * day, day],
  overdueEveryMs: 7 * day,
  dueTimeOfDay: '09:00',
  utcOffsetMinutes: 0,
};

/** Reminders before calibrations and preventive maintenance fall due, then weekly while overdue. */
export function equipmentReminders(equipment: EquipmentForReminders, settings: EquipmentReminderSettings, now: Date): DueReminder[] {
  if (equipment.isRetired) return [];
  const items = [
    ...equipment.calibrations.map((item) => ({ item, kind: 'equipment_calibration_due', event: 'equipment_calibration_due', advice: 'Take the instrument out of use until it is calibrated.' }) as const),
    ...equipment.maintenance.map((item) => ({ item, kind: 'equipment_maintenance_due', event: 'equipment_maintenance_due', advice: 'Plan the work with the custodian.' }) as const),
  ];
  return items.flatMap(({ item, kind, event, advice }) => {
    const dueAtMs = dueInstant(item.dueDate, settings);
    if (dueAtMs === undefined) return [];
    return [...new Set(equipment.responsibleIds)].flatMap((recipientId) =>
      dueSeries({
        kind,
        event,
        subjectKey: `${equipment.id}:${item.id}:${item.dueDate}`,
        recipientId,
        dueAtMs,
        leadTimesMs: item.leadTimesMs ?? settings.leadTimesMs,
        overdueEveryMs: settings.overdueEveryMs,
        now,
        link: { section: 'equipment', itemId: equipment.id },
        text: (phase) =>
          phase.type === 'lead'
            // The date, not "in N days": a reminder missed while LabFlow was closed, or one for a plan made late, still tells the truth.
            ? { subject: `${item.what} due on ${formatDay(item.dueDate)}: ${equipment.name}`, body: `${item.what} of ${equipment.name} is due on ${formatDay(item.dueDate)} (reminder ${describeLead(phase.leadMs)} ahead).` }
            : { subject: `${item.what} overdue: ${equipment.name}`, body: `${item.what} of ${equipment.name} was due on ${formatDay(item.dueDate)}. ${advice}` },
      }),
    );
  });
}

import { dueInstant, type LocalTimeSettings } from './due-time';
import { describeLead, dueSeries } from './lead-times';
import type { DueReminder } from './reminder';

/**
 * Calibration and maintenance due dates of one instrument (`records` of kind 'equipment'). The
 * equipment feature maps its record to this shape; the scheduler rule reads it through that mapping.
 */
export interface EquipmentForReminders {
  id: string;
  name: string;
  calibrationDueDate?: string;
  maintenanceDueDate?: string;
  responsibleIds: string[];
  isRetired: boolean;
}

export interface EquipmentReminderSettings extends LocalTimeSettings {
  leadTimesMs: number[];
  overdueEveryMs: number;
}

export const defaultEquipmentReminderSettings: EquipmentReminderSettings = {
  leadTimesMs: [14 * 86_400_000, 86_400_000],
  overdueEveryMs: 7 * 86_400_000,
  dueTimeOfDay: '09:00',
  utcOffsetMinutes: 0,
};

/** Reminders before calibration and maintenance fall due, then weekly while overdue. */
export function equipmentReminders(equipment: EquipmentForReminders, settings: EquipmentReminderSettings, now: Date): DueReminder[] {
  if (equipment.isRetired) return [];
  const kinds = [
    { kind: 'equipment_calibration_due', event: 'equipment_calibration_due', date: equipment.calibrationDueDate, what: 'Calibration' },
    { kind: 'equipment_maintenance_due', event: 'equipment_maintenance_due', date: equipment.maintenanceDueDate, what: 'Maintenance' },
  ] as const;
  return kinds.flatMap(({ kind, event, date, what }) => {
    const dueAtMs = date ? dueInstant(date, settings) : undefined;
    if (!date || dueAtMs === undefined) return [];
    return [...new Set(equipment.responsibleIds)].flatMap((recipientId) =>
      dueSeries({
        kind,
        event,
        subjectKey: `${equipment.id}:${date}`,
        recipientId,
        dueAtMs,
        leadTimesMs: settings.leadTimesMs,
        overdueEveryMs: settings.overdueEveryMs,
        now,
        link: { section: 'equipment', itemId: equipment.id },
        text: (phase) =>
          phase.type === 'lead'
            ? { subject: `${what} due in ${describeLead(phase.leadMs)}: ${equipment.name}`, body: `${what} of ${equipment.name} is due on ${date}.` }
            : { subject: `${what} overdue: ${equipment.name}`, body: `${what} of ${equipment.name} was due on ${date}. Take the instrument out of use until it is done.` },
      }),
    );
  });
}

import {
  defaultEquipmentReminderSettings, equipmentReminders, type EquipmentForReminders, type EquipmentReminderSettings,
} from '../../../src-shared/scheduler/equipment-reminders';
import type { ReminderRule } from '../reminder-rule';
import { hostUtcOffsetMinutes } from './local-time';

/** How an equipment record is read for reminders; the equipment feature may pass its own. */
export type EquipmentMapper = (record: { id: string; title: string; status: string; data: Record<string, unknown> }) => EquipmentForReminders | null;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * The expected shape until the equipment feature lands: `records` of kind 'equipment' with
 * `data.calibrationDueDate`, `data.maintenanceDueDate` ('YYYY-MM-DD') and `data.responsibleIds`
 * (or `data.responsibleId`); status 'retired' or 'decommissioned' ends reminders.
 */
export const defaultEquipmentMapper: EquipmentMapper = (record) => {
  const responsible = Array.isArray(record.data.responsibleIds) ? record.data.responsibleIds : [record.data.responsibleId];
  const calibrationDueDate = text(record.data.calibrationDueDate);
  const maintenanceDueDate = text(record.data.maintenanceDueDate);
  return {
    id: record.id,
    name: record.title,
    ...(calibrationDueDate ? { calibrationDueDate } : {}),
    ...(maintenanceDueDate ? { maintenanceDueDate } : {}),
    responsibleIds: responsible.filter((r): r is string => typeof r === 'string' && r.length > 0),
    isRetired: record.status === 'retired' || record.status === 'decommissioned',
  };
};

/** Calibration and maintenance due reminders for the people responsible for an instrument. */
export function createEquipmentRule(settings: Partial<EquipmentReminderSettings> = {}, mapper: EquipmentMapper = defaultEquipmentMapper): ReminderRule {
  const effective: EquipmentReminderSettings = { ...defaultEquipmentReminderSettings, utcOffsetMinutes: hostUtcOffsetMinutes(), ...settings };
  return {
    kind: 'equipment_due',
    watches: ['records'],
    async derive(db, now) {
      const docs = await db.records.find({ selector: { kind: 'equipment' } }).exec();
      return docs.flatMap((d) => {
        const mapped = mapper({ id: d.id, title: d.get('title') as string, status: d.get('status') as string, data: (d.get('data') ?? {}) as Record<string, unknown> });
        return mapped ? equipmentReminders(mapped, effective, now) : [];
      });
    },
  };
}

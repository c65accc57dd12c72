import {
  defaultEquipmentReminderSettings, equipmentReminders, type EquipmentForReminders, type EquipmentReminderSettings,
} from '../../../src-shared/scheduler/equipment-reminders';
import type { DueReminder } from '../../../src-shared/scheduler/reminder';
import type { ReminderRule } from '../reminder-rule';
import { changedDocumentsOf } from './changed-documents';
import { flatMapInSlices } from './in-slices';
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

/** A stored `records` document as the rule reads it. */
interface StoredRecord {
  id: string;
  kind?: string;
  title: string;
  status: string;
  data?: Record<string, unknown>;
}

/** One record's reminders: none unless it is equipment the mapper accepts. */
export function equipmentDocumentReminders(record: StoredRecord, settings: EquipmentReminderSettings, now: Date, mapper: EquipmentMapper = defaultEquipmentMapper): DueReminder[] {
  if (record.kind !== 'equipment') return [];
  const mapped = mapper({ id: record.id, title: record.title, status: record.status, data: record.data ?? {} });
  return mapped ? equipmentReminders(mapped, settings, now) : [];
}

/** Calibration and maintenance due reminders for the people responsible for an instrument; per record after an edit. */
export function createEquipmentRule(settings: Partial<EquipmentReminderSettings> = {}, mapper: EquipmentMapper = defaultEquipmentMapper): ReminderRule {
  const effective: EquipmentReminderSettings = { ...defaultEquipmentReminderSettings, utcOffsetMinutes: hostUtcOffsetMinutes(), ...settings };
  return {
    kind: 'equipment_due',
    watches: ['records'],
    async derive(db, now) {
      const docs = await db.records.find({ selector: { kind: 'equipment' } }).exec();
      return flatMapInSlices(docs, (d) => equipmentDocumentReminders(d.toJSON() as StoredRecord, effective, now, mapper));
    },
    incremental: {
      ownerOf: (r) => r.link?.itemId ?? '',
      async deriveFor(db, changed, now) {
        const { owners, docs } = await changedDocumentsOf<StoredRecord>(db, changed, 'records');
        return { owners, reminders: docs.flatMap((record) => equipmentDocumentReminders(record, effective, now, mapper)) };
      },
    },
  };
}

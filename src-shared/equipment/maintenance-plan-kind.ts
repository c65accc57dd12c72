import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { qa, qaOrCustodian } from './equipment-who';
import { checkInstrumentCopy, instrumentRead } from './instrument-reads';
import { describeInterval, intervalSchema } from './interval';

/**
 * Preventive maintenance of an instrument: what to do (a checklist), how often, from which first due
 * date, and how many days ahead the scheduler creates the work order (maintenance-schedule.ts).
 */
const maintenancePlanData = z.object({
  equipmentId: recordIdSchema,
  custodianId: recordIdSchema,
  name: z.string().trim().min(1, 'Name the maintenance, e.g. "Quarterly service".').max(200),
  interval: intervalSchema,
  firstDueDate: planDateSchema,
  leadDays: z.number().int().min(0).max(90).default(7),
  tasks: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  /** Who the work orders go to; the custodian when absent. */
  assigneeId: recordIdSchema.optional(),
});
export type MaintenancePlanData = z.infer<typeof maintenancePlanData>;

export const maintenancePlanKind = defineRecordKind<MaintenancePlanData>({
  kind: 'maintenance_plan',
  module: 'equipment',
  label: 'Maintenance plan',
  pluralLabel: 'Maintenance plans',
  version: 1,
  data: maintenancePlanData as z.ZodType<MaintenancePlanData>,
  title: (d) => `${d.name} (${describeInterval(d.interval)})`,
  statuses: [
    { id: 'active', label: 'Active', tone: 'success' },
    { id: 'retired', label: 'Retired', isReadOnly: true },
  ],
  initialStatus: 'active',
  transitions: [{ from: ['active'], to: 'retired', label: 'Retire plan', who: qaOrCustodian, needsReason: true }],
  number: { prefix: 'PMP', isYearly: false },
  columns: { parentId: (d) => d.equipmentId, ownerId: (d) => d.custodianId, date: (d) => d.firstDueDate },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'equipmentId', label: 'Instrument', type: 'record', recordKind: 'equipment', isDefaultColumn: true },
    { field: 'name', label: 'Maintenance', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'firstDueDate', label: 'First due', type: 'date', isDefaultColumn: true, isEditable: true },
    { field: 'leadDays', label: 'Created days ahead', type: 'number', isEditable: true },
    { field: 'assigneeId', label: 'Assignee', type: 'person', isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  links: { parent: 'equipment' },
  create: qaOrCustodian,
  edit: [{ fields: ['name', 'interval', 'firstDueDate', 'leadDays', 'tasks', 'assigneeId'], who: qaOrCustodian }],
  remove: { who: qa },
  invariant: {
    reads: (d) => instrumentRead(d.equipmentId),
    check: ({ record, previous, lookup }) => checkInstrumentCopy(record, previous, lookup),
  },
});

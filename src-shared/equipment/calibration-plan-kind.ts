import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { qa, qaOrCustodian } from './equipment-who';
import { checkInstrumentCopy, instrumentRead } from './instrument-reads';
import { describeInterval, intervalSchema } from './interval';
import { measurementPointSchema } from './tolerance';

/**
 * An instrument's calibration schedule: how often (interval), the first due date, the measurement
 * points with nominal value and tolerance, the method (SOP), who calibrates (in house or an external
 * provider) and when to remind the custodian and QA before it falls due. The next due date is
 * computed from the last passing calibration (calibration-schedule.ts); an instrument may have
 * several plans (e.g. a daily check and an annual external calibration).
 */
export const DEFAULT_LEAD_DAYS = [30, 7, 1];

const calibrationPlanData = z
  .object({
    equipmentId: recordIdSchema,
    custodianId: recordIdSchema,
    name: z.string().trim().min(1, 'Name the calibration, e.g. "Annual external calibration".').max(200),
    interval: intervalSchema,
    firstDueDate: planDateSchema,
    points: z.array(measurementPointSchema).min(1, 'Add at least one measurement point.').max(100),
    method: z.string().trim().max(500).default(''),
    provider: z.enum(['internal', 'external']).default('internal'),
    providerName: z.string().trim().max(200).default(''),
    supplierId: recordIdSchema.optional(),
    /** Days before the due date when the custodian and QA are reminded. */
    reminderLeadDays: z.array(z.number().int().min(1, 'At least 1 day before.').max(365)).max(5).default(DEFAULT_LEAD_DAYS),
  })
  .refine((d) => new Set(d.points.map((p) => p.id)).size === d.points.length, { message: 'Two measurement points share an id.', path: ['points'] });
export type CalibrationPlanData = z.infer<typeof calibrationPlanData>;

export const calibrationPlanKind = defineRecordKind<CalibrationPlanData>({
  kind: 'calibration_plan',
  module: 'equipment',
  label: 'Calibration plan',
  pluralLabel: 'Calibration plans',
  version: 1,
  data: calibrationPlanData as z.ZodType<CalibrationPlanData>,
  title: (d) => `${d.name} (${describeInterval(d.interval)})`,
  searchText: (d) => `${d.method} ${d.providerName}`,
  statuses: [
    { id: 'active', label: 'Active', tone: 'success' },
    { id: 'retired', label: 'Retired', isReadOnly: true },
  ],
  initialStatus: 'active',
  transitions: [{ from: ['active'], to: 'retired', label: 'Retire plan', who: qa, needsReason: true }],
  number: { prefix: 'CALP', isYearly: false },
  columns: { parentId: (d) => d.equipmentId, ownerId: (d) => d.custodianId, date: (d) => d.firstDueDate },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'equipmentId', label: 'Instrument', type: 'record', recordKind: 'equipment', isDefaultColumn: true },
    { field: 'name', label: 'Calibration', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'firstDueDate', label: 'First due', type: 'date', isDefaultColumn: true, isEditable: true },
    { field: 'provider', label: 'Provider', type: 'choice', choices: [{ value: 'internal', label: 'In house' }, { value: 'external', label: 'External' }], isDefaultColumn: true, isEditable: true },
    { field: 'providerName', label: 'Provider name', type: 'text', isEditable: true },
    { field: 'method', label: 'Method / SOP', type: 'text', isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  links: { parent: 'equipment' },
  create: qaOrCustodian,
  // The schedule and tolerances are GxP decisions: QA changes them.
  edit: [
    { fields: ['name', 'interval', 'firstDueDate', 'points', 'method', 'provider', 'providerName', 'supplierId'], who: qa },
    { fields: ['reminderLeadDays', 'method', 'providerName'], who: qaOrCustodian },
  ],
  remove: { who: qa },
  invariant: {
    reads: (d) => instrumentRead(d.equipmentId),
    check: ({ record, previous, lookup }) => checkInstrumentCopy(record, previous, lookup),
  },
});

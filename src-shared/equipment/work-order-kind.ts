import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { qaOrCustodian } from './equipment-who';
import { checkInstrumentCopy, instrumentRead } from './instrument-reads';
import { preventiveOrderProblem, preventiveOrderReads } from './preventive-order-check';

/**
 * Maintenance work on an instrument. Preventive orders are created by the scheduler from a
 * maintenance plan, on time and once (maintenance-schedule.ts); corrective ones start from a fault
 * report by anyone: fault → diagnosis → repair → verification by the custodian or QA. Downtime,
 * parts and labour are recorded for the history card and the cost.
 */
const isoTime = z.iso.datetime({ message: 'Enter a date and time.' });

export const partSchema = z.object({
  name: z.string().trim().min(1, 'Name the part.').max(200),
  partNumber: z.string().trim().max(100).default(''),
  quantity: z.number().int().min(1).max(100_000),
  unitCostMinor: z.number().int().min(0).max(1e13),
});

const workOrderData = z
  .object({
    equipmentId: recordIdSchema,
    custodianId: recordIdSchema,
    type: z.enum(['preventive', 'corrective']),
    summary: z.string().trim().min(1, 'Say what is to be done or what is wrong.').max(200),
    planId: recordIdSchema.optional(),
    dueDate: planDateSchema.optional(),
    faultDescription: z.string().trim().max(5000).default(''),
    reportedById: recordIdSchema.optional(),
    assigneeId: recordIdSchema.optional(),
    tasks: z.array(z.object({ text: z.string().trim().min(1).max(300), isDone: z.boolean().default(false) })).max(50).default([]),
    diagnosis: z.string().trim().max(5000).default(''),
    repairDescription: z.string().trim().max(5000).default(''),
    completedOn: planDateSchema.optional(),
    verificationNotes: z.string().trim().max(5000).default(''),
    downtimeStart: isoTime.optional(),
    downtimeEnd: isoTime.optional(),
    parts: z.array(partSchema).max(100).default([]),
    labourCost: moneySchema.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  })
  .superRefine((d, ctx) => {
    if (d.type === 'preventive' && (!d.planId || !d.dueDate)) ctx.addIssue({ code: 'custom', message: 'A preventive work order belongs to a maintenance plan and a due date.', path: ['planId'] });
    if (d.downtimeStart && d.downtimeEnd && d.downtimeEnd < d.downtimeStart) ctx.addIssue({ code: 'custom', message: 'Downtime cannot end before it starts.', path: ['downtimeEnd'] });
  });
export type WorkOrderData = z.infer<typeof workOrderData>;

/** Hours the instrument was down (0 while the downtime is open or not recorded). */
export const downtimeHours = (d: Pick<WorkOrderData, 'downtimeStart' | 'downtimeEnd'>): number =>
  d.downtimeStart && d.downtimeEnd ? Math.round(((Date.parse(d.downtimeEnd) - Date.parse(d.downtimeStart)) / 3_600_000) * 10) / 10 : 0;

/** Parts and labour, in minor units of the order's currency. */
export const workOrderCostMinor = (d: Pick<WorkOrderData, 'parts' | 'labourCost'>): number =>
  d.parts.reduce((n, p) => n + p.quantity * p.unitCostMinor, 0) + (d.labourCost?.amountMinor ?? 0);

const worker = { anyOf: [{ field: 'assigneeId' }, qaOrCustodian] } as const;
const workFields = ['diagnosis', 'repairDescription', 'completedOn', 'tasks', 'downtimeStart', 'downtimeEnd', 'parts', 'labourCost', 'currency'];

export const workOrderKind = defineRecordKind<WorkOrderData>({
  kind: 'work_order',
  module: 'equipment',
  label: 'Work order',
  pluralLabel: 'Work orders',
  version: 1,
  data: workOrderData as z.ZodType<WorkOrderData>,
  title: (d) => d.summary,
  searchText: (d) => `${d.faultDescription} ${d.diagnosis}`.slice(0, 1000),
  statuses: [
    { id: 'open', label: 'Open', tone: 'warning' },
    { id: 'diagnosed', label: 'Diagnosed', tone: 'info' },
    { id: 'repaired', label: 'Done, awaiting verification', tone: 'info' },
    { id: 'verified', label: 'Verified and closed', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'open',
  transitions: [
    { from: ['open'], to: 'diagnosed', label: 'Record diagnosis', who: worker, requires: ['diagnosis'] },
    { from: ['open', 'diagnosed'], to: 'repaired', label: 'Work done', who: worker, requires: ['repairDescription', 'completedOn'] },
    { from: ['repaired'], to: 'verified', label: 'Verify and close', who: qaOrCustodian, requires: ['verificationNotes'] },
    { from: ['repaired'], to: 'diagnosed', label: 'Not fixed: repair again', who: qaOrCustodian, needsReason: true },
    { from: ['open', 'diagnosed'], to: 'cancelled', label: 'Cancel', who: qaOrCustodian, needsReason: true },
  ],
  number: { prefix: 'WO', isYearly: true },
  columns: { parentId: (d) => d.equipmentId, ownerId: (d) => d.custodianId, date: (d) => d.dueDate ?? d.downtimeStart?.slice(0, 10) },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'equipmentId', label: 'Instrument', type: 'record', recordKind: 'equipment', isDefaultColumn: true },
    { field: 'type', label: 'Type', type: 'choice', choices: [{ value: 'preventive', label: 'Preventive' }, { value: 'corrective', label: 'Corrective' }], isDefaultColumn: true },
    { field: 'summary', label: 'Summary', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'dueDate', label: 'Due', type: 'date', isDefaultColumn: true },
    { field: 'assigneeId', label: 'Assignee', type: 'person', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'faultDescription', label: 'Fault', type: 'text', isEditable: true, isMultiline: true },
    { field: 'diagnosis', label: 'Diagnosis', type: 'text', isEditable: true, isMultiline: true },
    { field: 'repairDescription', label: 'Work done', type: 'text', isEditable: true, isMultiline: true },
    { field: 'completedOn', label: 'Completed on', type: 'date', isEditable: true },
    { field: 'verificationNotes', label: 'Verification', type: 'text', isEditable: true, isMultiline: true },
    { field: 'downtimeStart', label: 'Down from', type: 'datetime', isEditable: true },
    { field: 'downtimeEnd', label: 'Down until', type: 'datetime', isEditable: true },
    { field: 'labourCost', label: 'Labour cost', type: 'money', isEditable: true },
  ],
  links: { parent: 'equipment', related: ['deviation'] },
  // Anyone may report a fault; preventive orders come from the scheduler.
  create: 'anyone',
  edit: [
    { fields: ['summary', 'faultDescription'], who: { anyOf: ['creator', qaOrCustodian] }, inStatuses: ['open'] },
    { fields: ['assigneeId'], who: qaOrCustodian, inStatuses: ['open', 'diagnosed'] },
    { fields: workFields, who: worker, inStatuses: ['open', 'diagnosed'] },
    { fields: ['verificationNotes'], who: qaOrCustodian, inStatuses: ['repaired'] },
  ],
  invariant: {
    reads: (d) => ({ ids: [...(instrumentRead(d.equipmentId).ids ?? []), ...(d.planId ? [{ collection: 'records', id: d.planId }] : [])] }),
    check({ record, previous, lookup }) {
      const copy = checkInstrumentCopy(record, previous, lookup);
      if (copy || previous || !record.data.planId) return copy;
      const plan = lookup.get('records', record.data.planId);
      return plan?.kind === 'maintenance_plan' && (plan.data as { equipmentId?: string }).equipmentId === record.data.equipmentId
        ? null
        : { message: 'Choose one of the instrument’s maintenance plans.', field: 'data.planId' };
    },
  },
  // The scheduler's preventive orders, from whichever PC notices the day first (src-main/equipment/maintenance-order-rule.ts).
  labflowWrites: { actions: ['create'], reads: preventiveOrderReads, check: preventiveOrderProblem },
});

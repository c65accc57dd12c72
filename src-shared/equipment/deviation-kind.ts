import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { qa, qaOrCustodian } from './equipment-who';
import { checkInstrumentCopy, instrumentRead } from './instrument-reads';

/**
 * A deviation about an instrument: a failed qualification step, or the impact assessment of a
 * calibration found out of tolerance (listing every booking, use and allocation since the last good
 * calibration: impact-assessment.ts). It is investigated, its impact assessed, root cause and
 * actions recorded, and closed by QA; the CAPA workflow may run against it.
 */
export const deviationSources = [
  { value: 'qualification', label: 'Qualification step failed' },
  { value: 'calibration', label: 'Calibration out of tolerance' },
  { value: 'maintenance', label: 'Maintenance finding' },
  { value: 'other', label: 'Other' },
] as const;

export const impactSchema = z.object({
  collection: z.enum(['records', 'plan_items']),
  id: recordIdSchema,
  kind: z.enum(['booking', 'usage', 'allocation']),
  label: z.string().max(300),
  from: z.string().max(40),
  to: z.string().max(40),
  personId: recordIdSchema.optional(),
  projectId: recordIdSchema.optional(),
  taskId: recordIdSchema.optional(),
});
export type Impact = z.infer<typeof impactSchema>;

const deviationData = z.object({
  equipmentId: recordIdSchema,
  custodianId: recordIdSchema,
  source: z.enum(['qualification', 'calibration', 'maintenance', 'other']).default('other'),
  sourceRecordId: recordIdSchema.optional(),
  stepId: recordIdSchema.optional(),
  title: z.string().trim().min(1, 'Say what deviated.').max(200),
  description: z.string().trim().max(5000).default(''),
  /** Everything that used the instrument while it may have been out of calibration. */
  impacts: z.array(impactSchema).max(5000).default([]),
  impactAssessment: z.string().trim().max(10_000).default(''),
  rootCause: z.string().trim().max(5000).default(''),
  correctiveAction: z.string().trim().max(5000).default(''),
  preventiveAction: z.string().trim().max(5000).default(''),
  closedOn: planDateSchema.optional(),
});
export type DeviationData = z.infer<typeof deviationData>;

export const deviationKind = defineRecordKind<DeviationData>({
  kind: 'deviation',
  module: 'equipment',
  label: 'Deviation',
  pluralLabel: 'Deviations',
  version: 1,
  data: deviationData as z.ZodType<DeviationData>,
  title: (d) => d.title,
  searchText: (d) => d.description.slice(0, 1000),
  statuses: [
    { id: 'open', label: 'Open', tone: 'error' },
    { id: 'investigating', label: 'Under investigation', tone: 'warning' },
    { id: 'closed', label: 'Closed', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'open',
  transitions: [
    { from: ['open'], to: 'investigating', label: 'Start investigation', who: qaOrCustodian },
    { from: ['open', 'investigating'], to: 'closed', label: 'Close deviation', who: qa, requires: ['rootCause', 'correctiveAction', 'closedOn'] },
    { from: ['open'], to: 'cancelled', label: 'Cancel (not a deviation)', who: qa, needsReason: true },
  ],
  number: { prefix: 'DEV', isYearly: true },
  columns: { parentId: (d) => d.equipmentId, ownerId: (d) => d.custodianId, date: (d) => d.closedOn },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'equipmentId', label: 'Instrument', type: 'record', recordKind: 'equipment', isDefaultColumn: true },
    { field: 'title', label: 'Deviation', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'source', label: 'Source', type: 'choice', choices: deviationSources, isDefaultColumn: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'description', label: 'Description', type: 'text', isEditable: true, isMultiline: true },
    { field: 'impactAssessment', label: 'Impact assessment', type: 'text', isEditable: true, isMultiline: true },
    { field: 'rootCause', label: 'Root cause', type: 'text', isEditable: true, isMultiline: true },
    { field: 'correctiveAction', label: 'Corrective action', type: 'text', isEditable: true, isMultiline: true },
    { field: 'preventiveAction', label: 'Preventive action', type: 'text', isEditable: true, isMultiline: true },
    { field: 'closedOn', label: 'Closed on', type: 'date', isEditable: true },
  ],
  links: { parent: 'equipment', related: ['calibration', 'qualification', 'work_order'] },
  create: 'anyone',
  edit: [
    { fields: ['title', 'description'], who: { anyOf: ['creator', qaOrCustodian] }, inStatuses: ['open', 'investigating'] },
    { fields: ['impactAssessment', 'rootCause', 'correctiveAction', 'preventiveAction', 'closedOn'], who: qaOrCustodian, inStatuses: ['open', 'investigating'] },
  ],
  workflows: ['CAPA'],
  invariant: {
    reads: (d) => instrumentRead(d.equipmentId),
    check: ({ record, previous, lookup }) => checkInstrumentCopy(record, previous, lookup),
  },
});

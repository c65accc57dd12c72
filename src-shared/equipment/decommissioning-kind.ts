import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { disposalMethods } from './equipment-kind';
import { qa, qaOrCustodian } from './equipment-who';
import { checkInstrumentCopy, instrumentRead } from './instrument-reads';

/**
 * A request to retire an instrument: why, when, and the checks (open bookings cancelled, data
 * archived and where, disposal method). It is approved or rejected only by the
 * EQUIPMENT_DECOMMISSIONING workflow bound to it; once approved and its checks done, QA
 * decommissions the instrument (`equipment/decommission`), which completes the request.
 */
const decommissioningData = z.object({
  equipmentId: recordIdSchema,
  /** The instrument's custodian when the request was made (instrument-reads.ts). */
  custodianId: recordIdSchema,
  requestedById: recordIdSchema,
  reason: z.string().trim().min(1, 'Say why the instrument is retired.').max(2000),
  plannedDate: planDateSchema.optional(),
  dataArchived: z.boolean().default(false),
  dataArchiveLocation: z.string().trim().max(500).default(''),
  disposalMethod: z.enum(disposalMethods.map((m) => m.value) as [string, ...string[]]).optional(),
  /** When the decommission command cancelled the remaining bookings. */
  bookingsCancelledAt: z.string().max(40).optional(),
  notes: z.string().trim().max(5000).default(''),
});
export type DecommissioningData = z.infer<typeof decommissioningData>;

// The instrument's custodian or QA asks; the workflow decides.
const requester = qaOrCustodian;

export const decommissioningKind = defineRecordKind<DecommissioningData>({
  kind: 'decommissioning',
  module: 'equipment',
  label: 'Decommissioning request',
  pluralLabel: 'Decommissioning requests',
  version: 1,
  data: decommissioningData as z.ZodType<DecommissioningData>,
  title: (d) => `Decommission: ${d.reason.slice(0, 80)}`,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'submitted', label: 'Awaiting approval', tone: 'info' },
    { id: 'approved', label: 'Approved', tone: 'success' },
    { id: 'rejected', label: 'Rejected', tone: 'error', isReadOnly: true },
    { id: 'completed', label: 'Completed', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'submitted', label: 'Submit for approval', who: requester },
    { from: ['submitted'], to: 'approved', label: 'Approve', who: 'workflow' },
    { from: ['submitted'], to: 'rejected', label: 'Reject', who: 'workflow' },
    { from: ['approved'], to: 'completed', label: 'Complete', who: qa },
    { from: ['draft', 'submitted', 'approved'], to: 'cancelled', label: 'Cancel request', who: requester, needsReason: true },
  ],
  number: { prefix: 'DEC', isYearly: true },
  columns: { parentId: (d) => d.equipmentId, personId: (d) => d.requestedById, ownerId: (d) => d.custodianId, date: (d) => d.plannedDate },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'equipmentId', label: 'Instrument', type: 'record', recordKind: 'equipment', isDefaultColumn: true },
    { field: 'reason', label: 'Reason', type: 'text', isDefaultColumn: true, isEditable: true, isMultiline: true, isRequired: true },
    { field: 'plannedDate', label: 'Planned date', type: 'date', isDefaultColumn: true, isEditable: true },
    { field: 'requestedById', label: 'Requested by', type: 'person', isDefaultColumn: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'dataArchived', label: 'Data archived', type: 'boolean', isEditable: true },
    { field: 'dataArchiveLocation', label: 'Archive location', type: 'text', isEditable: true },
    { field: 'disposalMethod', label: 'Disposal method', type: 'choice', choices: disposalMethods, isEditable: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'equipment' },
  create: requester,
  edit: [
    { fields: ['reason', 'plannedDate', 'notes'], who: requester, inStatuses: ['draft'] },
    { fields: ['dataArchived', 'dataArchiveLocation', 'disposalMethod', 'notes'], who: qaOrCustodian, inStatuses: ['draft', 'submitted', 'approved'] },
    { fields: ['bookingsCancelledAt'], who: qa, inStatuses: ['approved'] },
  ],
  remove: { who: 'creator', inStatuses: ['draft'] },
  workflows: ['EQUIPMENT_DECOMMISSIONING'],
  invariant: {
    reads: (d) => instrumentRead(d.equipmentId),
    check: ({ record, previous, lookup }) => checkInstrumentCopy(record, previous, lookup),
  },
});

import { z } from 'zod';
import { formatDateTime } from '../format/display-format';
import { recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { qaOrCustodian } from './equipment-who';
import { checkInstrumentCopy, gateReads, gateThroughLookup } from './instrument-reads';

/**
 * One use of an instrument: who, when, for which project or task (and the booking it follows).
 * Logged only when the instrument was fit for use then and the person is authorised (usage gating,
 * on host and sync server); an entry made in error is voided, never deleted. Not numbered.
 */
const usageData = z
  .object({
    equipmentId: recordIdSchema,
    custodianId: recordIdSchema,
    personId: recordIdSchema,
    startedAt: z.iso.datetime({ message: 'Enter when the use started.' }),
    endedAt: z.iso.datetime({ message: 'Enter when the use ended.' }).optional(),
    projectId: recordIdSchema.optional(),
    taskId: recordIdSchema.optional(),
    bookingId: recordIdSchema.optional(),
    /** Samples, run or batch numbers. */
    reference: z.string().trim().max(200).default(''),
    notes: z.string().trim().max(2000).default(''),
  })
  .refine((d) => !d.endedAt || d.endedAt >= d.startedAt, { message: 'The use cannot end before it starts.', path: ['endedAt'] });
export type UsageData = z.infer<typeof usageData>;

const user = { anyOf: ['subject', qaOrCustodian] } as const;

export const usageLogKind = defineRecordKind<UsageData>({
  kind: 'usage_log',
  module: 'equipment',
  label: 'Usage log entry',
  pluralLabel: 'Usage log',
  version: 1,
  data: usageData as z.ZodType<UsageData>,
  title: (d) => `Used ${formatDateTime(d.startedAt, { timeZone: 'UTC' })} UTC`,
  searchText: (d) => `${d.reference} ${d.notes}`,
  statuses: [
    { id: 'logged', label: 'Logged', tone: 'success' },
    { id: 'voided', label: 'Voided', isReadOnly: true },
  ],
  initialStatus: 'logged',
  transitions: [{ from: ['logged'], to: 'voided', label: 'Void (entered in error)', who: qaOrCustodian, needsReason: true }],
  columns: { parentId: (d) => d.equipmentId, personId: (d) => d.personId, ownerId: (d) => d.custodianId, date: (d) => d.startedAt },
  fields: [
    { field: 'equipmentId', label: 'Instrument', type: 'record', recordKind: 'equipment', isDefaultColumn: true },
    { field: 'personId', label: 'Used by', type: 'person', isDefaultColumn: true },
    { field: 'startedAt', label: 'From', type: 'datetime', isDefaultColumn: true },
    { field: 'endedAt', label: 'Until', type: 'datetime', isDefaultColumn: true, isEditable: true },
    { field: 'reference', label: 'Samples / run', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'equipment' },
  create: user,
  edit: [{ fields: ['endedAt', 'reference', 'notes'], who: user, inStatuses: ['logged'] }],
  invariant: {
    reads: (d) => gateReads(d.equipmentId, d.personId),
    check({ record, previous, lookup, now }) {
      const copy = checkInstrumentCopy(record, previous, lookup);
      if (copy) return copy;
      if (record.status !== 'logged') return null;
      const before = previous?.data as UsageData | undefined;
      // Ending a use that was taken when it started is judged over the whole use.
      if (before && before.endedAt === record.data.endedAt) return null;
      const unfit = gateThroughLookup(lookup, { equipmentId: record.data.equipmentId, personId: record.data.personId, from: record.data.startedAt, to: record.data.endedAt ?? record.data.startedAt, now, use: 'usage' });
      return unfit ? { message: unfit.message, field: unfit.reason === 'not_authorised' || unfit.reason === 'not_trained' ? 'data.personId' : 'data.equipmentId' } : null;
    },
  },
});

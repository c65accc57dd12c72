import { z } from 'zod';
import { formatDateTime } from '../format/display-format';
import { recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { findClash } from './bookings';
import { qaOrCustodian } from './equipment-who';
import { checkInstrumentCopy, gateReads, gateThroughLookup, mergeReads } from './instrument-reads';

/**
 * A booking on an instrument's calendar: who, when, for which project or task. A booking is taken
 * only when the instrument is fit for use for its whole time and the person is an authorised user
 * (usage gating, fitness.ts), and when it does not clash with another booking — checked by the
 * kind's invariant on the host and again by the sync server with its own clock. Cancelling is
 * always possible. Not numbered: bookings are many and found by instrument and time.
 */
const MAX_HOURS = 31 * 24;

const bookingData = z
  .object({
    equipmentId: recordIdSchema,
    custodianId: recordIdSchema,
    personId: recordIdSchema,
    start: z.iso.datetime({ message: 'Enter when the booking starts.' }),
    end: z.iso.datetime({ message: 'Enter when the booking ends.' }),
    purpose: z.string().trim().max(500).default(''),
    projectId: recordIdSchema.optional(),
    taskId: recordIdSchema.optional(),
  })
  .superRefine((d, ctx) => {
    const hours = (Date.parse(d.end) - Date.parse(d.start)) / 3_600_000;
    if (!(hours > 0)) ctx.addIssue({ code: 'custom', message: 'The booking must end after it starts.', path: ['end'] });
    else if (hours > MAX_HOURS) ctx.addIssue({ code: 'custom', message: 'Book at most 31 days at a time.', path: ['end'] });
  });
export type BookingData = z.infer<typeof bookingData>;

const booker = { anyOf: ['subject', qaOrCustodian] } as const;

export const bookingKind = defineRecordKind<BookingData>({
  kind: 'booking',
  module: 'equipment',
  label: 'Booking',
  pluralLabel: 'Bookings',
  version: 1,
  data: bookingData as z.ZodType<BookingData>,
  title: (d) => `Booking ${formatDateTime(d.start, { timeZone: 'UTC' })} UTC`,
  searchText: (d) => d.purpose,
  statuses: [
    { id: 'booked', label: 'Booked', tone: 'success' },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'booked',
  transitions: [{ from: ['booked'], to: 'cancelled', label: 'Cancel booking', who: booker }],
  columns: { parentId: (d) => d.equipmentId, personId: (d) => d.personId, ownerId: (d) => d.custodianId, date: (d) => d.start },
  fields: [
    { field: 'equipmentId', label: 'Instrument', type: 'record', recordKind: 'equipment', isDefaultColumn: true },
    { field: 'personId', label: 'Booked for', type: 'person', isDefaultColumn: true },
    { field: 'start', label: 'From', type: 'datetime', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'end', label: 'Until', type: 'datetime', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'purpose', label: 'Purpose', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  links: { parent: 'equipment' },
  create: booker,
  edit: [{ fields: ['start', 'end', 'purpose', 'projectId', 'taskId'], who: booker, inStatuses: ['booked'] }],
  invariant: {
    reads: (d) => mergeReads(gateReads(d.equipmentId, d.personId), { byParent: [{ kind: 'booking', parentId: d.equipmentId }] }),
    check({ record, previous, lookup, now }) {
      const copy = checkInstrumentCopy(record, previous, lookup);
      if (copy) return copy;
      if (record.status !== 'booked') return null;
      const before = previous?.data as BookingData | undefined;
      const isMoved = !before || before.start !== record.data.start || before.end !== record.data.end || before.personId !== record.data.personId;
      if (!isMoved) return null;
      const unfit = gateThroughLookup(lookup, { equipmentId: record.data.equipmentId, personId: record.data.personId, from: record.data.start, to: record.data.end, now, use: 'booking' });
      if (unfit) return { message: unfit.message, field: unfit.reason === 'not_authorised' || unfit.reason === 'not_trained' ? 'data.personId' : 'data.equipmentId' };
      const clash = findClash({ id: record.id, start: record.data.start, end: record.data.end }, lookup.byParent('booking', record.data.equipmentId));
      return clash ? { message: `The instrument is booked from ${formatDateTime(clash.start, { timeZone: 'UTC' })} to ${formatDateTime(clash.end, { timeZone: 'UTC' })} UTC; choose another time.`, field: 'data.start' } : null;
    },
  },
});

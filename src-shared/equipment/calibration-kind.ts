import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { formatDay } from '../format/display-format';
import { qa, qaOrCustodian } from './equipment-who';
import { checkInstrumentCopy, mergeReads, instrumentRead } from './instrument-reads';
import { judgeReadings } from './tolerance';

/**
 * A calibration of an instrument against one of its plans: as-found and as-left readings per
 * measurement point (the points are copied from the plan, so the record stands on its own), the
 * verdicts computed against tolerance, certificate number (and PDF as an attachment), who performed
 * it. The stored verdicts must be what the readings give — checked by the schema wherever the
 * record is written — so no PC can store a pass for readings out of tolerance. A failed
 * as-found opens an impact assessment (`equipment/calibration/record`); QA approves the record,
 * or voids one entered in error.
 */
const finite = z.number({ error: 'Enter the reading as a number.' }).refine(Number.isFinite, 'Enter the reading as a number.');

export const readingSchema = z.object({
  pointId: recordIdSchema,
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().max(20).default(''),
  nominal: z.number(),
  tolerance: z.number().min(0),
  asFound: finite.optional(),
  asLeft: finite,
});
export type Reading = z.infer<typeof readingSchema>;

const verdict = z.enum(['pass', 'fail']);

const calibrationData = z
  .object({
    equipmentId: recordIdSchema,
    custodianId: recordIdSchema,
    planId: recordIdSchema,
    performedOn: planDateSchema,
    /** An internal technician; or, for an external provider, their name below. */
    performedById: recordIdSchema.optional(),
    performedByName: z.string().trim().max(200).default(''),
    provider: z.enum(['internal', 'external']).default('internal'),
    certificateNumber: z.string().trim().max(100).default(''),
    readings: z.array(readingSchema).min(1, 'Enter the readings of every measurement point.').max(100),
    asFoundResult: z.enum(['pass', 'fail', 'not_measured']),
    result: verdict,
    wasAdjusted: z.boolean().default(false),
    notes: z.string().trim().max(5000).default(''),
    /** The impact assessment opened for an out-of-tolerance as-found reading. */
    impactDeviationId: recordIdSchema.optional(),
  })
  .superRefine((d, ctx) => {
    const judged = judgeReadings(d.readings);
    if (judged.asLeft !== d.result) ctx.addIssue({ code: 'custom', message: `The result must be “${judged.asLeft}” for these readings.`, path: ['result'] });
    if (judged.asFound !== d.asFoundResult) ctx.addIssue({ code: 'custom', message: `The as-found result must be “${judged.asFound}” for these readings.`, path: ['asFoundResult'] });
    if (d.provider === 'internal' && !d.performedById) ctx.addIssue({ code: 'custom', message: 'Say who performed the calibration.', path: ['performedById'] });
    if (d.provider === 'external' && !d.performedByName) ctx.addIssue({ code: 'custom', message: 'Name the calibration provider.', path: ['performedByName'] });
    if (d.provider === 'external' && !d.certificateNumber) ctx.addIssue({ code: 'custom', message: 'Enter the certificate number of the external calibration.', path: ['certificateNumber'] });
  });
export type CalibrationData = z.infer<typeof calibrationData>;

export const calibrationKind = defineRecordKind<CalibrationData>({
  kind: 'calibration',
  module: 'equipment',
  label: 'Calibration',
  pluralLabel: 'Calibrations',
  version: 1,
  data: calibrationData as z.ZodType<CalibrationData>,
  title: (d) => `Calibration ${formatDay(d.performedOn)}: ${d.result === 'pass' ? 'passed' : 'failed'}`,
  searchText: (d) => `${d.certificateNumber} ${d.performedByName}`,
  statuses: [
    { id: 'recorded', label: 'Recorded', tone: 'info' },
    { id: 'approved', label: 'Approved by QA', tone: 'success', isReadOnly: true },
    { id: 'voided', label: 'Voided', tone: 'default', isReadOnly: true },
  ],
  initialStatus: 'recorded',
  transitions: [
    { from: ['recorded'], to: 'approved', label: 'Approve', who: qa },
    { from: ['recorded'], to: 'voided', label: 'Void (entered in error)', who: qa, needsReason: true },
  ],
  number: { prefix: 'CAL', isYearly: true },
  columns: { parentId: (d) => d.equipmentId, ownerId: (d) => d.custodianId, date: (d) => d.performedOn, personId: (d) => d.performedById },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'equipmentId', label: 'Instrument', type: 'record', recordKind: 'equipment', isDefaultColumn: true },
    { field: 'performedOn', label: 'Performed on', type: 'date', isDefaultColumn: true },
    {
      field: 'result',
      label: 'Result',
      type: 'choice',
      choices: [{ value: 'pass', label: 'Pass' }, { value: 'fail', label: 'Fail' }],
      isDefaultColumn: true,
    },
    {
      field: 'asFoundResult',
      label: 'As found',
      type: 'choice',
      choices: [{ value: 'pass', label: 'In tolerance' }, { value: 'fail', label: 'Out of tolerance' }, { value: 'not_measured', label: 'Not measured' }],
      isDefaultColumn: true,
    },
    { field: 'certificateNumber', label: 'Certificate', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'performedById', label: 'Performed by', type: 'person' },
    { field: 'performedByName', label: 'Provider', type: 'text' },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'equipment', related: ['deviation'] },
  create: qaOrCustodian,
  // Readings and verdicts never change once recorded: a mistake is voided and recorded again.
  edit: [
    { fields: ['certificateNumber', 'notes'], who: qaOrCustodian, inStatuses: ['recorded'] },
    { fields: ['impactDeviationId'], who: qaOrCustodian, inStatuses: ['recorded'] },
  ],
  invariant: {
    reads: (d) => mergeReads(instrumentRead(d.equipmentId), { ids: [{ collection: 'records', id: d.planId }] }),
    check({ record, previous, lookup }) {
      const copy = checkInstrumentCopy(record, previous, lookup);
      if (copy || previous) return copy;
      const plan = lookup.get('records', record.data.planId);
      if (plan?.kind !== 'calibration_plan' || (plan.data as { equipmentId?: string } | undefined)?.equipmentId !== record.data.equipmentId) {
        return { message: 'Choose one of the instrument’s calibration plans.', field: 'data.planId' };
      }
      if (plan.status !== 'active') return { message: 'That calibration plan is retired.', field: 'data.planId' };
      // Judged against the plan's own tolerances, never the copy the writer sends.
      const points = ((plan.data as { points?: { id: string; name: string; nominal: number; tolerance: number }[] }).points ?? []);
      const byId = new Map(record.data.readings.map((r) => [r.pointId, r]));
      for (const point of points) {
        const reading = byId.get(point.id);
        if (!reading) return { message: `Enter the reading for “${point.name}”.`, field: 'data.readings' };
        if (reading.nominal !== point.nominal || reading.tolerance !== point.tolerance) return { message: `The nominal value or tolerance of “${point.name}” differs from the plan's.`, field: 'data.readings' };
      }
      return record.data.readings.length === points.length ? null : { message: 'Enter readings only for the plan’s measurement points.', field: 'data.readings' };
    },
  },
});

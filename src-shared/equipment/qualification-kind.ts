import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { qa, qaOrCustodian } from './equipment-who';
import { checkInstrumentCopy, instrumentRead, mergeReads } from './instrument-reads';
import { stageSchema } from './qualification-protocol-kind';
import { checkQualificationSignatures, qualificationSignatureSchema, stepResults } from './qualification-rules';

/**
 * A qualification of one instrument: an approved protocol's steps executed with results (pass, fail
 * or not applicable, comments, evidence files as attachments), then signed as executed, reviewed
 * and approved (`equipment/qualification/sign`: e-signatures with password). A failed step raises
 * a deviation (`equipment/qualification/record-step`). An approved qualification is what lets the
 * instrument be put in service (equipment-kind's invariant).
 */
export const executedStepSchema = z.object({
  id: recordIdSchema,
  text: z.string().max(1000),
  acceptanceCriteria: z.string().max(1000),
  result: z.enum(stepResults).optional(),
  comment: z.string().trim().max(2000).default(''),
  deviationId: recordIdSchema.optional(),
  recordedById: recordIdSchema.optional(),
  recordedAt: z.string().max(40).optional(),
});
export type ExecutedStepData = z.infer<typeof executedStepSchema>;

const qualificationData = z.object({
  equipmentId: recordIdSchema,
  custodianId: recordIdSchema,
  protocolId: recordIdSchema,
  stage: stageSchema,
  protocolTitle: z.string().max(200),
  /** People who execute it (besides QA and the custodian). */
  executorIds: z.array(recordIdSchema).max(20).default([]),
  steps: z.array(executedStepSchema).min(1).max(200),
  signatures: z.array(qualificationSignatureSchema).max(50).default([]),
});
export type QualificationData = z.infer<typeof qualificationData>;

const executor = { anyOf: [qaOrCustodian, { field: 'executorIds' }] } as const;

export const qualificationKind = defineRecordKind<QualificationData>({
  kind: 'qualification',
  module: 'equipment',
  label: 'Qualification',
  pluralLabel: 'Qualifications',
  version: 1,
  data: qualificationData as z.ZodType<QualificationData>,
  title: (d) => `${d.stage}: ${d.protocolTitle}`,
  statuses: [
    { id: 'planned', label: 'In execution', tone: 'info' },
    { id: 'executed', label: 'Executed, awaiting review', tone: 'info' },
    { id: 'reviewed', label: 'Reviewed, awaiting approval', tone: 'warning' },
    { id: 'approved', label: 'Approved', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'planned',
  transitions: [
    // Each signed move needs the signer's signature in the same write (the invariant): the sign command gives it.
    { from: ['planned'], to: 'executed', label: 'Sign as executed', who: executor },
    { from: ['executed'], to: 'reviewed', label: 'Sign as reviewed', who: 'anyone' },
    { from: ['reviewed'], to: 'approved', label: 'Sign as approved', who: qa },
    { from: ['executed', 'reviewed'], to: 'planned', label: 'Return for correction', who: qa, needsReason: true },
    { from: ['planned', 'executed', 'reviewed'], to: 'cancelled', label: 'Cancel', who: qa, needsReason: true },
  ],
  number: { prefix: 'QUAL', isYearly: true },
  columns: { parentId: (d) => d.equipmentId, ownerId: (d) => d.custodianId },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'equipmentId', label: 'Instrument', type: 'record', recordKind: 'equipment', isDefaultColumn: true },
    { field: 'stage', label: 'Stage', type: 'text', isDefaultColumn: true },
    { field: 'protocolTitle', label: 'Protocol', type: 'text', isDefaultColumn: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'executorIds', label: 'Executed by', type: 'people', isEditable: true },
  ],
  links: { parent: 'equipment', related: ['deviation', 'qualification_protocol'] },
  create: qaOrCustodian,
  edit: [
    { fields: ['steps'], who: executor, inStatuses: ['planned'] },
    { fields: ['executorIds'], who: qaOrCustodian, inStatuses: ['planned'] },
    { fields: ['signatures'], who: 'anyone', inStatuses: ['planned', 'executed', 'reviewed'] },
  ],
  remove: { who: qa, inStatuses: ['planned'] },
  invariant: {
    reads: (d) => mergeReads(instrumentRead(d.equipmentId), { ids: [{ collection: 'records', id: d.protocolId }], byParent: [{ kind: 'deviation', parentId: d.equipmentId }] }),
    check({ record, previous, lookup, actorId }) {
      const copy = checkInstrumentCopy(record, previous, lookup);
      if (copy) return copy;
      if (!previous) {
        const protocol = lookup.get('records', record.data.protocolId);
        if (protocol?.kind !== 'qualification_protocol' || protocol.status !== 'approved') return { message: 'Choose an approved qualification protocol.', field: 'data.protocolId' };
      }
      const deviations = new Map(lookup.byParent('deviation', record.data.equipmentId).map((d) => [String(d.id), String(d.status)]));
      return checkQualificationSignatures({
        status: record.status,
        previousStatus: previous?.status ?? null,
        steps: record.data.steps,
        signatures: record.data.signatures,
        previousSignatures: ((previous?.data as QualificationData | undefined)?.signatures ?? []),
        actorId,
        deviationStatus: (id) => deviations.get(id),
      });
    },
  },
});

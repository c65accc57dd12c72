import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { qa } from './equipment-who';

/**
 * A qualification protocol: the test steps with acceptance criteria of one stage — factory (FAT) or
 * site acceptance (SAT), installation, operational or performance qualification (IQ/OQ/PQ) — for a
 * type of instrument. QA approves it before it is executed on an instrument (`qualification`).
 */
export const qualificationStages = [
  { value: 'FAT', label: 'Factory acceptance test (FAT)' },
  { value: 'SAT', label: 'Site acceptance test (SAT)' },
  { value: 'IQ', label: 'Installation qualification (IQ)' },
  { value: 'OQ', label: 'Operational qualification (OQ)' },
  { value: 'PQ', label: 'Performance qualification (PQ)' },
] as const;
export const stageSchema = z.enum(['FAT', 'SAT', 'IQ', 'OQ', 'PQ'], 'Choose FAT, SAT, IQ, OQ or PQ.');

export const protocolStepSchema = z.object({
  id: recordIdSchema,
  text: z.string().trim().min(1, 'Describe the test step.').max(1000),
  acceptanceCriteria: z.string().trim().min(1, 'Give the acceptance criteria of the step.').max(1000),
});
export type ProtocolStep = z.infer<typeof protocolStepSchema>;

const protocolData = z
  .object({
    stage: stageSchema,
    title: z.string().trim().min(1, 'Name the protocol.').max(200),
    appliesTo: z.string().trim().max(300).default(''),
    steps: z.array(protocolStepSchema).min(1, 'Add at least one test step.').max(200),
  })
  .refine((d) => new Set(d.steps.map((s) => s.id)).size === d.steps.length, { message: 'Two steps share an id.', path: ['steps'] });
export type QualificationProtocolData = z.infer<typeof protocolData>;

export const qualificationProtocolKind = defineRecordKind<QualificationProtocolData>({
  kind: 'qualification_protocol',
  module: 'equipment',
  label: 'Qualification protocol',
  pluralLabel: 'Qualification protocols',
  version: 1,
  data: protocolData as z.ZodType<QualificationProtocolData>,
  title: (d) => `${d.stage}: ${d.title}`,
  searchText: (d) => d.appliesTo,
  statuses: [
    { id: 'draft', label: 'Draft' },
    { id: 'approved', label: 'Approved', tone: 'success', isReadOnly: true },
    { id: 'retired', label: 'Retired', isReadOnly: true },
  ],
  initialStatus: 'draft',
  transitions: [
    { from: ['draft'], to: 'approved', label: 'Approve protocol', who: qa },
    { from: ['draft', 'approved'], to: 'retired', label: 'Retire', who: qa, needsReason: true },
  ],
  number: { prefix: 'QP', isYearly: false },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'stage', label: 'Stage', type: 'choice', choices: qualificationStages, isDefaultColumn: true, isEditable: true },
    { field: 'title', label: 'Title', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'appliesTo', label: 'Applies to', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  create: 'anyone',
  edit: [{ fields: ['stage', 'title', 'appliesTo', 'steps'], who: { anyOf: ['creator', qa] }, inStatuses: ['draft'] }],
  remove: { who: { anyOf: ['creator', qa] }, inStatuses: ['draft'] },
});

import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { salesManager, salesOrOwner } from './crm-who';

/**
 * A call, email, meeting or note about a lead, contact, organisation or opportunity (its subject,
 * the parent). A record kind rather than `activity` comments because an interaction has an owner,
 * a next follow-up date the scheduler reminds about (the `date` column), a link to a meeting, its
 * own read scope (sales, even when its subject is the shared directory), a register and API routes —
 * all of which kinds give for free. The timeline of a subject (interaction-timeline.ts) reads them
 * by parent, and an organisation's timeline also those of its contacts and opportunities.
 */
export const interactionTypes = [
  { value: 'call', label: 'Call' },
  { value: 'email', label: 'Email' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'note', label: 'Note' },
] as const;

export const interactionSubjectKinds = ['lead', 'contact', 'organisation', 'opportunity'] as const;

const interactionData = z.object({
  subjectKind: z.enum(interactionSubjectKinds),
  subjectId: recordIdSchema,
  type: z.enum(['call', 'email', 'meeting', 'note']),
  direction: z.enum(['inbound', 'outbound']).default('outbound'),
  /** ISO date-time it happened. */
  occurredAt: z.iso.datetime({ offset: true, error: 'Enter when it happened, as a date and time.' }),
  summary: z.string().trim().min(1, 'Summarise the interaction in a line.').max(200),
  details: z.string().trim().max(10_000).default(''),
  contactIds: z.array(recordIdSchema).max(50).default([]),
  /** The meeting in the meetings module this interaction was (type meeting). */
  meetingId: recordIdSchema.optional(),
  ownerId: recordIdSchema,
  /** When the owner should follow up; the scheduler reminds them once on that day. */
  nextFollowUpOn: planDateSchema.optional(),
  followUpDone: z.boolean().default(false),
});
export type InteractionData = z.infer<typeof interactionData>;

export const interactionKind = defineRecordKind<InteractionData>({
  kind: 'interaction',
  module: 'crm',
  label: 'Interaction',
  pluralLabel: 'Interactions',
  version: 1,
  data: interactionData as z.ZodType<InteractionData>,
  title: (d) => d.summary,
  searchText: (d) => d.details.slice(0, 500),
  statuses: [{ id: 'logged', label: 'Logged' }],
  initialStatus: 'logged',
  transitions: [],
  columns: {
    parentId: (d) => d.subjectId,
    ownerId: (d) => d.ownerId,
    // The reminder's day while a follow-up is open; otherwise when it happened (for sorting).
    date: (d) => (d.nextFollowUpOn && !d.followUpDone ? d.nextFollowUpOn : d.occurredAt.slice(0, 10)),
  },
  fields: [
    { field: 'occurredAt', label: 'When', type: 'datetime', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'type', label: 'Type', type: 'choice', choices: interactionTypes, isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'summary', label: 'Summary', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'subjectId', label: 'About', type: 'record', isDefaultColumn: true },
    { field: 'ownerId', label: 'Owner', type: 'person', isDefaultColumn: true, isEditable: true },
    { field: 'nextFollowUpOn', label: 'Next follow-up', type: 'date', isDefaultColumn: true, isEditable: true },
    { field: 'followUpDone', label: 'Followed up', type: 'boolean', isEditable: true },
    { field: 'details', label: 'Details', type: 'text', isEditable: true, isMultiline: true },
  ],
  readScope: salesOrOwner,
  create: salesOrOwner,
  // subjectId stays editable by sales managers: the organisation merge moves interactions to the survivor.
  edit: [
    { fields: ['type', 'direction', 'occurredAt', 'summary', 'details', 'contactIds', 'meetingId', 'ownerId', 'nextFollowUpOn', 'followUpDone'], who: salesOrOwner },
    { fields: ['subjectId', 'contactIds'], who: salesManager },
  ],
  remove: { who: { anyOf: ['creator', salesManager] } },
});

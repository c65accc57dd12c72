import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { salesManager, salesOrOwner } from './crm-who';
import { defaultProbabilityOf } from './pipeline-stages';
import { salesSettingsOf, salesSettingsParent } from './sales-settings-kind';

/**
 * A chance to sell to an organisation: its stage in the pipeline (configurable, sales settings) with
 * a probability that starts at the stage's default, value and currency, expected close date and
 * owner. The outcome is its status: open, won, or lost with a reason. The invariant keeps the stage
 * one the pipeline has (host and server read the same settings record).
 */
const opportunityData = z.object({
  name: z.string().trim().min(1, 'Name the opportunity.').max(200),
  organisationId: recordIdSchema,
  contactId: recordIdSchema.optional(),
  /** The lead it was converted from. */
  leadId: recordIdSchema.optional(),
  stageId: z.string().min(1).max(40),
  probabilityPercent: z.number().int('Whole percent.').min(0).max(100),
  value: moneySchema,
  expectedCloseOn: planDateSchema,
  ownerId: recordIdSchema,
  description: z.string().trim().max(5000).default(''),
  lostReason: z.string().trim().max(1000).default(''),
  /** The day it was won or lost (the win rate's period). */
  closedOn: planDateSchema.optional(),
});
export type OpportunityData = z.infer<typeof opportunityData>;

const closing = ['open'];

export const opportunityKind = defineRecordKind<OpportunityData>({
  kind: 'opportunity',
  module: 'crm',
  label: 'Opportunity',
  pluralLabel: 'Opportunities',
  version: 1,
  data: opportunityData as z.ZodType<OpportunityData>,
  title: (d) => d.name,
  searchText: (d) => d.description.slice(0, 500),
  statuses: [
    { id: 'open', label: 'Open', tone: 'info' },
    { id: 'won', label: 'Won', tone: 'success' },
    { id: 'lost', label: 'Lost', tone: 'error' },
  ],
  initialStatus: 'open',
  transitions: [
    { from: closing, to: 'won', label: 'Mark as won', who: salesOrOwner, requires: ['closedOn'] },
    { from: closing, to: 'lost', label: 'Mark as lost', who: salesOrOwner, needsReason: true, requires: ['lostReason', 'closedOn'] },
    { from: ['won', 'lost'], to: 'open', label: 'Reopen', who: salesManager },
  ],
  number: { prefix: 'OPP', isYearly: true },
  columns: { parentId: (d) => d.organisationId, ownerId: (d) => d.ownerId, date: (d) => d.expectedCloseOn },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'name', label: 'Name', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'organisationId', label: 'Customer', type: 'record', recordKind: 'organisation', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'contactId', label: 'Contact', type: 'record', recordKind: 'contact', isEditable: true },
    { field: 'stageId', label: 'Stage', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'probabilityPercent', label: 'Probability (%)', type: 'number', isDefaultColumn: true, isEditable: true },
    { field: 'value', label: 'Value', type: 'money', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'expectedCloseOn', label: 'Expected close', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'ownerId', label: 'Owner', type: 'person', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'status', label: 'Outcome', type: 'choice', isDefaultColumn: true },
    { field: 'closedOn', label: 'Closed on', type: 'date', isEditable: true },
    { field: 'lostReason', label: 'Why lost', type: 'text', isEditable: true, isMultiline: true },
    { field: 'description', label: 'Description', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'organisation', related: ['lead', 'contact', 'quotation', 'sales_order'] },
  readScope: salesOrOwner,
  create: salesOrOwner,
  edit: [
    { fields: ['name', 'contactId', 'stageId', 'probabilityPercent', 'value', 'expectedCloseOn', 'ownerId', 'description', 'lostReason', 'closedOn'], who: salesOrOwner, inStatuses: ['open'] },
    { fields: ['closedOn', 'lostReason'], who: salesOrOwner, inStatuses: ['won', 'lost'] },
    // The organisation merge moves opportunities to the survivor.
    { fields: ['organisationId'], who: salesManager },
  ],
  remove: { who: salesManager },
  invariant: {
    reads: () => ({ byParent: [{ kind: 'sales_settings', parentId: salesSettingsParent }] }),
    check: ({ record, previous, lookup }) => {
      const stageChanged = !previous || (previous.data as { stageId?: unknown }).stageId !== record.data.stageId;
      if (!stageChanged) return null; // a stage removed from the settings later does not block other edits
      const { stages } = salesSettingsOf(lookup.byParent('sales_settings', salesSettingsParent));
      return defaultProbabilityOf(stages, record.data.stageId) === undefined
        ? { message: `The pipeline has no stage "${record.data.stageId}"; pick one of ${stages.map((s) => s.label).join(', ')}.`, field: 'data.stageId' }
        : null;
    },
  },
});

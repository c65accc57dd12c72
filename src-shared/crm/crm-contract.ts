import { z } from 'zod';
import { command, query } from '../bridge/define';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import type { CatalogueChoice } from './catalogue-line';
import type { TimelineItem } from './interaction-timeline';
import { customerAccountContract } from './customer-account-contract';
import { importableLeadFields } from './lead-import';
import { organisationMergeContract } from './organisation-merge-contract';
import type { PipelineStage } from './pipeline-stages';
import type { SalesSettingsData } from './sales-settings-kind';

/**
 * Selling, between UI and host, beyond the generic record commands (leads, opportunities,
 * quotations and orders are otherwise plain records: `records/create|update|transition`):
 * converting a qualified lead, revising and sending a quotation (PDF by email through the outbox),
 * making the order from an accepted quotation, and the pipeline board. Who may do what is each
 * kind's declaration (sales staff and the record's owner); refusals are `forbidden`, `not_found`,
 * `invalid_state` saying what to do first, or `invalid_input` naming the field.
 */
const id = recordIdSchema;

/** One opportunity on the board, with the names a card shows. */
export interface PipelineCard {
  id: string;
  number: string;
  name: string;
  organisationId: string;
  organisationName: string;
  contactId?: string;
  stageId: string;
  probabilityPercent: number;
  value: { amountMinor: number; currency: string };
  expectedCloseOn: string;
  ownerId: string;
  ownerName: string;
  status: string;
  /** The day it was won or lost (the win rate's period). */
  closedOn?: string;
}

export interface PipelineView {
  stages: PipelineStage[];
  /** Open opportunities the person may read, by expected close date. */
  open: PipelineCard[];
  /** Won and lost ones, newest close first (the list's second half). */
  closed: PipelineCard[];
}

/** The sales settings in force, and the record holding them (none until someone saved them: the defaults apply). */
export interface SalesSettingsView {
  recordId: string | null;
  settings: SalesSettingsData;
}

/**
 * Where a lead import stands (crm/leads/import answers it; `crm/leads/import-progress` follows it):
 * `imported` counts whole batches written (a batch is all or nothing), `total` the valid rows.
 */
export interface LeadImportProgress {
  importId: string;
  total: number;
  imported: number;
  /** Rows with errors, not imported. */
  skipped: number;
  /** `running` while batches remain; `cancelled` stops after the batch being written; `failed` names the line in `problem`. */
  state: 'running' | 'finished' | 'cancelled' | 'failed';
  problem: string | null;
}

const importId = z.string().min(1, 'Name the import.').max(64);

export const crmContract = {
  /**
   * Converts a qualified lead: a new organisation (or `organisationId`, an existing one), a new
   * contact (or `contactId`) and an opportunity in the stage given, its probability the stage's
   * default; the lead becomes converted and names the three.
   */
  'crm/leads/convert': command<{ lead: RecordView; organisationId: string; contactId: string; opportunity: RecordView }>()(
    z.object({
      id,
      organisationId: id.optional(),
      contactId: id.optional(),
      opportunity: z.object({
        name: z.string().trim().min(1, 'Name the opportunity.').max(200),
        stageId: z.string().min(1, 'Pick a stage.').max(40),
        value: moneySchema,
        expectedCloseOn: planDateSchema,
        ownerId: id.optional(),
      }),
    }),
  ),
  /**
   * Imports leads from CSV text with the column mapping the person chose (column index → lead
   * field): every row is checked as the preview showed it (lead-import.ts); rows with errors are
   * skipped and counted, the valid ones become leads owned by `ownerId` (or the importer). Refused
   * whole when no row is valid or the person may not create leads. Answers after the first batch
   * (the whole import when it fits one); the rest is written in batches of its own between other
   * commands, followed with `crm/leads/import-progress` and stopped with `crm/leads/cancel-import`.
   */
  'crm/leads/import': command<LeadImportProgress>()(
    z.object({
      csv: z.string().min(1, 'Choose a CSV file with a header line.').max(10_000_000, 'The file is larger than 10 MB; split it.'),
      mapping: z.record(z.string().regex(/^\d{1,3}$/), z.enum(importableLeadFields)),
      ownerId: id.optional(),
    }),
  ),
  /** Stops an import of one's own after the batch being written; answers with what was imported. */
  'crm/leads/cancel-import': command<LeadImportProgress>()(z.object({ importId })),
  /** How far an import of one's own is, live (imports are kept while the host runs). */
  'crm/leads/import-progress': query<LeadImportProgress>()(z.object({ importId })),
  /** A new draft revision of a sent (or rejected or expired) quotation, the offer copied, valid until `validUntil`. */
  'crm/quotations/revise': command<RecordView>()(z.object({ id, validUntil: planDateSchema })),
  /**
   * Sends a draft (or discount-approved) quotation: renders its PDF and queues an email with it to
   * the contact (or the customer's address) through the outbox, marks it sent, and marks the
   * revision it replaces superseded. Without an address it is still sent (`emailedTo` empty: send
   * the PDF by hand).
   */
  'crm/quotations/send': command<{ quotation: RecordView; emailedTo: string }>()(z.object({ id })),
  /** Makes the sales order from an accepted quotation (lines copied, linked both ways). */
  'crm/quotations/order': command<{ quotation: RecordView; order: RecordView }>()(
    z.object({ id, orderedOn: planDateSchema, customerReference: z.string().trim().max(100).default('') }),
  ),
  /** The catalogue with its price lists (anyone reads it), by code; discontinued items only when asked for. */
  'crm/catalogue': query<CatalogueChoice[]>()(z.object({ includeDiscontinued: z.boolean().default(false) })),
  /** The sales settings in force (anyone reads them; sales managers and admins change them through the record commands). */
  'crm/settings': query<SalesSettingsView>()(z.object({})),
  /**
   * The interactions about a lead, contact, organisation or opportunity (an organisation's include
   * its contacts' and opportunities'), newest first — those this person may read.
   */
  'crm/timeline': query<TimelineItem[]>()(z.object({ id })),
  /** The pipeline board: stages and the opportunities in them. */
  'crm/pipeline': query<PipelineView>()(z.object({})),
  ...organisationMergeContract,
  ...customerAccountContract,
};

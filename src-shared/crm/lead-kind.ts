import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { sales, salesManager, salesOrOwner } from './crm-who';
import { optionalEmail } from './organisation-kind';

/**
 * Someone who may buy: captured from a form, a CSV import (lead-import.ts) or the public API, owned
 * by a sales rep. new → contacted → qualified, or unqualified with a reason; a qualified lead is
 * converted into organisation + contact + opportunity in one command (lead-conversion.ts), which
 * records what it made here. Read by sales staff and the lead's owner.
 */
export const leadSources = [
  { value: 'website', label: 'Website form' },
  { value: 'referral', label: 'Referral' },
  { value: 'trade_show', label: 'Trade show' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'import', label: 'Import' },
  { value: 'api', label: 'API' },
  { value: 'other', label: 'Other' },
] as const;
export type LeadSource = (typeof leadSources)[number]['value'];

export const leadData = z
  .object({
    companyName: z.string().trim().max(200).default(''),
    firstName: z.string().trim().max(100).default(''),
    lastName: z.string().trim().max(100).default(''),
    email: optionalEmail,
    phone: z.string().trim().max(50).default(''),
    jobTitle: z.string().trim().max(200).default(''),
    source: z.enum(['website', 'referral', 'trade_show', 'email', 'phone', 'import', 'api', 'other']).default('other'),
    /** What they are interested in: "stability testing of 40 batches". */
    interest: z.string().trim().max(2000).default(''),
    ownerId: recordIdSchema.optional(),
    unqualifiedReason: z.string().trim().max(1000).default(''),
    /** Filled by the conversion. */
    convertedOrganisationId: recordIdSchema.optional(),
    convertedContactId: recordIdSchema.optional(),
    convertedOpportunityId: recordIdSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (!d.companyName && !d.lastName && !d.email) ctx.addIssue({ code: 'custom', message: 'Enter at least a company, a last name or an email address.', path: ['companyName'] });
  });
export type LeadData = z.infer<typeof leadData>;

export const leadTitle = (d: Pick<LeadData, 'companyName' | 'firstName' | 'lastName' | 'email'>): string => {
  const person = [d.firstName, d.lastName].filter(Boolean).join(' ');
  return [d.companyName, person].filter(Boolean).join(' — ') || d.email;
};

export const leadKind = defineRecordKind<LeadData>({
  kind: 'lead',
  module: 'crm',
  label: 'Lead',
  pluralLabel: 'Leads',
  version: 1,
  data: leadData as z.ZodType<LeadData>,
  title: leadTitle,
  searchText: (d) => `${d.email} ${d.phone} ${d.interest}`,
  statuses: [
    { id: 'new', label: 'New', tone: 'info' },
    { id: 'contacted', label: 'Contacted', tone: 'info' },
    { id: 'qualified', label: 'Qualified', tone: 'success' },
    { id: 'unqualified', label: 'Unqualified', tone: 'default' },
    { id: 'converted', label: 'Converted', tone: 'success', isReadOnly: true },
  ],
  initialStatus: 'new',
  transitions: [
    { from: ['new'], to: 'contacted', label: 'Mark as contacted', who: salesOrOwner },
    { from: ['new', 'contacted'], to: 'qualified', label: 'Qualify', who: salesOrOwner },
    { from: ['new', 'contacted', 'qualified'], to: 'unqualified', label: 'Disqualify', who: salesOrOwner, needsReason: true, requires: ['unqualifiedReason'] },
    { from: ['unqualified'], to: 'contacted', label: 'Reopen', who: salesOrOwner },
    // The conversion command (crm/leads/convert) makes the move with the three records it created.
    { from: ['qualified'], to: 'converted', label: 'Convert', who: salesOrOwner, requires: ['convertedOrganisationId', 'convertedContactId', 'convertedOpportunityId'] },
  ],
  number: { prefix: 'LEAD', isYearly: true },
  columns: { ownerId: (d) => d.ownerId },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'companyName', label: 'Company', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'firstName', label: 'First name', type: 'text', isEditable: true },
    { field: 'lastName', label: 'Last name', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'email', label: 'Email', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'phone', label: 'Phone', type: 'text', isEditable: true },
    { field: 'jobTitle', label: 'Job title', type: 'text', isEditable: true },
    { field: 'source', label: 'Source', type: 'choice', choices: leadSources, isDefaultColumn: true, isEditable: true },
    { field: 'interest', label: 'Interested in', type: 'text', isEditable: true, isMultiline: true },
    { field: 'ownerId', label: 'Owner', type: 'person', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'unqualifiedReason', label: 'Why unqualified', type: 'text', isEditable: true, isMultiline: true },
    { field: 'createdAt', label: 'Captured', type: 'datetime' },
  ],
  links: { related: ['organisation', 'contact', 'opportunity'] },
  readScope: salesOrOwner,
  create: salesOrOwner,
  edit: [
    { fields: ['companyName', 'firstName', 'lastName', 'email', 'phone', 'jobTitle', 'source', 'interest', 'ownerId', 'unqualifiedReason'], who: salesOrOwner, inStatuses: ['new', 'contacted', 'qualified', 'unqualified'] },
    { fields: ['convertedOrganisationId', 'convertedContactId', 'convertedOpportunityId'], who: salesOrOwner, inStatuses: ['qualified'] },
  ],
  remove: { who: { anyOf: [salesManager, sales] }, inStatuses: ['new', 'unqualified'] },
});

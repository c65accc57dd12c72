import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { directoryKeepers, salesManager } from './crm-who';
import { optionalEmail } from './organisation-kind';

/**
 * A person at an organisation (parent), with their roles in buying from or selling to the lab. Part
 * of the shared directory like organisations: anyone reads, sales and procurement staff keep it.
 */
export const contactRoles = [
  { value: 'decision_maker', label: 'Decision maker' },
  { value: 'purchasing', label: 'Purchasing' },
  { value: 'technical', label: 'Technical' },
  { value: 'billing', label: 'Billing' },
  { value: 'quality', label: 'Quality' },
] as const;

const contactData = z
  .object({
    organisationId: recordIdSchema,
    firstName: z.string().trim().max(100).default(''),
    lastName: z.string().trim().min(1, 'Enter the last name.').max(100),
    email: optionalEmail,
    phone: z.string().trim().max(50).default(''),
    jobTitle: z.string().trim().max(200).default(''),
    roles: z.array(z.enum(['decision_maker', 'purchasing', 'technical', 'billing', 'quality'])).max(5).default([]),
    isPrimary: z.boolean().default(false),
    ownerId: recordIdSchema.optional(),
    notes: z.string().trim().max(5000).default(''),
  });
export type ContactData = z.infer<typeof contactData>;

export const contactName = (d: Pick<ContactData, 'firstName' | 'lastName'>): string => [d.firstName, d.lastName].filter(Boolean).join(' ');

export const contactKind = defineRecordKind<ContactData>({
  kind: 'contact',
  module: 'crm',
  label: 'Contact',
  pluralLabel: 'Contacts',
  version: 1,
  data: contactData as z.ZodType<ContactData>,
  title: contactName,
  searchText: (d) => `${d.email} ${d.phone} ${d.jobTitle}`,
  statuses: [
    { id: 'active', label: 'Active', tone: 'success' },
    { id: 'left', label: 'Left the organisation' },
  ],
  initialStatus: 'active',
  transitions: [
    { from: ['active'], to: 'left', label: 'Mark as left', who: directoryKeepers },
    { from: ['left'], to: 'active', label: 'Reactivate', who: directoryKeepers },
  ],
  columns: { parentId: (d) => d.organisationId, ownerId: (d) => d.ownerId },
  fields: [
    { field: 'title', label: 'Name', type: 'text', isDefaultColumn: true },
    { field: 'firstName', label: 'First name', type: 'text', isEditable: true },
    { field: 'lastName', label: 'Last name', type: 'text', isEditable: true, isRequired: true },
    { field: 'organisationId', label: 'Organisation', type: 'record', recordKind: 'organisation', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'jobTitle', label: 'Job title', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'email', label: 'Email', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'phone', label: 'Phone', type: 'text', isEditable: true },
    { field: 'roles', label: 'Roles', type: 'choice', choices: contactRoles, isEditable: true },
    { field: 'isPrimary', label: 'Primary contact', type: 'boolean', isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'organisation' },
  create: directoryKeepers,
  // organisationId stays editable: the organisation merge moves contacts to the survivor.
  edit: [{ fields: '*', who: directoryKeepers }],
  remove: { who: salesManager },
});

import { z } from 'zod';
import { defineRecordKind } from '../records/record-kind';

/**
 * The organisation's letterhead (Settings → Organisation): name, address, logo, tax id, default
 * currency and the bank details invoices ask customers to pay to, printed on generated documents.
 * One record with a fixed id, so two PCs that set it up offline edit the same record (and meet as an ordinary conflict) instead of making two. A
 * record kind, so it syncs and the sync server lets only administrators change it, like the desktop.
 * The logo is an attachment of the record (`logoAttachmentId`).
 */
export const ORGANISATION_PROFILE_ID = 'organisation-profile';

const organisationData = z.object({
  name: z.string().trim().min(1, 'Enter the organisation’s name.').max(200, 'At most 200 characters.'),
  address: z.string().trim().max(1000, 'At most 1,000 characters.').default(''),
  taxId: z.string().trim().max(60, 'At most 60 characters.').default(''),
  defaultCurrency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR or USD.').default('EUR'),
  email: z.string().trim().max(254).default(''),
  phone: z.string().trim().max(60).default(''),
  /** Where customers pay: bank, IBAN, BIC — printed on invoices. */
  bankDetails: z.string().trim().max(500, 'At most 500 characters.').default(''),
  logoAttachmentId: z.string().max(40).optional(),
});
export type OrganisationData = z.infer<typeof organisationData>;

export const organisationProfileKind = defineRecordKind<OrganisationData>({
  kind: 'organisation_profile',
  module: 'platform',
  label: 'Organisation profile',
  pluralLabel: 'Organisation profile',
  version: 1,
  data: organisationData as z.ZodType<OrganisationData>,
  title: (d) => d.name,
  statuses: [{ id: 'active', label: 'Active' }],
  initialStatus: 'active',
  transitions: [],
  fields: [
    { field: 'name', label: 'Name', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'address', label: 'Address', type: 'text', isEditable: true, isMultiline: true },
    { field: 'taxId', label: 'Tax id', type: 'text', isEditable: true },
    { field: 'defaultCurrency', label: 'Default currency', type: 'text', isEditable: true },
    { field: 'email', label: 'Email', type: 'text', isEditable: true },
    { field: 'phone', label: 'Phone', type: 'text', isEditable: true },
    { field: 'bankDetails', label: 'Bank details', type: 'text', isEditable: true, isMultiline: true },
  ],
  create: 'admin',
  edit: [{ fields: '*', who: 'admin' }],
});

import { z } from 'zod';
import { moneySchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { directoryKeepers, salesManager } from './crm-who';
import { organisationMergeInvariant } from './organisation-merge-rule';

/**
 * A customer, a supplier or both: one kind with roles, shared by CRM and equipment procurement (the
 * equipment module's own `supplier` kind becomes organisations with the supplier role — see
 * supplier-mapping.ts). The lab's directory, so anyone reads it; sales and procurement staff keep
 * it. A supplier's approval (the approved supplier list RFQs go to) stays QA's and the procurement
 * manager's, as it was on the supplier kind, as its own field. An organisation merged into its
 * duplicate points to the survivor (`mergedIntoId`) and is kept as Merged (read-only, audited);
 * the invariant (organisation-merge-rule.ts) refuses it while records are still filed under it.
 */
export const organisationRoles = [
  { value: 'customer', label: 'Customer' },
  { value: 'supplier', label: 'Supplier' },
] as const;
export type OrganisationRole = (typeof organisationRoles)[number]['value'];

export const supplierApprovals = [
  { value: 'prospective', label: 'Prospective' },
  { value: 'approved', label: 'Approved' },
  { value: 'suspended', label: 'Suspended' },
] as const;

export const optionalEmail = z.union([z.literal(''), z.email('Enter an email address like orders@example.com.').max(200)]).default('');

export const addressSchema = z.object({
  id: recordIdSchema,
  purpose: z.enum(['billing', 'delivery', 'visiting']).default('billing'),
  lines: z.string().trim().min(1, 'Enter the street and building.').max(500),
  postcode: z.string().trim().max(20).default(''),
  city: z.string().trim().max(100).default(''),
  /** ISO 3166 alpha-2, e.g. DE. */
  country: z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. DE.')]).default(''),
});

const organisationData = z.object({
  name: z.string().trim().min(1, 'Name the organisation.').max(200),
  roles: z.array(z.enum(['customer', 'supplier'])).min(1, 'Say whether it is a customer, a supplier or both.').max(2),
  email: optionalEmail,
  phone: z.string().trim().max(50).default(''),
  website: z.string().trim().max(200).default(''),
  /** VAT or other tax registration number. */
  taxId: z.string().trim().max(50).default(''),
  addresses: z.array(addressSchema).max(20).default([]),
  /** Days until an invoice to them is due (customers) or we pay them (suppliers). */
  paymentTermsDays: z.number().int('Whole days.').min(0).max(365).default(30),
  currency: moneySchema.shape.currency.default('EUR'),
  /** The account manager (`owner` in rules). */
  ownerId: recordIdSchema.optional(),
  /** What a supplier supplies: "balances, calibration services". */
  supplierScope: z.string().trim().max(500).default(''),
  supplierApproval: z.enum(['prospective', 'approved', 'suspended']).default('prospective'),
  notes: z.string().trim().max(5000).default(''),
  /** Set by the merge: the organisation this duplicate was merged into. */
  mergedIntoId: recordIdSchema.optional(),
  /** Where a supplier record came from when suppliers became organisations (supplier-mapping.ts). */
  legacySupplierNumber: z.string().max(40).optional(),
});
export type OrganisationData = z.infer<typeof organisationData>;

const supplierApprovers = { anyOf: [{ roles: ['procurement_manager', 'qa_manager'] }, 'admin'] } as const;

export const organisationKind = defineRecordKind<OrganisationData>({
  kind: 'organisation',
  module: 'crm',
  label: 'Organisation',
  pluralLabel: 'Organisations',
  version: 1,
  data: organisationData as z.ZodType<OrganisationData>,
  title: (d) => d.name,
  searchText: (d) => `${d.email} ${d.taxId} ${d.website} ${d.supplierScope} ${d.addresses.map((a) => a.city).join(' ')}`,
  statuses: [
    { id: 'active', label: 'Active', tone: 'success' },
    { id: 'archived', label: 'Archived' },
    // A duplicate retired by the merge: kept (read-only, pointing to the survivor) so that links
    // from PCs that were offline during the merge still lead somewhere.
    { id: 'merged', label: 'Merged', isReadOnly: true },
  ],
  initialStatus: 'active',
  transitions: [
    { from: ['active'], to: 'archived', label: 'Archive', who: directoryKeepers, needsReason: true },
    { from: ['archived'], to: 'active', label: 'Reactivate', who: directoryKeepers },
    { from: ['active', 'archived'], to: 'merged', label: 'Merge into another', who: salesManager, requires: ['mergedIntoId'], isFollowingData: true },
  ],
  number: { prefix: 'ORG', isYearly: false },
  columns: { ownerId: (d) => d.ownerId },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'name', label: 'Name', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'roles', label: 'Roles', type: 'choice', choices: organisationRoles, isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'email', label: 'Email', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'phone', label: 'Phone', type: 'text', isEditable: true },
    { field: 'website', label: 'Website', type: 'text', isEditable: true },
    { field: 'taxId', label: 'Tax id', type: 'text', isEditable: true },
    { field: 'paymentTermsDays', label: 'Payment terms (days)', type: 'number', isEditable: true },
    { field: 'currency', label: 'Currency', type: 'text', isEditable: true },
    { field: 'ownerId', label: 'Account manager', type: 'person', isDefaultColumn: true, isEditable: true },
    { field: 'supplierScope', label: 'Supplies', type: 'text', isEditable: true },
    { field: 'supplierApproval', label: 'Supplier approval', type: 'choice', choices: supplierApprovals, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
    { field: 'mergedIntoId', label: 'Merged into', type: 'record', recordKind: 'organisation' },
  ],
  links: { related: ['organisation', 'purchase_order', 'rfq', 'equipment'] },
  create: directoryKeepers,
  edit: [
    { fields: ['name', 'roles', 'email', 'phone', 'website', 'taxId', 'addresses', 'paymentTermsDays', 'currency', 'ownerId', 'supplierScope', 'notes'], who: directoryKeepers, inStatuses: ['active'] },
    // The approved supplier list is QA's and the procurement manager's, as on the supplier kind.
    { fields: ['supplierApproval'], who: supplierApprovers, inStatuses: ['active'] },
    // Only the merge sets the pointer, and only sales managers merge (crm/organisations/merge).
    { fields: ['mergedIntoId'], who: salesManager },
  ],
  remove: { who: salesManager },
  invariant: organisationMergeInvariant,
});

import { z } from 'zod';
import { defineRecordKind } from '../records/record-kind';
import { procurement, procurementManager, qa } from './equipment-who';

/**
 * A supplier of instruments, parts and calibration services. Its own kind because CRM's
 * organisations do not exist yet; when they do, suppliers become organisations with a supplier
 * role (a data migration, since RFQs, bids and orders refer to them by id). Approval puts it on the
 * approved supplier list; only approved suppliers are sent RFQs.
 */
const optionalEmail = z.union([z.literal(''), z.email('Enter an email address like sales@supplier.com.').max(200)]).default('');

const supplierData = z.object({
  name: z.string().trim().min(1, 'Name the supplier.').max(200),
  contactName: z.string().trim().max(200).default(''),
  email: optionalEmail,
  phone: z.string().trim().max(50).default(''),
  address: z.string().trim().max(1000).default(''),
  vatNumber: z.string().trim().max(50).default(''),
  /** What they supply: "balances, calibration services". */
  scope: z.string().trim().max(500).default(''),
  notes: z.string().trim().max(5000).default(''),
});
export type SupplierData = z.infer<typeof supplierData>;

const approvers = { anyOf: [procurementManager, qa] } as const;

export const supplierKind = defineRecordKind<SupplierData>({
  kind: 'supplier',
  module: 'equipment',
  label: 'Supplier',
  pluralLabel: 'Suppliers',
  version: 1,
  data: supplierData as z.ZodType<SupplierData>,
  title: (d) => d.name,
  searchText: (d) => `${d.contactName} ${d.email} ${d.scope}`,
  statuses: [
    { id: 'prospective', label: 'Prospective', tone: 'info' },
    { id: 'approved', label: 'Approved', tone: 'success' },
    { id: 'suspended', label: 'Suspended', tone: 'error' },
  ],
  initialStatus: 'prospective',
  transitions: [
    { from: ['prospective', 'suspended'], to: 'approved', label: 'Approve supplier', who: approvers },
    { from: ['prospective', 'approved'], to: 'suspended', label: 'Suspend', who: approvers, needsReason: true },
  ],
  number: { prefix: 'SUP', isYearly: false },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'name', label: 'Name', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'contactName', label: 'Contact', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'email', label: 'Email', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'phone', label: 'Phone', type: 'text', isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'scope', label: 'Supplies', type: 'text', isEditable: true },
    { field: 'address', label: 'Address', type: 'text', isEditable: true, isMultiline: true },
    { field: 'vatNumber', label: 'VAT number', type: 'text', isEditable: true },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  create: procurement,
  edit: [{ fields: '*', who: procurement }],
  remove: { who: procurementManager, inStatuses: ['prospective'] },
});

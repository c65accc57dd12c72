import type { OrganisationData } from './organisation-kind';

/**
 * How equipment's `supplier` records become organisations with the supplier role (the lead's
 * decision: one organisation kind shared by CRM and procurement). The organisation keeps the
 * supplier's record id, so every RFQ, bid, purchase order, instrument and calibration plan that
 * names the supplier keeps working without touching them; the supplier's status becomes the
 * organisation's `supplierApproval` (status prospective/approved/suspended → the same values), and
 * its contact name becomes a contact. Pure; the data migration that applies it (host and server,
 * once, audited) is the next step — see src-shared/crm/README.md.
 */

type Doc = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface MappedSupplier {
  organisation: { id: string; kind: 'organisation'; status: 'active'; title: string; data: OrganisationData };
  /** A contact for the supplier's contact person, when it named one. */
  contact: { id: string; kind: 'contact'; status: 'active'; title: string; data: { organisationId: string; firstName: string; lastName: string; email: string; phone: string } } | null;
}

/** The contact made from a supplier's contact name has a derived id, so running the migration twice makes it once. */
export const supplierContactId = (supplierId: string): string => `${supplierId.slice(0, 37)}-ct`;

export function organisationFromSupplier(supplier: Doc): MappedSupplier {
  const id = text(supplier.id);
  const d = (supplier.data ?? {}) as Doc;
  const status = text(supplier.status);
  const name = text(d.name);
  const address = text(d.address).trim();
  const organisation: MappedSupplier['organisation'] = {
    id,
    kind: 'organisation',
    status: 'active',
    title: name,
    data: {
      name,
      roles: ['supplier'],
      email: text(d.email),
      phone: text(d.phone),
      website: '',
      taxId: text(d.vatNumber),
      addresses: address ? [{ id: `${id.slice(0, 37)}-ad`, purpose: 'billing', lines: address, postcode: '', city: '', country: '' }] : [],
      paymentTermsDays: 30,
      currency: 'EUR',
      supplierScope: text(d.scope),
      supplierApproval: status === 'approved' || status === 'suspended' ? status : 'prospective',
      notes: text(d.notes),
      ...(text(supplier.number) ? { legacySupplierNumber: text(supplier.number) } : {}),
    },
  };
  const contactName = text(d.contactName).trim();
  if (!contactName) return { organisation, contact: null };
  const parts = contactName.split(/\s+/);
  const lastName = parts.pop()!;
  return {
    organisation,
    contact: { id: supplierContactId(id), kind: 'contact', status: 'active', title: contactName, data: { organisationId: id, firstName: parts.join(' '), lastName, email: text(d.email), phone: text(d.phone) } },
  };
}

/** Whether an organisation is on the approved supplier list (what procurement checks before sending an RFQ). */
export const isApprovedSupplier = (organisation: { status?: unknown; data?: unknown }): boolean => {
  const d = (organisation.data ?? {}) as Doc;
  return organisation.status === 'active' && Array.isArray(d.roles) && d.roles.includes('supplier') && d.supplierApproval === 'approved';
};

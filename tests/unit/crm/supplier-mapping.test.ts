import { describe, expect, it } from 'vitest';
import { contactKind } from '../../../src-shared/crm/contact-kind';
import { organisationKind } from '../../../src-shared/crm/organisation-kind';
import { isApprovedSupplier, organisationFromSupplier, supplierContactId } from '../../../src-shared/crm/supplier-mapping';
import { parseData } from '../../../src-shared/records/record-data';

const supplier = (status: string, data: Record<string, unknown> = {}) => ({
  id: '01JSUPPLIER0000000000000001',
  kind: 'supplier',
  status,
  number: 'SUP-0007',
  data: { name: 'Balance Service GmbH', contactName: 'Anna Maria Berg', email: 'service@balance.de', phone: '+49 30 1', address: 'Hauptstr. 1, Berlin', vatNumber: 'DE123', scope: 'balances', notes: 'ISO 17025', ...data },
});

describe('suppliers as organisations', () => {
  it('keep the record id, become the supplier role with the same approval, and a contact for the contact person', () => {
    const { organisation, contact } = organisationFromSupplier(supplier('approved'));
    expect(organisation).toMatchObject({ id: '01JSUPPLIER0000000000000001', kind: 'organisation', status: 'active', title: 'Balance Service GmbH' });
    expect(organisation.data).toMatchObject({ name: 'Balance Service GmbH', roles: ['supplier'], taxId: 'DE123', supplierScope: 'balances', supplierApproval: 'approved', notes: 'ISO 17025', legacySupplierNumber: 'SUP-0007', addresses: [{ lines: 'Hauptstr. 1, Berlin', purpose: 'billing' }] });
    expect(contact).toEqual({ id: supplierContactId('01JSUPPLIER0000000000000001'), kind: 'contact', status: 'active', title: 'Anna Maria Berg', data: { organisationId: '01JSUPPLIER0000000000000001', firstName: 'Anna Maria', lastName: 'Berg', email: 'service@balance.de', phone: '+49 30 1' } });
  });

  it('give data the organisation and contact kinds accept', () => {
    const { organisation, contact } = organisationFromSupplier(supplier('suspended'));
    expect(parseData(organisationKind, organisation.data).ok).toBe(true);
    expect(parseData(contactKind, contact!.data).ok).toBe(true);
    expect(organisation.data.supplierApproval).toBe('suspended');
  });

  it('make no contact when the supplier named none, and treat an unknown status as prospective', () => {
    const mapped = organisationFromSupplier(supplier('whatever', { contactName: ' ', address: '' }));
    expect(mapped.contact).toBeNull();
    expect(mapped.organisation.data.supplierApproval).toBe('prospective');
    expect(mapped.organisation.data.addresses).toEqual([]);
  });

  it('count only active organisations with the supplier role and approval as approved suppliers', () => {
    expect(isApprovedSupplier({ status: 'active', data: { roles: ['customer', 'supplier'], supplierApproval: 'approved' } })).toBe(true);
    expect(isApprovedSupplier({ status: 'archived', data: { roles: ['supplier'], supplierApproval: 'approved' } })).toBe(false);
    expect(isApprovedSupplier({ status: 'active', data: { roles: ['customer'], supplierApproval: 'approved' } })).toBe(false);
    expect(isApprovedSupplier({ status: 'active', data: { roles: ['supplier'], supplierApproval: 'prospective' } })).toBe(false);
  });
});

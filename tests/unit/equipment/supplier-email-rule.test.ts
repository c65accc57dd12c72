import { describe, expect, it } from 'vitest';
import { supplierEmailDecision } from '../../../src-shared/equipment/supplier-email-rule';
import { can } from '../../../src-shared/sync/permissions';
import { noRelated, type RelatedDocuments } from '../../../src-shared/sync/related-documents';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

const supplier = { id: 'SUP-1', kind: 'supplier', data: { name: 'Balances Ltd', email: 'Sales@Balances.example' } };
const related: RelatedDocuments = { ...noRelated, get: (collection, id) => (collection === 'records' && id === supplier.id ? supplier : null) };
const person = (roles: string[]): SyncPerson => ({ id: 'P-1', roles, isActive: true }) as SyncPerson;
const rfqEmail = (to: string, recipientId = supplier.id) => ({
  id: 'ob-1', kind: 'outbox', recipientId, createdBy: 'P-1', updatedBy: 'P-1',
  data: { channel: 'email', to, subject: 'Request for quotation RFQ-2026-0001', text: '', html: '', attempts: 0, maxAttempts: 5, log: [] },
});

describe('an RFQ or purchase order emailed to a supplier', () => {
  it('may be queued by procurement staff to the address on the supplier’s record', () => {
    expect(supplierEmailDecision(person(['procurement_officer']), rfqEmail('sales@balances.example'), related)).toEqual({ isAllowed: true });
    expect(can(person(['procurement_officer']), 'create', { collection: 'notifications', doc: rfqEmail('sales@balances.example'), related }).isAllowed).toBe(true);
  });

  it('is refused to another address, from someone outside procurement, and for a supplier the server does not have', () => {
    expect(can(person(['procurement_officer']), 'create', { collection: 'notifications', doc: rfqEmail('someone@elsewhere.example'), related })).toMatchObject({ isAllowed: false, reason: expect.stringContaining('address on its record') });
    expect(can(person(['scientist']), 'create', { collection: 'notifications', doc: rfqEmail('sales@balances.example'), related })).toMatchObject({ isAllowed: false, reason: expect.stringContaining('procurement staff') });
    expect(can(person(['procurement_officer']), 'create', { collection: 'notifications', doc: rfqEmail('sales@balances.example', 'SUP-UNKNOWN'), related }).isAllowed).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { quotationKind } from '../../../src-shared/crm/quotation-kind';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { recordsWriteDecision } from '../../../src-shared/records/record-write-rule';
import { statusPath } from '../../../src-shared/records/status-path';
import { noRelated } from '../../../src-shared/sync/related-documents';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

/**
 * A record moved more than once before its push (offline, or faster than the push) reaches the sync
 * server as one state: a quotation created and sent, or sent and then accepted. The server takes the
 * jump when the pusher may make every move on the way and each is judged as its own step — so a
 * discount that needed approval cannot slip through by being sent before the first push.
 */
const sam: SyncPerson = { id: 'P-SAM', email: 'sam@lab.org', name: 'Sam Sales', roles: ['sales'], isActive: true };
const max: SyncPerson = { id: 'P-MAX', email: 'max@lab.org', name: 'Max Member', roles: ['member'], isActive: true };
const related = { ...noRelated, now: () => '2026-05-02T12:00:00.000Z' };

const lineOf = (discountPercent: number) => [{ id: 'l1', description: 'Stability study', unit: 'batch', quantity: 2, unitPriceMinor: 50_000, discountPercent, taxRatePercent: 19 }];
const dataOf = (discountPercent = 0, extra: Record<string, unknown> = {}) => {
  const lines = lineOf(discountPercent);
  return { organisationId: 'ORG-1', ownerId: 'P-SAM', currency: 'EUR', lines, taxRounding: 'per_line', total: { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' }, validUntil: '2026-06-01', terms: '', revision: 1, rejectedReason: '', ...extra };
};
const quotation = (status: string, data: Record<string, unknown>, by = 'P-SAM') => ({
  id: 'Q-1', kind: 'quotation', kindVersion: 1, status, title: 'Q', number: '', numberState: '', personId: '', managerIds: [], ownerId: 'P-SAM', departmentId: '', parentId: 'ORG-1', date: '2026-06-01',
  createdAt: 'x', updatedAt: 'x', createdBy: by, updatedBy: by, auditId: '', data, _deleted: false,
});
const sent = { sentAt: '2026-05-02T09:00:00.000Z' };
const decided = { ...sent, decidedOn: '2026-05-02' };

describe('statusPath', () => {
  const query = (to: string, data: Record<string, unknown>, actor = sam, workflow: string[] = []) =>
    statusPath({ kind: quotationKind, actor, target: quotation('draft', data), data, from: 'draft', to, hasWorkflowMove: (s) => workflow.includes(s) })?.map((t) => t.to) ?? null;

  it('finds the moves a sales person makes from draft to accepted, their required fields filled', () => {
    expect(query('accepted', dataOf(0, decided))).toEqual(['sent', 'accepted']);
    expect(query('sent', dataOf(0, sent))).toEqual(['sent']);
  });

  it('finds none when a move on the way is not the pusher’s, or its required field is empty', () => {
    expect(query('accepted', dataOf(0, sent))).toBeNull();
    expect(query('accepted', dataOf(0, decided), max)).toBeNull();
    // Only LabFlow itself expires a quotation.
    expect(query('expired', dataOf(0, sent))).toBeNull();
  });

  it('goes through an approval only when the record’s workflow made it', () => {
    expect(query('approved', dataOf(30))).toBeNull();
    expect(query('approved', dataOf(30), sam, ['approved'])).toEqual(['in_approval', 'approved']);
  });
});

describe('a quotation moved on before its first push, on the sync server', () => {
  it('takes one created and sent as one state', () => {
    expect(recordsWriteDecision(sam, 'create', quotation('sent', dataOf(0, sent)), null, related)).toMatchObject({ isAllowed: true });
  });

  it('takes one sent and accepted as one change, with the decision date only a sent quotation takes', () => {
    const stored = quotation('draft', dataOf(0));
    expect(recordsWriteDecision(sam, 'update', quotation('accepted', dataOf(0, decided)), stored, related)).toMatchObject({ isAllowed: true });
  });

  it('judges each move: a discount that needs approval is refused though it was sent before the push', () => {
    expect(recordsWriteDecision(sam, 'create', quotation('sent', dataOf(40, sent)), null, related)).toMatchObject({ isAllowed: false, reason: expect.stringContaining('ask for approval before sending') });
    expect(recordsWriteDecision(sam, 'update', quotation('accepted', dataOf(40, decided)), quotation('draft', dataOf(40)), related)).toMatchObject({ isAllowed: false, reason: expect.stringContaining('ask for approval before sending') });
  });

  it('refuses a jump the pusher could not have made', () => {
    expect(recordsWriteDecision(max, 'create', quotation('sent', dataOf(0, sent), 'P-MAX'), null, related)).toMatchObject({ isAllowed: false });
    expect(recordsWriteDecision(sam, 'create', quotation('expired', dataOf(0, sent)), null, related)).toMatchObject({ isAllowed: false, reason: 'A new quotation starts as Draft.' });
    expect(recordsWriteDecision(sam, 'update', quotation('accepted', dataOf(0, sent)), quotation('draft', dataOf(0)), related)).toMatchObject({ isAllowed: false });
  });
});

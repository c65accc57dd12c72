import { describe, expect, it } from 'vitest';
import { labDayOf, quotationExpiryReminder, quotationsToExpire } from '../../../src-shared/crm/quotation-expiry';
import { labflowItself } from '../../../src-shared/records/labflow-actor';
import { quotationKind } from '../../../src-shared/crm/quotation-kind';
import { availableTransitions, checkRecordWrite } from '../../../src-shared/records/record-rules';
import { isWho } from '../../../src-shared/records/who';
import { roleCodeSchema } from '../../../src-shared/people/person';

const quotation = (id: string, status: string, validUntil: string, extra: Record<string, unknown> = {}) => ({ id, status, number: `QUO-2026-000${id.slice(1)}`, data: { validUntil, ownerId: 'sam' }, ...extra });

describe('which quotations expire', () => {
  it('sent ones the day after their last valid day, never drafts, decided or removed ones', () => {
    const quotes = [
      quotation('q1', 'sent', '2026-03-01'),
      quotation('q2', 'sent', '2026-03-02'),
      quotation('q3', 'draft', '2026-01-01'),
      quotation('q4', 'accepted', '2026-01-01'),
      quotation('q5', 'sent', '2026-01-01', { deletedAt: '2026-02-01T00:00:00.000Z' }),
    ];
    expect(quotationsToExpire(quotes, '2026-03-02')).toEqual(['q1']);
    expect(quotationsToExpire(quotes, '2026-03-03')).toEqual(['q1', 'q2']);
  });

  it('take the lab’s calendar day, not UTC’s', () => {
    expect(labDayOf(new Date('2026-03-01T23:30:00.000Z'), 60)).toBe('2026-03-02');
    expect(labDayOf(new Date('2026-03-02T00:30:00.000Z'), -120)).toBe('2026-03-01');
  });
});

describe('the expiry reminder', () => {
  it('is due at the lab’s midnight after the last valid day, to the owner, leading to the quotation', () => {
    expect(quotationExpiryReminder(quotation('q1', 'sent', '2026-03-01'), 60)).toMatchObject({
      kind: 'crm_quotation_expiry', event: 'crm_quotation_expired', recipientId: 'sam', dueAt: '2026-03-01T23:00:00.000Z',
      subject: 'QUO-2026-0001 has expired', link: { section: 'records', itemId: 'q1' }, about: 'q1',
    });
  });

  it('has one id per quotation, whatever its status or validity (so it fires once)', () => {
    const sent = quotationExpiryReminder(quotation('q1', 'sent', '2026-03-01'), 0);
    expect(quotationExpiryReminder(quotation('q1', 'expired', '2026-03-01'), 0)?.id).toBe(sent?.id);
    expect(quotationExpiryReminder(quotation('q1', 'sent', '2026-04-01'), 0)?.id).toBe(sent?.id);
    expect(quotationExpiryReminder(quotation('q2', 'sent', '2026-03-01'), 0)?.id).not.toBe(sent?.id);
  });

  it('exists only for sent and expired quotations', () => {
    for (const status of ['draft', 'in_approval', 'approved', 'accepted', 'rejected', 'superseded']) expect(quotationExpiryReminder(quotation('q1', status, '2026-03-01'), 0)).toBeNull();
    expect(quotationExpiryReminder(quotation('q1', 'sent', '2026-03-01', { deletedAt: '2026-03-01T00:00:00.000Z' }), 0)).toBeNull();
  });
});

describe('who expires a quotation', () => {
  const sent = { kind: 'quotation', status: 'sent', ownerId: 'sam', createdBy: 'sam', personId: '', departmentId: '', managerIds: [], data: { validUntil: '2026-03-01' } };
  const sam = { id: 'sam', roles: ['sales_manager', 'admin'], isActive: true };
  it('only LabFlow’s scheduler, never a person however senior', () => {
    expect(availableTransitions(quotationKind, sam, sent).map((t) => t.to)).not.toContain('expired');
    expect(checkRecordWrite({ kind: quotationKind, actor: sam, before: sent, after: { ...sent, status: 'expired' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const scheduler = { id: 'system', roles: [...labflowItself.roles], isActive: true };
    expect(checkRecordWrite({ kind: quotationKind, actor: scheduler, before: sent, after: { ...sent, status: 'expired' } })).toMatchObject({ ok: true });
  });
  it('with a role code no person can be given', () => {
    expect(roleCodeSchema.safeParse(labflowItself.roles[0]).success).toBe(false);
    expect(isWho(labflowItself, { id: 'p', roles: ['sales'], isActive: true }, {})).toBe(false);
  });
});

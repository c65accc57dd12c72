import { describe, expect, it } from 'vitest';
import { fieldText, fieldValue } from '../../../src-shared/documents/field-text';
import { formatDocumentDay, formatDocumentMoney, formatDocumentTime, signatureLines } from '../../../src-shared/documents/signature-lines';

describe('document text', () => {
  it('lists the signatures of a record’s workflow runs, oldest first, with who, what they mean and when', () => {
    const lines = signatureLines(
      [
        { instanceId: 'W1', seq: 3, stepId: 'finance', action: 'approve', signature: { meaning: 'approved', signerName: 'Fred Finance', signedAt: '2026-04-03T08:00:00.000Z' } },
        { instanceId: 'W1', seq: 2, stepId: 'manager', action: 'approve', signature: { meaning: 'reviewed', signerName: 'Mia Manager', signedAt: '2026-04-02T10:15:00.000Z' } },
        { instanceId: 'W1', seq: 1, stepId: 'start' },
      ],
      () => 'EQUIPMENT_PROCUREMENT',
    );
    expect(lines.map((l) => [l.signerName, l.meaningLabel, l.context])).toEqual([
      ['Mia Manager', 'Reviewed', 'manager — approve'],
      ['Fred Finance', 'Approved', 'finance — approve'],
    ]);
  });

  it('prints one date-time format in the zone named, days as calendar days, money with its currency', () => {
    expect(formatDocumentTime('2026-04-02T10:15:00.000Z', 'Europe/Vienna')).toBe('2 Apr 2026, 12:15 (Europe/Vienna)');
    expect(formatDocumentTime('2026-04-02T10:15:00.000Z', 'UTC')).toBe('2 Apr 2026, 10:15 (UTC)');
    expect(formatDocumentDay('2026-12-31')).toBe('31 Dec 2026');
    // A no-break space keeps the code with its amount on one line.
    expect(formatDocumentMoney(1_245_000, 'EUR')).toBe('EUR\u00a012,450.00');
    // In its currency's decimals: yen have none, so 1,000 minor units are ¥1,000, not ¥10.
    expect(formatDocumentMoney(1_000, 'JPY')).toBe('JPY\u00a01,000');
  });

  it('prints a field by its declared type', () => {
    const names = new Map([['P1', 'Łukasz Dvořák']]);
    const record = { number: 'PR-1', status: 'submitted', data: { requesterId: 'P1', cost: { amountMinor: 500, currency: 'USD' }, neededBy: '2026-05-01', isUrgent: true } };
    const context = { names, timeZone: 'UTC', statusLabel: 'Submitted' };
    expect(fieldText({ field: 'requesterId', label: 'By', type: 'person' }, fieldValue(record, 'requesterId'), context)).toBe('Łukasz Dvořák');
    expect(fieldText({ field: 'cost', label: 'Cost', type: 'money' }, fieldValue(record, 'cost'), context)).toBe('USD\u00a05.00');
    expect(fieldText({ field: 'neededBy', label: 'Needed', type: 'date' }, fieldValue(record, 'neededBy'), context)).toBe('1 May 2026');
    expect(fieldText({ field: 'status', label: 'Status', type: 'choice' }, fieldValue(record, 'status'), context)).toBe('Submitted');
    expect(fieldText({ field: 'isUrgent', label: 'Urgent', type: 'boolean' }, fieldValue(record, 'isUrgent'), context)).toBe('Yes');
    expect(fieldText({ field: 'missing', label: 'Missing', type: 'text' }, fieldValue(record, 'missing'), context)).toBe('');
  });
});

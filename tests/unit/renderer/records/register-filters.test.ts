import { describe, expect, it } from 'vitest';
import { purchaseRequestKind as kind } from '../../../../src-shared/equipment/purchase-request-kind';
import { leaveRequestKind } from '../../../../src-shared/hr/leave-request-kind';
import type { AnyRecordKind } from '../../../../src-shared/records/record-kind';
import { buildFilter, conditionsOf, describeFilter, filterableFields, inputOf } from '../../../../src-renderer/records/register-filters';

const field = (name: string, k: AnyRecordKind = kind) => k.fields.find((f) => f.field === name)!;
const words = { personName: (id: string) => ({ p1: 'Barbara McClintock' })[id] };

describe('register filters', () => {
  it('offer the conditions each type of field can meet', () => {
    expect(conditionsOf(field('itemName')).map((c) => c.op)).toEqual(['contains', 'is_empty', 'not_empty']);
    expect(conditionsOf(field('estimatedCost')).map((c) => c.label)).toEqual(['is less than', 'is more than', 'is empty', 'is not empty']);
    expect(conditionsOf(field('status')).map((c) => c.op)).toEqual(['in']);
    expect(conditionsOf(field('leaveType', leaveRequestKind)).map((c) => c.op)).toEqual(['in', 'is_empty', 'not_empty']);
    expect(filterableFields(kind).map((f) => f.field)).not.toContain('number');
  });

  it('turn what was typed into the host’s filter, or say what is wrong', () => {
    expect(buildFilter(field('estimatedCost'), 'after', '1,000.50')).toEqual({ ok: true, filter: { field: 'estimatedCost', op: 'after', value: 100_050 } });
    expect(buildFilter(field('quantity'), 'before', '2,5')).toEqual({ ok: true, filter: { field: 'quantity', op: 'before', value: 2.5 } });
    expect(buildFilter(field('quantity'), 'equals', 'many')).toEqual({ ok: false, message: 'Enter a number.' });
    expect(buildFilter(field('neededBy'), 'before', '2026-05-04')).toEqual({ ok: true, filter: { field: 'neededBy', op: 'before', value: '2026-05-04' } });
    expect(buildFilter(field('neededBy'), 'before', '4 May')).toEqual({ ok: false, message: 'Enter a date.' });
    expect(buildFilter(field('status'), 'in', [])).toEqual({ ok: false, message: 'Choose at least one.' });
    expect(buildFilter(field('supplierName'), 'is_empty', '')).toEqual({ ok: true, filter: { field: 'supplierName', op: 'is_empty' } });
    expect(buildFilter(field('supplierName'), 'contains', '  ')).toEqual({ ok: false, message: 'Enter a value.' });
    expect(buildFilter(field('supplierName'), 'before', 'x')).toEqual({ ok: false, message: 'Choose a condition.' });
  });

  it('bound a day of an instant field from its start to its end, in this PC’s zone', () => {
    const updated = field('updatedAt');
    const before = buildFilter(updated, 'before', '2026-03-02');
    const after = buildFilter(updated, 'after', '2026-03-02');
    if (!before.ok || !after.ok) throw new Error('expected filters');
    const noon = new Date(2026, 2, 2, 12).toISOString();
    expect(String(before.filter.value) < noon && noon < String(after.filter.value)).toBe(true);
    expect(inputOf(updated, before.filter)).toBe('2026-03-02');
    expect(inputOf(updated, after.filter)).toBe('2026-03-02');
    expect(inputOf(field('estimatedCost'), { field: 'estimatedCost', op: 'after', value: 100_050 })).toBe('1000.5');
  });

  it('read back as words on their chips', () => {
    expect(describeFilter(kind, { field: 'status', op: 'in', value: ['draft', 'submitted'] }, words)).toBe('Status is any of Draft or Submitted');
    expect(describeFilter(kind, { field: 'status', op: 'in', value: ['draft'] }, words)).toBe('Status is Draft');
    expect(describeFilter(kind, { field: 'estimatedCost', op: 'after', value: 100_000 }, words)).toMatch(/^Estimated cost is more than €1,000\.00$/);
    expect(describeFilter(kind, { field: 'requesterId', op: 'equals', value: 'p1' }, words)).toBe('Requested by is Barbara McClintock');
    expect(describeFilter(kind, { field: 'supplierName', op: 'contains', value: 'sarto' }, words)).toBe('Supplier contains “sarto”');
    expect(describeFilter(kind, { field: 'supplierName', op: 'is_empty' }, words)).toBe('Supplier is empty');
    expect(describeFilter(leaveRequestKind, { field: 'leaveType', op: 'in', value: ['sick', 'annual'] }, words)).toBe('Type is any of Sick leave or Annual leave');
  });
});

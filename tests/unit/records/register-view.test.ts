import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexRow, registerPage, reverseSorted, sortRows } from '../../../src-shared/records/register-view';
import { registerQuerySchema } from '../../../src-shared/records/record-contract';
import { leave, testLeaveKind as kind } from './fixtures';

const rows = [
  indexRow(kind, { ...leave('max', 'draft', { days: 3, reason: 'Holiday' }), id: 'a', number: 'LV-2026-0001' }),
  indexRow(kind, { ...leave('max', 'submitted', { days: 10, reason: 'Conference in Lyon' }), id: 'b', number: 'LV-2026-0002' }),
  indexRow(kind, { ...leave('olga', 'approved', { days: 1, reason: '' }), id: 'c', number: 'LV-2026-0003' }),
];
const query = (q: Record<string, unknown>) => registerQuerySchema.parse({ kind: 'test_leave', ...q });

describe('registerPage', () => {
  it('lists the newest number first by default and counts every match', () => {
    const page = registerPage(rows, query({}));
    expect(page.rows.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(page.total).toBe(3);
  });
  it('sorts numbers as numbers, empty values last in both directions', () => {
    expect(registerPage(rows, query({ sort: { field: 'days', direction: 'asc' } })).rows.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(registerPage(rows, query({ sort: { field: 'reason', direction: 'asc' } })).rows.map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(registerPage(rows, query({ sort: { field: 'reason', direction: 'desc' } })).rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
  it('sorts statuses in the order the kind lists them', () => {
    expect(registerPage(rows, query({ sort: { field: 'status', direction: 'asc' } }), kind.statuses.map((s) => s.id)).rows.map((r) => r.status)).toEqual(['draft', 'submitted', 'approved']);
  });
  it('finds words in number and title, and filters by field', () => {
    expect(registerPage(rows, query({ text: '0002' })).rows.map((r) => r.id)).toEqual(['b']);
    expect(registerPage(rows, query({ filters: [{ field: 'status', op: 'in', value: ['draft', 'approved'] }] })).total).toBe(2);
    expect(registerPage(rows, query({ filters: [{ field: 'reason', op: 'contains', value: 'lyon' }] })).rows.map((r) => r.id)).toEqual(['b']);
    expect(registerPage(rows, query({ filters: [{ field: 'reason', op: 'is_empty' }] })).rows.map((r) => r.id)).toEqual(['c']);
  });
  it('compares numbers as numbers in before/after filters (10 is not before 9)', () => {
    expect(registerPage(rows, query({ filters: [{ field: 'days', op: 'before', value: 9 }] })).rows.map((r) => r.id).sort()).toEqual(['a', 'c']);
    expect(registerPage(rows, query({ filters: [{ field: 'days', op: 'after', value: 2 }] })).rows.map((r) => r.id).sort()).toEqual(['a', 'b']);
  });

  it('sorts words regardless of case, and items carrying a row by that row', () => {
    const mixed = [indexRow(kind, { ...leave('max', 'draft', { days: 1, reason: 'banana' }), id: 'x', number: 'LV-1' }), indexRow(kind, { ...leave('max', 'draft', { days: 1, reason: 'Apple' }), id: 'y', number: 'LV-2' })];
    expect(registerPage(mixed, query({ sort: { field: 'reason', direction: 'asc' } })).rows.map((r) => r.id)).toEqual(['y', 'x']);
    const carried = mixed.map((row) => ({ row, scope: row.id }));
    expect(sortRows(carried, { field: 'reason', direction: 'desc' }, [], (c) => c.row).map((c) => c.scope)).toEqual(['x', 'y']);
  });

  it('sorts numbers by their counter, past four digits', () => {
    const busy = ['LV-2026-9999', 'LV-2026-10000', 'LV-2026-0002'].map((number, i) => indexRow(kind, { ...leave('max'), id: `n${i}`, number }));
    expect(registerPage(busy, query({})).rows.map((r) => r.number)).toEqual(['LV-2026-10000', 'LV-2026-9999', 'LV-2026-0002']);
    expect(registerPage(busy, query({})).rows[0]).not.toHaveProperty('numberKey');
  });

  it('turns an order around in one pass exactly as sorting the other way does', () => {
    const statusOrder = kind.statuses.map((s) => s.id);
    const record = fc.record({
      status: fc.constantFrom(...statusOrder),
      days: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      reason: fc.constantFrom('', 'a', 'B', 'b'),
      number: fc.constantFrom('LV-1', 'LV-2', 'LV-10', ''),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.constantFrom('days', 'reason', 'status', 'number'), (made, field) => {
        const many = made.map((m, i) => indexRow(kind, { ...leave('max', m.status, { ...(m.days === undefined ? {} : { days: m.days }), reason: m.reason }), id: `r${i}`, number: m.number }));
        for (const [from, to] of [['asc', 'desc'], ['desc', 'asc']] as const) {
          const turned = reverseSorted(sortRows(many, { field, direction: from }, statusOrder), field, statusOrder);
          expect(turned.map((r) => r.id)).toEqual(sortRows(many, { field, direction: to }, statusOrder).map((r) => r.id));
        }
      }),
    );
  });

  it('pages through every match exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), (limit) => {
        const seen: string[] = [];
        for (let offset = 0; offset < 3; offset += limit) seen.push(...registerPage(rows, query({ offset, limit })).rows.map((r) => r.id));
        expect(seen.sort()).toEqual(['a', 'b', 'c']);
      }),
    );
  });
});

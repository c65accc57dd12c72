import { describe, expect, it } from 'vitest';
import { purchaseRequestKind as kind } from '../../../src-shared/equipment/purchase-request-kind';
import type { SavedView } from '../../../src-shared/records/register-contract';
import { applicableSettings, isSameSettings, readStoredViews, withoutView, withView } from '../../../src-shared/records/saved-views';

const view = (id: string, name: string, savedAt: string, extra: Partial<SavedView> = {}): SavedView => ({ id, name, columns: ['number'], filters: [], text: '', savedAt, ...extra });

describe('saved views', () => {
  it('replace a view of the same name (any case) keeping its id, and sort by name', () => {
    const list = [view('a', 'Open', '2026-01-01'), view('b', 'Big purchases', '2026-01-02')];
    const saved = withView(list, view('new', 'OPEN', '2026-02-01', { text: 'balance' }), 50);
    expect(saved.map((v) => [v.id, v.name, v.text])).toEqual([['b', 'Big purchases', ''], ['a', 'OPEN', 'balance']]);
    expect(withView(list, view('c', 'Cheap', '2026-02-01'), 50).map((v) => v.name)).toEqual(['Big purchases', 'Cheap', 'Open']);
  });

  it('keep at most the limit, dropping the oldest saved', () => {
    const list = [view('a', 'A', '2026-01-01'), view('b', 'B', '2026-01-03'), view('c', 'C', '2026-01-02')];
    expect(withView(list, view('d', 'D', '2026-02-01'), 3).map((v) => v.id)).toEqual(['b', 'c', 'd']);
    expect(withoutView(list, 'b').map((v) => v.id)).toEqual(['a', 'c']);
  });

  it('read back only well-formed views from what is stored', () => {
    const stored = { byKind: { purchase_request: [view('a', 'A', '2026-01-01'), { id: 'broken' }, 'nonsense'], leave_request: 'not a list' } };
    expect(readStoredViews(stored)).toEqual({ purchase_request: [view('a', 'A', '2026-01-01')] });
    expect(readStoredViews(undefined)).toEqual({});
    expect(readStoredViews({ byKind: null })).toEqual({});
  });

  it('apply to the kind as it is today: columns, filters and sorts on fields it lost are left out', () => {
    const old = { columns: ['number', 'formerField'], sort: { field: 'formerField', direction: 'asc' as const }, filters: [{ field: 'formerField', op: 'is_empty' as const }, { field: 'status', op: 'in' as const, value: ['draft'] }], text: 'hood' };
    expect(applicableSettings(kind, old)).toEqual({ columns: ['number'], filters: [{ field: 'status', op: 'in', value: ['draft'] }], text: 'hood' });
    expect(isSameSettings({ columns: ['number'], filters: [], text: 'hood ' }, { columns: ['number'], filters: [], text: 'hood', sort: undefined })).toBe(true);
    expect(isSameSettings({ columns: ['number'], filters: [], text: '' }, { columns: ['number', 'status'], filters: [], text: '' })).toBe(false);
  });
});

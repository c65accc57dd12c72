import { describe, expect, it } from 'vitest';
import { isSameValue, resolvePush } from '../../../src-shared/sync/conflicts';

const base = { id: 'p', name: 'Base', description: 'd', budget: { amount: 100, currency: 'EUR' }, updatedAt: '2026-01-01', updatedBy: 'a', auditId: 'A1', _deleted: false };

describe('resolvePush', () => {
  it('accepts a new document and a change made on the current server state', () => {
    expect(resolvePush({ isAppendOnly: false, master: null, assumed: null, incoming: base })).toEqual({ kind: 'accept', doc: base });
    const next = { ...base, name: 'New' };
    expect(resolvePush({ isAppendOnly: false, master: base, assumed: { ...base }, incoming: next }).kind).toBe('accept');
  });

  it('treats key order as irrelevant (jsonb reorders keys)', () => {
    expect(isSameValue({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(resolvePush({ isAppendOnly: false, master: { ...base }, assumed: Object.fromEntries(Object.entries(base).reverse()), incoming: base }).kind).toBe('accept');
  });

  it('merges changes to different fields, and to different keys of one object', () => {
    const master = { ...base, name: 'Server', budget: { amount: 200, currency: 'EUR' }, updatedAt: '2026-01-03', updatedBy: 's', auditId: 'S1' };
    const incoming = { ...base, description: 'PC', budget: { amount: 100, currency: 'USD' }, updatedAt: '2026-01-02', updatedBy: 'p', auditId: 'P1' };
    const result = resolvePush({ isAppendOnly: false, master, assumed: base, incoming });
    expect(result).toEqual({ kind: 'merge', lost: [], doc: { ...base, name: 'Server', description: 'PC', budget: { amount: 200, currency: 'USD' }, updatedAt: '2026-01-03', updatedBy: 's', auditId: 'S1' } });
  });

  it('keeps the server’s value when both changed one field, and reports the PC’s as lost', () => {
    const master = { ...base, name: 'Server' };
    const incoming = { ...base, name: 'PC', description: 'PC desc' };
    const result = resolvePush({ isAppendOnly: false, master, assumed: base, incoming });
    expect(result).toMatchObject({ kind: 'merge', doc: { name: 'Server', description: 'PC desc' }, lost: [{ field: 'name', kept: 'Server', lost: 'PC' }] });
    expect(resolvePush({ isAppendOnly: false, master, assumed: base, incoming: { ...base, name: 'PC' } })).toEqual({ kind: 'keep_master', doc: master, lost: [{ field: 'name', kept: 'Server', lost: 'PC' }] });
  });

  it('is not a conflict when both sides made the same change or only bookkeeping differs', () => {
    const master = { ...base, name: 'Same', updatedAt: '2026-01-05' };
    expect(resolvePush({ isAppendOnly: false, master, assumed: base, incoming: { ...base, name: 'Same', updatedAt: '2026-01-04' } })).toEqual({ kind: 'keep_master', doc: master, lost: [] });
  });

  it('reports an edit to a document the server deleted', () => {
    const master = { ...base, _deleted: true };
    const result = resolvePush({ isAppendOnly: false, master, assumed: base, incoming: { ...base, description: 'edited offline' } });
    expect(result).toMatchObject({ kind: 'merge', doc: { _deleted: true, description: 'edited offline' }, lost: [{ field: '_deleted', kept: true, lost: false }] });
  });

  it('never merges append-only documents, and keeps a differing second version as lost', () => {
    const event = { id: 'e', type: 'approved', data: { by: 'a' } };
    expect(resolvePush({ isAppendOnly: true, master: event, assumed: null, incoming: { ...event, data: { by: 'b' } } })).toEqual({ kind: 'keep_master', doc: event, lost: [{ field: 'data', kept: { by: 'a' }, lost: { by: 'b' } }] });
    expect(resolvePush({ isAppendOnly: true, master: event, assumed: null, incoming: { ...event } })).toEqual({ kind: 'keep_master', doc: event, lost: [] });
    // The same person created on the server and on a PC: only the creation stamps differ.
    const person = { id: 'p', name: 'Ada', createdAt: '2026-01-01', createdBy: 'p' };
    expect(resolvePush({ isAppendOnly: false, master: person, assumed: null, incoming: { ...person, createdAt: '2025-12-31', createdBy: 'x' } })).toEqual({ kind: 'keep_master', doc: person, lost: [] });
    expect(resolvePush({ isAppendOnly: false, master: person, assumed: null, incoming: { ...person, note: 'new' } })).toMatchObject({ lost: [{ field: 'note', kept: null, lost: 'new' }] });
  });

  it('is deterministic: the same inputs give the same outcome whichever order fields arrive in', () => {
    const master = { ...base, name: 'S', description: 'S' };
    const incoming = { ...base, name: 'P', budget: { amount: 1, currency: 'EUR' } };
    const a = resolvePush({ isAppendOnly: false, master, assumed: base, incoming });
    const b = resolvePush({ isAppendOnly: false, master: Object.fromEntries(Object.entries(master).reverse()), assumed: base, incoming: Object.fromEntries(Object.entries(incoming).reverse()) });
    expect(isSameValue(a.doc, b.doc)).toBe(true);
    expect(a.kind === 'accept' ? [] : a.lost).toEqual(b.kind === 'accept' ? [] : b.lost);
  });
});

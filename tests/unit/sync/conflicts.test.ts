import { describe, expect, it } from 'vitest';
import { conflictIdOf, isSameValue, resolvePush } from '../../../src-shared/sync/conflicts';
import { newlyBrokenRule, rulesOf } from '../../../src-shared/sync/merge-rules';

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

describe('resolvePush with the collection’s rules', () => {
  const task = { id: 't', title: 'Weigh', status: 'in_review', progress: 100, startDate: '2026-02-01', dueDate: '2026-02-10', dependsOn: [], updatedAt: '2026-01-01', updatedBy: 'a', auditId: 'A1', _deleted: false };
  const rules = rulesOf('tasks');

  it('undoes the fields of a rule the merge broke, keeps the server’s values and reports the PC’s as lost', () => {
    // A marked it done (progress was already 100); B lowered the progress offline.
    const master = { ...task, status: 'done', updatedAt: '2026-01-03', auditId: 'S1' };
    const incoming = { ...task, progress: 40, title: 'Weigh again', updatedAt: '2026-01-02', auditId: 'P1' };
    const result = resolvePush({ isAppendOnly: false, master, assumed: task, incoming, rules });
    expect(result).toMatchObject({ kind: 'merge', doc: { status: 'done', progress: 100, title: 'Weigh again' }, lost: [{ field: 'progress', kept: 100, lost: 40 }] });
    // Without the rules the merge would have been a done task at 40%.
    expect(resolvePush({ isAppendOnly: false, master, assumed: task, incoming }).doc).toMatchObject({ status: 'done', progress: 40 });
  });

  it('keeps dates in order when each side moved one of them', () => {
    const master = { ...task, startDate: '2026-02-08' };
    const incoming = { ...task, dueDate: '2026-02-05' };
    const result = resolvePush({ isAppendOnly: false, master, assumed: task, incoming, rules });
    expect(result).toEqual({ kind: 'keep_master', doc: master, lost: [{ field: 'dueDate', kept: '2026-02-10', lost: '2026-02-05' }] });
  });

  it('keeps nested rules of plan items (a period in order, merged key by key inside `data`)', () => {
    const item = { id: 'r', kind: 'resource_allocation', data: { periodStart: '2026-03-01', periodEnd: '2026-03-31', hours: 10 }, updatedAt: '2026-01-01', _deleted: false };
    const master = { ...item, data: { ...item.data, periodStart: '2026-03-20' } };
    const incoming = { ...item, data: { ...item.data, periodEnd: '2026-03-10', hours: 12 } };
    const result = resolvePush({ isAppendOnly: false, master, assumed: item, incoming, rules: rulesOf('plan_items') });
    expect(result).toMatchObject({ kind: 'merge', doc: { data: { periodStart: '2026-03-20', periodEnd: '2026-03-31', hours: 12 } }, lost: [{ field: 'data.periodEnd', kept: '2026-03-31', lost: '2026-03-10' }] });
  });

  it('leaves a rule the server’s version already broke to the PC’s edit (a task merged before the rule existed)', () => {
    const legacy = { ...task, status: 'done', progress: 60 };
    const master = { ...legacy, updatedAt: '2026-01-03', auditId: 'S1' };
    const result = resolvePush({ isAppendOnly: false, master, assumed: legacy, incoming: { ...legacy, title: 'New', progress: 100 }, rules });
    expect(result).toMatchObject({ kind: 'merge', doc: { status: 'done', progress: 100, title: 'New' }, lost: [] });
  });
});

describe('newlyBrokenRule', () => {
  it('names a rule a pushed document breaks that the server’s version kept, or any when it is new', () => {
    const task = { id: 't', status: 'done', progress: 100 };
    expect(newlyBrokenRule('tasks', { ...task, progress: 50 }, task)?.message).toMatch(/done task is 100% complete/);
    expect(newlyBrokenRule('tasks', { ...task, progress: 50 }, null)?.path).toBe('progress');
    expect(newlyBrokenRule('tasks', { ...task, progress: 50, title: 'x' }, { ...task, progress: 50 })).toBeNull();
    expect(newlyBrokenRule('projects', { startDate: '2026-02-02', endDate: '2026-02-01' }, null)?.path).toBe('endDate');
    expect(newlyBrokenRule('activity', { anything: true }, null)).toBeNull();
  });
});

describe('conflictIdOf', () => {
  it('is the same for the same losing version however its keys are ordered, and differs per version, record and collection', () => {
    const losing = { id: 't', title: 'B', data: { a: 1, b: 2 }, updatedAt: '2026-01-02' };
    const id = conflictIdOf('tasks', 't', losing);
    expect(id).toMatch(/^cf-[0-9a-f]{32}$/);
    expect(conflictIdOf('tasks', 't', { updatedAt: '2026-01-02', data: { b: 2, a: 1 }, title: 'B', id: 't' })).toBe(id);
    expect(conflictIdOf('tasks', 't', { ...losing, updatedAt: '2026-01-03' })).not.toBe(id);
    expect(conflictIdOf('projects', 't', losing)).not.toBe(id);
    expect(conflictIdOf('tasks', 'u', losing)).not.toBe(id);
  });
});

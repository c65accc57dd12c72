import { describe, expect, it } from 'vitest';
import { purchaseRequestKind as kind } from '../../../src-shared/equipment/purchase-request-kind';
import { invoiceKind } from '../../../src-shared/finance/invoice-kind';
import { recordHistory, type AuditFacts, type StatusNote } from '../../../src-shared/records/record-history';

const names = (id: string) => ({ ben: 'Ben Bench', pia: 'Pia Procure' })[id];
const created: AuditFacts = {
  id: 'a1', at: '2026-04-01T09:00:00.000Z', actorId: 'ben', actorName: 'Ben (then)', operation: 'insert',
  changes: [
    { field: 'kind', old: null, new: 'purchase_request' }, { field: 'status', old: null, new: 'draft' }, { field: 'title', old: null, new: 'Balance' },
    { field: 'number', old: null, new: 'PR-2026-0001' }, { field: 'data', old: null, new: { itemName: 'Balance', quantity: 1, supplierName: '', requesterId: 'ben' } },
  ],
};
const changed: AuditFacts = {
  id: 'a2', at: '2026-04-01T10:00:00.000Z', actorId: 'pia', actorName: 'Pia', operation: 'update',
  changes: [{ field: 'data', old: { itemName: 'Balance', quantity: 1, extra: 'x' }, new: { itemName: 'Balance', quantity: 2, supplierName: 'Sartorius' } }, { field: 'managerIds', old: [], new: ['boss'] }],
};
const cancelled: AuditFacts = { id: 'a3', at: '2026-04-01T11:00:00.000Z', actorId: 'ben', actorName: 'Ben', operation: 'update', changes: [{ field: 'status', old: 'draft', new: 'cancelled' }] };
const derivedOnly: AuditFacts = { id: 'a4', at: '2026-04-01T12:00:00.000Z', actorId: 'ben', actorName: 'Ben', operation: 'update', changes: [{ field: 'managerIds', old: [], new: ['boss'] }] };
const note: StatusNote = { id: 'n1', at: '2026-04-01T11:00:00.001Z', personId: 'ben', from: 'draft', to: 'cancelled', reason: 'Budget moved' };

describe('record history', () => {
  it('lists changes newest first with labels, names and the reason on the change it explains', () => {
    const history = recordHistory(kind, [created, changed, cancelled, derivedOnly], [note], names);
    expect(history.map((e) => e.summary)).toEqual(['Draft → Cancelled', 'Changed', 'Created as Draft']);
    expect(history[0]).toMatchObject({ id: 'a3', actor: { id: 'ben', name: 'Ben Bench' }, reason: 'Budget moved', changes: [] });
    expect(history[1]?.changes).toEqual([
      { field: 'data.quantity', label: 'Quantity', type: 'number', old: 1, new: 2 },
      { field: 'data.supplierName', label: 'Supplier', type: 'text', old: null, new: 'Sartorius' },
      { field: 'data.extra', label: 'Extra', type: 'text', old: 'x', new: null },
    ]);
    // A creation lists the number and the fields given a value, not derived columns or empty ones.
    expect(history[2]?.changes.map((c) => `${c.label}=${String(c.new)}`)).toEqual(['Number=PR-2026-0001', 'Item=Balance', 'Quantity=1', 'Requested by=ben']);
  });

  it('keeps a reason it cannot place as an entry of its own, and the entry’s own name for someone gone', () => {
    const stray: StatusNote = { ...note, id: 'n2', personId: 'pia', to: 'ordered' };
    const history = recordHistory(kind, [created], [stray], () => undefined);
    expect(history.map((e) => [e.summary, e.actor.name, e.reason])).toEqual([['Reason given', 'Unknown person', 'Budget moved'], ['Created as Draft', 'Ben (then)', undefined]]);
  });

  it('says when a record was numbered by the server, and when it was removed', () => {
    const numbered: AuditFacts = { ...derivedOnly, id: 'a5', changes: [{ field: 'number', old: 'PR-2026-PA7K-0001', new: 'PR-2026-0007' }, { field: 'numberState', old: 'provisional', new: 'final' }] };
    const removed: AuditFacts = { ...derivedOnly, id: 'a6', at: '2026-04-02T00:00:00.000Z', operation: 'delete', changes: [] };
    const history = recordHistory(kind, [numbered, removed], [{ ...note, id: 'n3', at: '2026-04-02T00:00:00.000Z', to: 'removed' }], names);
    expect(history.map((e) => [e.summary, e.reason])).toEqual([['Removed', 'Budget moved'], ['Numbered', undefined]]);
    expect(history[1]?.changes).toEqual([{ field: 'number', label: 'Number', type: 'text', old: 'PR-2026-PA7K-0001', new: 'PR-2026-0007' }]);
  });

  it('shows an invoice\'s undeclared fields in words: money formatted, dates as dates, lines by what they are, never JSON', () => {
    const invoiceChanged: AuditFacts = {
      id: 'a5', at: '2026-04-02T09:00:00.000Z', actorId: 'pia', actorName: 'Pia', operation: 'update',
      changes: [{ field: 'data', old: { net: { amountMinor: 1_000, currency: 'EUR' }, lines: [{ description: 'Assay' }], flags: { isRush: false }, taxRounding: 'per_line' }, new: { net: { amountMinor: 2_500, currency: 'EUR' }, lines: [{ description: 'Assay' }, { description: 'Report' }], dueOn: '2026-05-01', flags: { isRush: true } } }],
    };
    const [entry] = recordHistory(invoiceKind, [invoiceChanged], [], names);
    expect(entry?.changes).toEqual([
      { field: 'data.dueOn', label: 'Due on', type: 'date', old: null, new: '2026-05-01' },
      { field: 'data.flags', label: 'Flags', type: 'text', old: 'Is rush: No', new: 'Is rush: Yes' },
      { field: 'data.lines', label: 'Lines', type: 'text', old: '1 entry: Assay', new: '2 entries: Assay, Report' },
      { field: 'data.net', label: 'Net', type: 'money', old: { amountMinor: 1_000, currency: 'EUR' }, new: { amountMinor: 2_500, currency: 'EUR' } },
      { field: 'data.taxRounding', label: 'Tax rounding', type: 'text', old: 'Per line', new: null },
    ]);
  });
});

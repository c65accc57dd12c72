import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { RecordView, RegisterPage } from '../../../src-shared/records/record-contract';
import { openLab } from '../support/lab-people';
import { value, type Client } from '../tasks/project-fixture';

/**
 * The generic record commands on a real host and SQLite file, with a declared kind (purchase
 * requests): validation by the kind's schema, rules by its declaration judged on the stored version,
 * numbering, the register and links, and a person's view of what they may do.
 */
let host: Host;
let admin: Client;
let ben: { id: string; client: Client };
let proc: { id: string; client: Client };

const request = (data: Record<string, unknown> = {}) => ({ kind: 'purchase_request', data: { itemName: 'Analytical balance', quantity: 1, requesterId: ben.id, ...data } });

beforeAll(async () => {
  let addPerson;
  ({ host, admin, addPerson } = await openLab());
  ben = await addPerson('Ben Bench', 'ben@lab.org', ['member']);
  proc = await addPerson('Pia Procure', 'pia@lab.org', ['procurement_officer']);
});
afterAll(async () => host?.close());

describe('record commands', () => {
  it('creates a record checked by its kind, numbered in its yearly series, with its columns derived', async () => {
    const first = value(await ben.client.call<RecordView>('records/create', request({ estimatedCost: { amountMinor: 450_000, currency: 'EUR' } })));
    const second = value(await ben.client.call<RecordView>('records/create', request({ itemName: 'pH meter' })));
    expect(first).toMatchObject({ kind: 'purchase_request', status: 'draft', number: 'PR-2026-0001', numberState: 'final', title: 'Analytical balance', personId: ben.id, statusLabel: 'Draft' });
    expect(second.number).toBe('PR-2026-0002');
    expect(first.transitions.map((t) => t.to)).toEqual(['submitted', 'cancelled']);
    expect(first.editableFields).toContain('quantity');
  });

  it('refuses bad data with the field it is about, and unknown kinds', async () => {
    expect(await ben.client.call('records/create', request({ quantity: 0 }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.quantity', message: 'Order at least one.' } });
    expect(await ben.client.call('records/create', request({ itemName: '' }))).toMatchObject({ ok: false, error: { field: 'data.itemName' } });
    expect(await ben.client.call('records/create', { kind: 'flux_capacitor', data: {} })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'kind' } });
    expect(await ben.client.call('records/create', { kind: 'purchase_request' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a request filed in someone else’s name', async () => {
    const result = await ben.client.call('records/create', request({ requesterId: proc.id }));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('moves along allowed transitions only, and leaves workflow decisions to the workflow', async () => {
    const created = value(await ben.client.call<RecordView>('records/create', request({ itemName: 'Centrifuge' })));
    const submitted = value(await ben.client.call<RecordView>('records/transition', { id: created.id, to: 'submitted' }));
    expect(submitted.status).toBe('submitted');
    expect(submitted.editableFields).toEqual([]);
    expect(await ben.client.call('records/update', { id: created.id, data: { quantity: 3 } })).toMatchObject({ ok: false, error: { code: 'invalid_state', field: 'data.quantity' } });
    expect(await ben.client.call('records/transition', { id: created.id, to: 'approved' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('approval workflow') } });
    expect(await proc.client.call('records/transition', { id: created.id, to: 'ordered' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    // Procurement may still correct the supplier of a submitted request.
    const corrected = value(await proc.client.call<RecordView>('records/update', { id: created.id, data: { supplierName: 'Sartorius' } }));
    expect(corrected.data).toMatchObject({ supplierName: 'Sartorius', quantity: 1 });
    expect(await ben.client.call('records/transition', { id: created.id, to: 'cancelled' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    const cancelled = value(await ben.client.call<RecordView>('records/transition', { id: created.id, to: 'cancelled', reason: 'Budget moved to next year' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', transitions: [], editableFields: [] });
  });

  it('writes an audit entry per change, naming the person', async () => {
    const created = value(await ben.client.call<RecordView>('records/create', request({ itemName: 'Pipettes' })));
    value(await ben.client.call('records/update', { id: created.id, data: { quantity: 12 } }));
    const audit = admin.subscribe('audit/list', { recordId: created.id });
    const entries = value(await audit.next<{ actorId: string; command: string; changes: { field: string }[] }[]>());
    expect(entries.map((e) => e.command).sort()).toEqual(['records/create', 'records/update']);
    expect(entries.every((e) => e.actorId === ben.id)).toBe(true);
  });

  it('lists a kind in its register: sorted, filtered, paged, live', async () => {
    const register = ben.client.subscribe('records/register', { kind: 'purchase_request', sort: { field: 'number', direction: 'asc' }, limit: 2 });
    const page = value(await register.next<RegisterPage>());
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.rows.map((r) => r.number)).toEqual(['PR-2026-0001', 'PR-2026-0002']);
    expect(page.rows[0]?.values).toMatchObject({ itemName: 'Analytical balance', requesterId: ben.id });
    const filtered = ben.client.subscribe('records/register', { kind: 'purchase_request', text: 'ph meter' });
    expect(value(await filtered.next<RegisterPage>()).rows.map((r) => r.title)).toEqual(['pH meter']);
    value(await ben.client.call('records/create', request({ itemName: 'pH meter electrode' })));
    let next = value(await filtered.next<RegisterPage>());
    while (next.total < 2) next = value(await filtered.next<RegisterPage>());
    expect(next.rows.map((r) => r.title).sort()).toEqual(['pH meter', 'pH meter electrode']);
  });

  it('links records both ways and removes drafts softly', async () => {
    const a = value(await ben.client.call<RecordView>('records/create', request({ itemName: 'Fume hood' })));
    const b = value(await ben.client.call<RecordView>('records/create', request({ itemName: 'Fume hood filters' })));
    value(await ben.client.call('records/link', { id: a.id, targetCollection: 'records', targetId: b.id }));
    const fromB = ben.client.subscribe('records/links', { id: b.id });
    expect(value(await fromB.next<{ id: string; direction: string; title: string }[]>())).toEqual([expect.objectContaining({ id: a.id, direction: 'from', title: 'Fume hood' })]);
    expect(await ben.client.call('records/link', { id: a.id, targetCollection: 'records', targetId: a.id })).toMatchObject({ ok: false, error: { field: 'targetId' } });
    // Unlinking: only whoever linked (or an administrator); both sides go.
    const c = value(await ben.client.call<RecordView>('records/create', request({ itemName: 'Hood lamp' })));
    const link = value(await ben.client.call<{ linkId: string }>('records/link', { id: a.id, targetCollection: 'records', targetId: c.id }));
    expect(await proc.client.call('records/unlink', { id: a.id, linkId: link.linkId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ben.client.call('records/unlink', { id: a.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    value(await ben.client.call('records/unlink', { id: a.id, linkId: link.linkId }));
    const fromC = ben.client.subscribe('records/links', { id: c.id });
    expect(value(await fromC.next<unknown[]>())).toEqual([]);
    expect(await proc.client.call('records/remove', { id: b.id, reason: 'duplicate' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await ben.client.call('records/remove', { id: b.id, reason: 'Ordered together with the hood' }));
    const gone = ben.client.subscribe('records/get', { id: b.id });
    expect(await gone.next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('finds records, projects and people from one search', async () => {
    const search = ben.client.subscribe('records/search', { text: 'centrifuge' });
    expect(value(await search.next<{ collection: string; title: string }[]>())).toEqual([expect.objectContaining({ collection: 'records', title: 'Centrifuge' })]);
    const people = ben.client.subscribe('records/search', { text: 'pia' });
    expect(value(await people.next<{ collection: string; title: string }[]>())).toEqual([expect.objectContaining({ collection: 'people', title: 'Pia Procure' })]);
  });
});

describe('record invariants', () => {
  const leaveRequest = (personId: string, startDate: string, endDate: string) => ({ kind: 'leave_request', data: { personId, startDate, endDate, days: 2 } });

  it('refuses a leave that overlaps another live one, on the host, naming it', async () => {
    const first = value(await ben.client.call<RecordView>('records/create', leaveRequest(ben.id, '2026-05-04', '2026-05-05')));
    const clash = await ben.client.call('records/create', leaveRequest(ben.id, '2026-05-05', '2026-05-08'));
    expect(clash).toMatchObject({ ok: false, error: { code: 'invalid_state', field: 'data.startDate', message: expect.stringContaining(first.number) } });
    value(await ben.client.call('records/transition', { id: first.id, to: 'cancelled', reason: 'Plans changed' }));
    expect((await ben.client.call('records/create', leaveRequest(ben.id, '2026-05-05', '2026-05-08'))).ok).toBe(true);
  });

  it('keeps another person’s leave request out of a member’s register and record page', async () => {
    const mine = value(await ben.client.call<RecordView>('records/create', leaveRequest(ben.id, '2026-06-01', '2026-06-02')));
    const register = proc.client.subscribe('records/register', { kind: 'leave_request' });
    expect(value(await register.next<RegisterPage>()).rows.map((r) => r.id)).not.toContain(mine.id);
    expect(await proc.client.subscribe('records/get', { id: mine.id }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await proc.client.call('records/update', { id: mine.id, data: { reason: 'x' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { HistoryEntry, RecordCommentResult } from '../../../src-shared/records/record-activity-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { CommentView } from '../../../src-shared/tasks/task-views';
import { openLab, type SignedInPerson } from '../support/lab-people';
import { value, type Client } from '../tasks/project-fixture';

/**
 * Comments and history on a record, on a real host and SQLite file: who may comment (whoever may
 * read the record), who hears of a mention (only people who may read it), bad input, and the
 * history with labels and reasons — for a purchase request (everyone reads) and a leave request
 * (HR, the person and their managers only).
 */
let host: Host;
let ben: SignedInPerson;
let olga: SignedInPerson;
let hana: SignedInPerson;
let purchase: RecordView;
let leave: RecordView;

const notices = async (client: Client) => value(await client.subscribe('notifications/list', {}).next<{ subject: string; link?: { section: string; itemId?: string } }[]>());

beforeAll(async () => {
  const { host: opened, addPerson: person } = await openLab();
  host = opened;
  ben = await person('Ben Bench', 'ben@lab.org', ['member']);
  olga = await person('Olga Other', 'olga@lab.org', ['member']);
  hana = await person('Hana HR', 'hana@lab.org', ['hr']);
  purchase = value(await ben.client.call<RecordView>('records/create', { kind: 'purchase_request', data: { itemName: 'Analytical balance', quantity: 2, requesterId: ben.id } }));
  leave = value(await ben.client.call<RecordView>('records/create', { kind: 'leave_request', data: { personId: ben.id, startDate: '2026-07-06', endDate: '2026-07-08', days: 3 } }));
});
afterAll(async () => host?.close());

describe('records/comment', () => {
  it('adds a comment anyone who reads the record sees, and tells the people mentioned', async () => {
    const result = value(await olga.client.call<RecordCommentResult>('records/comment', { id: purchase.id, body: 'Is @ben sure about two? @nobody' }));
    expect(result.unresolved).toEqual([{ text: '@nobody', reason: 'unknown' }]);
    const comments = value(await ben.client.subscribe('records/comments', { id: purchase.id }).next<CommentView[]>());
    expect(comments).toEqual([expect.objectContaining({ author: { id: olga.id, name: 'Olga Other' }, body: 'Is @ben sure about two? @nobody', isMine: false, mentions: [{ personId: ben.id, start: 3, end: 7 }] })]);
    expect(await notices(ben.client)).toEqual([expect.objectContaining({ subject: `Olga Other mentioned you on ${purchase.number} Analytical balance`, link: { section: 'records', itemId: purchase.id } })]);
  });

  it('keeps a leave request’s comments to those who may read it, and never tells anyone else of it', async () => {
    const result = value(await ben.client.call<RecordCommentResult>('records/comment', { id: leave.id, body: '@hana the dates are fixed; @olga covers for me' }));
    expect(result.unresolved).toEqual([{ text: '@olga', reason: 'cannot_read' }]);
    expect((await notices(hana.client)).map((n) => n.subject)).toEqual([`Ben Bench mentioned you on ${leave.number} ${leave.title}`]);
    expect(await notices(olga.client)).toEqual([]);
    expect(await olga.client.subscribe('records/comments', { id: leave.id }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await olga.client.call('records/comment', { id: leave.id, body: 'Let me in' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(value(await hana.client.subscribe('records/comments', { id: leave.id }).next<CommentView[]>())).toHaveLength(1);
  });

  it('refuses empty, oversized and malformed comments and unknown records', async () => {
    expect(await ben.client.call('records/comment', { id: purchase.id, body: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'body', message: 'Write a comment first.' } });
    expect(await ben.client.call('records/comment', { id: purchase.id, body: 'x'.repeat(10_001) })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'body' } });
    expect(await ben.client.call('records/comment', { body: 'no record' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(await ben.client.call('records/comment', { id: purchase.id, body: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ben.client.call('records/comment', { id: 'no-such-record', body: 'Hello?' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('records/history', () => {
  it('tells who changed what with field labels and the reason for a status change', async () => {
    value(await ben.client.call('records/update', { id: purchase.id, data: { quantity: 3, estimatedCost: { amountMinor: 450_000, currency: 'EUR' } } }));
    value(await ben.client.call('records/transition', { id: purchase.id, to: 'cancelled', reason: 'Bought with the framework contract' }));
    const history = value(await olga.client.subscribe('records/history', { id: purchase.id }).next<HistoryEntry[]>());
    expect(history.map((e) => e.summary)).toEqual(['Draft → Cancelled', 'Changed', 'Created as Draft']);
    expect(history[0]).toMatchObject({ actor: { id: ben.id, name: 'Ben Bench' }, reason: 'Bought with the framework contract', changes: [] });
    expect(history[1]?.changes).toEqual([
      { field: 'data.quantity', label: 'Quantity', type: 'number', old: 2, new: 3 },
      { field: 'data.estimatedCost', label: 'Estimated cost', type: 'money', old: null, new: { amountMinor: 450_000, currency: 'EUR' } },
    ]);
    expect(history[2]?.changes.map((c) => c.label)).toEqual(['Number', 'Item', 'Quantity', 'Requested by']);
  });

  it('is not told to someone who may not read the record', async () => {
    expect(await olga.client.subscribe('records/history', { id: leave.id }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(value(await hana.client.subscribe('records/history', { id: leave.id }).next<HistoryEntry[]>()).map((e) => e.summary)).toEqual(['Created as Draft']);
  });
});

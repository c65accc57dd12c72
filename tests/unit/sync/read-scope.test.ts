import { describe, expect, it } from 'vitest';
import { defineSyncCollection } from '../../../src-shared/sync/collections';
import { schemas } from '../../../src-shared/db/schemas';
import { canRead, scopeKey, scopeProjection, stampSubjectScope, tombstoneOf } from '../../../src-shared/sync/read-scope';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

const person = (id: string, roles: string[]): SyncPerson => ({ id, email: '', name: id, roles, isActive: true });
const max = person('max', ['member']);
const mia = person('mia', ['department_head']);
const hana = person('hana', ['hr']);
const fred = person('fred', ['finance']);
const ada = person('ada', ['admin']);
const leave = { id: 'L1', kind: 'leave_request', title: 'Leave', status: 'submitted', data: { personId: 'max', managerId: 'mia', reason: 'private' } };
const invoice = { id: 'I1', kind: 'invoice', title: 'Invoice', status: 'open', data: {} };

describe('read scoping', () => {
  it.each([
    [max, true], [mia, true], [hana, true], [fred, false], [ada, false],
  ])('an HR record reaches HR, the person concerned and their manager only (%#)', (who, expected) => {
    expect(canRead(who, 'records', leave)).toBe(expected);
  });

  it('a finance record reaches finance and administrators only (the invoice kind’s read scope); other kinds reach everyone', () => {
    expect([max, hana, fred, ada].map((p) => canRead(p, 'records', invoice))).toEqual([false, false, true, true]);
    expect(canRead(max, 'records', { kind: 'equipment', data: {} })).toBe(true);
  });

  it('scopes audit entries and conflict records like the record they copy', () => {
    const entry = { collectionName: 'records', after: leave };
    expect(canRead(ada, 'audit', entry)).toBe(false);
    expect(canRead(hana, 'audit', entry)).toBe(true);
    const conflict = { kind: 'conflict', subjectType: 'records', data: { subjectScope: scopeProjection('records', leave) } };
    expect(canRead(ada, 'activity', conflict)).toBe(false);
    expect(canRead(mia, 'activity', conflict)).toBe(true);
  });

  it('sends a comment on an HR record where the record goes, with the scope the server stamped, not the one the PC claimed', () => {
    const claimed = { id: 'C1', kind: 'comment', subjectType: 'records', subjectId: 'L1', createdBy: 'hana', data: { body: 'private', subjectScope: { kind: 'equipment' } } };
    const comment = stampSubjectScope(claimed, leave);
    expect([max, mia, hana, fred, ada].map((p) => canRead(p, 'activity', comment))).toEqual([true, true, true, false, false]);
    // The record is not on the server yet: only the author reads the note until it arrives.
    const early = stampSubjectScope(claimed, null);
    expect([hana, max, ada].map((p) => canRead(p, 'activity', early))).toEqual([true, false, false]);
    // A losing version of such a comment is scoped like the comment.
    const conflict = { kind: 'conflict', subjectType: 'activity', data: { subjectScope: scopeProjection('activity', comment) } };
    expect([max, fred, ada].map((p) => canRead(p, 'activity', conflict))).toEqual([true, false, false]);
    // Comments on anything else reach everyone, and are left as they are.
    const onTask = { kind: 'comment', subjectType: 'task', subjectId: 'T1', createdBy: 'max', data: { body: 'hi' } };
    expect(stampSubjectScope(onTask, leave)).toBe(onTask);
    expect(canRead(ada, 'activity', onTask)).toBe(true);
  });

  it('keeps personal notifications with their recipient; deliveries and settings also reach administrators', () => {
    expect(canRead(max, 'notifications', { kind: 'notification', recipientId: 'max' })).toBe(true);
    expect(canRead(ada, 'notifications', { kind: 'notification', recipientId: 'max' })).toBe(false);
    expect(canRead(ada, 'notifications', { kind: 'outbox', recipientId: 'webhook-1' })).toBe(true);
    expect(canRead(max, 'notifications', { kind: 'email_settings', recipientId: 'system' })).toBe(false);
  });

  it('fingerprints only what widens reading, so unrelated role changes do not replay the feed', () => {
    expect(scopeKey(max)).toBe(scopeKey({ ...max, roles: ['member', 'qa_manager'] }));
    expect(scopeKey(max)).not.toBe(scopeKey({ ...max, roles: ['member', 'hr'] }));
  });

  it('makes tombstones that keep the id and kind, blank every other required field and carry no content', () => {
    const tombstone = tombstoneOf({ ...leave, createdAt: 'c', updatedAt: 'u', createdBy: 'max', updatedBy: 'max', auditId: 'a' }, defineSyncCollection('records', schemas.records));
    expect(tombstone).toEqual({
      id: 'L1',
      kind: 'leave_request',
      title: '',
      status: '',
      number: '',
      parentId: '',
      personId: '',
      date: '',
      createdAt: 'c',
      updatedAt: 'u',
      createdBy: '',
      updatedBy: '',
      auditId: '',
      _deleted: true,
    });
  });
});

describe('scopeProjection', () => {
  const docs: [string, Record<string, unknown>][] = [
    ['records', leave],
    ['records', invoice],
    ['records', { kind: 'equipment', data: { serialNumber: 'S1' } }],
    ['notifications', { recipientId: 'max', kind: 'notification', title: 'Hi' }],
    ['notifications', { recipientId: 'max', kind: 'delivery', channel: 'email' }],
    ['audit', { collectionName: 'records', after: leave }],
    ['audit', { collectionName: 'notifications', after: { recipientId: 'hana', kind: 'firing' } }],
    ['audit', { collectionName: 'tasks', after: { title: 'T' } }],
    ['activity', { kind: 'comment', subjectType: 'records', createdBy: 'max', data: { text: 'x' } }],
    ['activity', { kind: 'comment', subjectType: 'records', createdBy: 'max', data: { subjectScope: scopeProjection('records', leave) } }],
    ['activity', { kind: 'conflict', subjectType: 'records', data: { subjectScope: scopeProjection('records', invoice) } }],
    ['tasks', { title: 'T' }],
  ];
  it.each(docs)('decides reading like the whole document (%s %#)', (collection, doc) => {
    for (const who of [max, mia, hana, fred, ada]) expect(canRead(who, collection, scopeProjection(collection, doc))).toBe(canRead(who, collection, doc));
  });
});

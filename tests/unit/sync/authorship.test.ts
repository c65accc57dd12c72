import { describe, expect, it } from 'vitest';
import { checkAuthorship } from '../../../src-shared/sync/authorship';
import { checkEditNamesItsEntry } from '../../../src-shared/sync/audit-rules';
import { can } from '../../../src-shared/sync/permissions';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

/** Issue 18 §1, §2: a pushed write names its pusher as its author; people and roles only by administrators, never one's own. */
const max: SyncPerson = { id: 'P-MAX', email: 'max@lab.org', name: 'Max Member', roles: ['member'], isActive: true };
const ada: SyncPerson = { id: 'P-ADA', email: 'ada@lab.org', name: 'Ada Admin', roles: ['admin'], isActive: true };
const doc = (by: string, extra: Record<string, unknown> = {}) => ({ id: 'D1', createdBy: by, updatedBy: by, ...extra });
const isAllowed = (decision: { isAllowed: boolean }) => decision.isAllowed;

describe('checkAuthorship', () => {
  it.each([
    ['a create in one’s own name', 'projects', 'create', doc('P-MAX'), true],
    ['a create in someone else’s name', 'projects', 'create', doc('P-ADA'), false],
    ['a create last written by someone else', 'projects', 'create', { ...doc('P-MAX'), updatedBy: 'P-ADA' }, false],
    ['an edit stamped with someone else', 'tasks', 'update', { ...doc('P-ADA'), updatedBy: 'P-ADA' }, false],
    ['an edit of someone else’s document, stamped with oneself', 'tasks', 'update', { ...doc('P-ADA'), updatedBy: 'P-MAX' }, true],
    ['a removal stamped with oneself', 'tasks', 'delete', { ...doc('P-ADA'), updatedBy: 'P-MAX', _deleted: true }, true],
    ['a comment whose person is someone else', 'activity', 'create', doc('P-MAX', { kind: 'comment', personId: 'P-ADA' }), false],
    ['a comment whose older-style person is someone else', 'activity', 'create', doc('P-MAX', { kind: 'comment', data: { personId: 'P-ADA' } }), false],
    ['a project handed to another owner before it left the PC', 'projects', 'create', doc('P-MAX', { ownerId: 'P-ADA' }), true],
    ['a notice in one’s own name', 'notifications', 'create', doc('P-MAX', { kind: 'notification', data: { actorName: 'Max Member' } }), true],
    ['a notice claiming someone else caused it', 'notifications', 'create', doc('P-MAX', { kind: 'notification', data: { actorName: 'Ada Admin' } }), false],
    ['a reminder the system makes', 'notifications', 'create', doc('system', { kind: 'firing' }), true],
    ['an outbox delivery the system makes', 'notifications', 'create', doc('system', { kind: 'outbox' }), true],
    ['channel settings in the system’s name', 'notifications', 'create', doc('system', { kind: 'email_settings' }), false],
    ['a project in the system’s name', 'projects', 'create', doc('system'), false],
    ['a system notice naming a person as its cause', 'notifications', 'create', doc('system', { kind: 'notification', data: { actorName: 'Ada Admin' } }), false],
    ['an edit in the system’s name', 'notifications', 'update', doc('system', { kind: 'notification' }), false],
  ] as const)('%s', (_name, collection, action, written, expected) => {
    expect(isAllowed(checkAuthorship(max, collection, action, written))).toBe(expected);
  });

  it('leaves workflow events, instances and audit entries to their own rules', () => {
    for (const collection of ['workflow_events', 'workflow_instances', 'audit']) expect(isAllowed(checkAuthorship(max, collection, 'create', doc('P-ADA')))).toBe(true);
  });
});

describe('people and roles', () => {
  const person = { id: 'P-MAX', kind: 'person', roles: ['member'], createdBy: 'P-ADA', updatedBy: 'P-ADA' };
  it('lets administrators change other people’s roles, and nobody their own', () => {
    expect(can(ada, 'update', { collection: 'people', doc: { ...person, roles: ['admin'] }, previous: person }).isAllowed).toBe(true);
    expect(can(max, 'update', { collection: 'people', doc: { ...person, roles: ['admin'] }, previous: person }).isAllowed).toBe(false);
    const self = { ...person, id: 'P-ADA', roles: ['admin'] };
    expect(can(ada, 'update', { collection: 'people', doc: { ...self, roles: ['admin', 'hr'] }, previous: self })).toEqual({ isAllowed: false, reason: 'Nobody can change their own roles; ask another administrator.' });
    expect(can(ada, 'update', { collection: 'people', doc: { ...self, name: 'Ada A.' }, previous: self }).isAllowed).toBe(true);
  });
});

describe('an edit names its audit entry', () => {
  it.each([
    ['an edit claiming its last entry', 'tasks', 'update', { auditId: 'E2' }, ['E1', 'E2'], true],
    ['an edit without entries', 'tasks', 'update', { auditId: 'E2' }, [], false],
    ['an edit claiming other entries than its last', 'tasks', 'update', { auditId: 'E2' }, ['E1'], false],
    ['an edit with no last entry', 'tasks', 'update', { auditId: '' }, [], false],
    ['a removal without its entry', 'tasks', 'delete', { auditId: 'E3' }, [], false],
    ['a new record (made before joining, its entries stay local)', 'tasks', 'create', { auditId: 'E9' }, [], true],
    ['a notification marked read (not audited)', 'notifications', 'update', { auditId: 'none' }, [], true],
  ] as const)('%s', (_name, collection, action, written, auditIds, expected) => {
    expect(checkEditNamesItsEntry(collection, action, written, auditIds).ok).toBe(expected);
  });
});

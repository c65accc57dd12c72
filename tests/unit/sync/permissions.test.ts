import { describe, expect, it } from 'vitest';
import { can, type SyncAction, type SyncTarget } from '../../../src-shared/sync/permissions';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

const person = (id: string, roles: string[], isActive = true): SyncPerson => ({ id, email: `${id}@lab.org`, name: id, roles, isActive });
const admin = person('ada', ['admin']);
const max = person('max', ['member']);
const hana = person('hana', ['hr']);
const gone = person('old', ['admin'], false);

const timeEntry = (by: string) => ({ id: 't', kind: 'time_entry', createdBy: by, createdAt: 'x', data: { minutes: 5 } });
const leave = (personId: string) => ({ id: 'l', kind: 'leave_request', createdBy: personId, createdAt: 'x', data: { personId } });
/** A purchase request (a declared record kind, src-shared/equipment) by `personId`, in `status`. */
const request = (personId: string, status = 'draft', data: Record<string, unknown> = {}) => ({
  id: 'pr',
  kind: 'purchase_request',
  kindVersion: 1,
  status,
  personId,
  createdBy: personId,
  createdAt: 'x',
  data: { itemName: 'Balance', requesterId: personId, quantity: 1, description: '', justification: '', supplierName: '', ...data },
});

const rows: [string, SyncPerson, SyncAction, SyncTarget, boolean][] = [
  ['admin edits a workflow definition', admin, 'update', { collection: 'workflow_definitions', doc: {}, previous: {} }, true],
  ['member edits a workflow definition', max, 'update', { collection: 'workflow_definitions', doc: {}, previous: {} }, false],
  ['member creates a person', max, 'create', { collection: 'people', doc: { kind: 'person' } }, false],
  ['admin creates a person', admin, 'create', { collection: 'people', doc: { kind: 'person' } }, true],
  ['anyone appends to the audit', max, 'create', { collection: 'audit', doc: {}, isAppendOnly: true }, true],
  ['admin changes an audit entry', admin, 'update', { collection: 'audit', doc: {}, previous: {}, isAppendOnly: true }, false],
  ['admin deletes a workflow event', admin, 'delete', { collection: 'workflow_events', doc: {}, previous: {}, isAppendOnly: true }, false],
  ['own time entry', max, 'create', { collection: 'activity', doc: timeEntry('max') }, true],
  ['someone else’s time entry', max, 'create', { collection: 'activity', doc: timeEntry('hana') }, false],
  ['editing another’s time entry, even as admin', admin, 'update', { collection: 'activity', doc: timeEntry('max'), previous: timeEntry('max') }, false],
  ['a PC writing a conflict record', admin, 'create', { collection: 'activity', doc: { kind: 'conflict' } }, false],
  ['editing another’s comment', max, 'update', { collection: 'activity', doc: { kind: 'comment', createdBy: 'hana', createdAt: 'x' }, previous: { kind: 'comment', createdBy: 'hana', createdAt: 'x' } }, false],
  ['own purchase request', max, 'create', { collection: 'records', doc: request('max') }, true],
  ['purchase request in someone else’s name', max, 'create', { collection: 'records', doc: request('hana') }, false],
  ['purchase request created already approved', max, 'create', { collection: 'records', doc: request('max', 'approved') }, false],
  ['requester edits their draft', max, 'update', { collection: 'records', doc: request('max', 'draft', { quantity: 2 }), previous: request('max') }, true],
  ['requester approves their own request', max, 'update', { collection: 'records', doc: request('max', 'approved'), previous: request('max', 'submitted') }, false],
  ['someone else edits a draft', hana, 'update', { collection: 'records', doc: request('max', 'draft', { quantity: 2 }), previous: request('max') }, false],
  ['a record of a kind the server does not know', max, 'create', { collection: 'records', doc: leave('max') }, false],
  ['marking someone else’s notification read', max, 'update', { collection: 'notifications', doc: { recipientId: 'hana' }, previous: { recipientId: 'hana' } }, false],
  ['marking own notification read', max, 'update', { collection: 'notifications', doc: { recipientId: 'max' }, previous: { recipientId: 'max' } }, true],
  ['admin marking someone’s notification read', admin, 'update', { collection: 'notifications', doc: { kind: 'notification', recipientId: 'max' }, previous: { kind: 'notification', recipientId: 'max' } }, false],
  ['admin retrying a webhook delivery', admin, 'update', { collection: 'notifications', doc: { kind: 'outbox', recipientId: 'sub-1' }, previous: { kind: 'outbox', recipientId: 'sub-1' } }, true],
  ['member changing the email settings', max, 'update', { collection: 'notifications', doc: { kind: 'email_settings', recipientId: 'system' }, previous: { kind: 'email_settings', recipientId: 'system' } }, false],
  // The sync server sends with these: a member must not point it at their own server or address.
  ['member creating a webhook subscription', max, 'create', { collection: 'notifications', doc: { kind: 'webhook_subscription', recipientId: 'system' } }, false],
  ['member creating the email settings', max, 'create', { collection: 'notifications', doc: { kind: 'email_settings', recipientId: 'system' } }, false],
  ['admin creating a webhook subscription', admin, 'create', { collection: 'notifications', doc: { kind: 'webhook_subscription', recipientId: 'system' } }, true],
  ['changing createdBy', max, 'update', { collection: 'projects', doc: { createdBy: 'max', createdAt: 'x' }, previous: { createdBy: 'hana', createdAt: 'x' } }, false],
  ['a project by its owner', max, 'update', { collection: 'projects', doc: { createdAt: 'x', createdBy: 'hana', ownerId: 'max' }, previous: { createdAt: 'x', createdBy: 'hana', ownerId: 'max' } }, true],
  ['a project by a member who does not own it', max, 'update', { collection: 'projects', doc: { createdAt: 'x', createdBy: 'hana' }, previous: { createdAt: 'x', createdBy: 'hana' } }, false],
  ['a deactivated admin', gone, 'create', { collection: 'projects', doc: {} }, false],
  ['reading another’s leave request', max, 'read', { collection: 'records', doc: leave('hana') }, false],
  ['HR reading a leave request', hana, 'read', { collection: 'records', doc: leave('max') }, true],
];

describe('can(person, action, target)', () => {
  it.each(rows)('%s', (_label, who, action, target, isAllowed) => {
    const decision = can(who, action, target);
    expect(decision.isAllowed).toBe(isAllowed);
    if (!decision.isAllowed) expect(decision.reason.length).toBeGreaterThan(10);
  });
});

describe('outbox deliveries the sync server will send', () => {
  const stored: Record<string, Record<string, unknown>> = {
    'people/max': { id: 'max', kind: 'person', email: 'Max@Lab.org' },
    'notifications/sub-1': { id: 'sub-1', kind: 'webhook_subscription' },
  };
  const related = { get: (collection: string, id: string) => stored[`${collection}/${id}`] ?? null, worksOnProject: () => false };
  const email = (to: string, recipientId = 'max') => ({ kind: 'outbox', recipientId, data: { channel: 'email', to } });
  const webhook = (subscriptionId: string) => ({ kind: 'outbox', recipientId: subscriptionId, data: { channel: 'webhook', subscriptionId } });
  const outboxRows: [string, SyncPerson, SyncAction, Record<string, unknown>, Record<string, unknown> | null, boolean][] = [
    ['an email to its recipient’s address', max, 'create', email('max@lab.org'), null, true],
    ['an email to another address', max, 'create', email('attacker@example.com'), null, false],
    ['an email for someone the server does not know', max, 'create', email('x@lab.org', 'nobody'), null, false],
    ['a test email to any address by an administrator', admin, 'create', email('anyone@example.com'), null, true],
    ['redirecting a queued email', max, 'update', email('attacker@example.com'), email('max@lab.org'), false],
    ['sending a queued email again (status only)', max, 'update', email('max@lab.org'), email('max@lab.org'), true],
    ['a webhook call for a subscription', max, 'create', webhook('sub-1'), null, true],
    ['a webhook call for no subscription', max, 'create', webhook('sub-made-up'), null, false],
  ];
  it.each(outboxRows)('%s', (_label, who, action, doc, previous, isAllowed) => {
    const decision = can(who, action, { collection: 'notifications', doc, previous, related });
    expect(decision.isAllowed).toBe(isAllowed);
  });
});

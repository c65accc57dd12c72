import { describe, expect, it } from 'vitest';
import { checkAuthorship } from '../../../src-shared/sync/authorship';
import { can } from '../../../src-shared/sync/permissions';
import { noRelated, type RelatedDocuments } from '../../../src-shared/sync/related-documents';
import { isStepNoticeSettling, stepNoticeSettlingDecision } from '../../../src-shared/sync/step-notice-settling';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

/**
 * The one change the system makes by sync: a step's "Waiting for you" notices marked read when the
 * step ended (src-main/workflows/settle-step-notices.ts), whoever's PC ran the step's end. It was
 * refused as "names someone else as its author", so the notice came back unread on every PC.
 */
const ada: SyncPerson = { id: 'P-ADA', email: 'ada@lab.org', name: 'Ada Admin', roles: ['member'], isActive: true };
const unread = {
  id: 'rm-1', kind: 'notification', recipientId: 'P-BEN', event: 'workflow_step_entered', isRead: false, status: '', at: '2026-12-07T10:00:00.000Z', dueAt: '2026-12-07T10:00:00.000Z',
  data: { key: 'workflow_step_entered:wi-1.t0:P-BEN', subject: 'Waiting for you: Approve', link: { section: 'workflows', itemId: 'wi-1' } },
  createdBy: 'system', updatedBy: 'system', createdAt: '2026-12-07T10:00:00.000Z', updatedAt: '2026-12-07T10:00:00.000Z', auditId: 'none',
};
const settled = { ...unread, isRead: true, updatedAt: '2026-12-07T11:00:00.000Z' };
const instance = (tokens: string[]) => ({ id: 'wi-1', state: { activeSteps: tokens.map((token) => ({ token })) } });
const withInstance = (doc: Record<string, unknown> | null): RelatedDocuments => ({ ...noRelated, get: (collection, id) => (collection === 'workflow_instances' && id === 'wi-1' ? doc : null) });

describe('a step notice settled by LabFlow', () => {
  it('is only read going from false to true, as the system, on a step notice, nothing else changed', () => {
    expect(isStepNoticeSettling(unread, settled)).toBe(true);
    expect(isStepNoticeSettling(null, settled)).toBe(false);
    expect(isStepNoticeSettling(unread, { ...settled, updatedBy: 'P-ADA' })).toBe(false);
    expect(isStepNoticeSettling(unread, { ...settled, data: { ...settled.data, subject: 'Something else' } })).toBe(false);
    expect(isStepNoticeSettling(unread, { ...settled, recipientId: 'P-ADA' })).toBe(false);
    expect(isStepNoticeSettling({ ...unread, event: 'task_assigned' }, { ...settled, event: 'task_assigned' })).toBe(false);
    expect(isStepNoticeSettling(settled, { ...settled, isRead: false })).toBe(false);
  });

  it('passes authorship from whoever pushes it; any other system edit still does not', () => {
    expect(checkAuthorship(ada, 'notifications', 'update', settled, unread).isAllowed).toBe(true);
    expect(checkAuthorship(ada, 'notifications', 'update', { ...settled, data: { ...settled.data, subject: 'Changed' } }, unread)).toMatchObject({ isAllowed: false, reason: expect.stringContaining('updatedBy') });
    expect(checkAuthorship(ada, 'notifications', 'update', settled).isAllowed).toBe(false);
  });

  it('is taken once the step has ended on the server, waits while it is still active, and is refused without its instance’s step', () => {
    const target = (related: RelatedDocuments) => ({ collection: 'notifications', doc: settled, previous: unread, related });
    expect(can(ada, 'update', target(withInstance(instance(['wi-1.t1'])))).isAllowed).toBe(true);
    expect(can(ada, 'update', target(withInstance(instance(['wi-1.t0']))))).toMatchObject({ isAllowed: false, isWaiting: true });
    expect(can(ada, 'update', target(withInstance(null)))).toMatchObject({ isAllowed: false, isWaiting: true });
    expect(stepNoticeSettlingDecision({ ...settled, data: { ...settled.data, key: 'task_assigned:x' } }, instance([]))).toMatchObject({ isAllowed: false });
  });
});

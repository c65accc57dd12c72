import { describe, expect, it } from 'vitest';
import { deliverySchema } from '../../../src-shared/notifications/notification-model';
import { outboxId, planNotices, type Notice, type PlanContext, type RecipientInfo } from '../../../src-shared/notifications/notification-plan';

const now = new Date('2026-03-02T23:00:00Z');
const bob: RecipientInfo = { id: 'P1', name: 'Bob', email: 'bob@lab.org', isActive: true };
const context = (recipients: RecipientInfo[], extra: Partial<PlanContext> = {}): PlanContext => ({
  now,
  actorId: 'system',
  appUrl: 'https://labflow.lab.org',
  isEmailConfigured: true,
  recipients: new Map(recipients.map((r) => [r.id, r])),
  webhooks: [{ id: 'H1', events: ['task_due'], isActive: true }, { id: 'H2', events: ['task_due'], isActive: false }, { id: 'H3', events: ['mention'], isActive: true }],
  maxAttempts: { email: 5, webhook: 8 },
  ...extra,
});
const notice: Notice = { id: 'rm-1', recipientId: 'P1', event: 'task_due', subject: 'Overdue: Weigh', body: 'Was due.', link: { section: 'tasks', itemId: 'T1' }, key: 'k' };

describe('planning a notification', () => {
  it('writes the entry, an email and a delivery per matching active webhook, all with ids derived from the notice', () => {
    const docs = planNotices([notice], context([bob]));
    expect(docs.map((d) => [d.kind, d.id, d.recipientId, d.status, d.isRead])).toEqual([
      ['notification', 'rm-1', 'P1', '', false],
      ['outbox', outboxId('rm-1', 'email'), 'P1', 'pending', true],
      ['outbox', outboxId('rm-1', 'webhook:H1'), 'H1', 'pending', true],
    ]);
    expect(docs[0]?.data).toMatchObject({ subject: 'Overdue: Weigh', isDesktop: true, link: { section: 'tasks', itemId: 'T1' } });
    const email = deliverySchema.parse(docs[1]?.data);
    expect(email).toMatchObject({ channel: 'email', to: 'bob@lab.org', attempts: 0, maxAttempts: 5, idempotencyKey: docs[1]?.id });
    const hook = deliverySchema.parse(docs[2]?.data);
    expect(hook).toMatchObject({ channel: 'webhook', subscriptionId: 'H1', payload: { id: docs[2]?.id, event: 'task_due', url: 'https://labflow.lab.org/#/tasks/T1', recipient: { id: 'P1', name: 'Bob' } } });
    expect(planNotices([notice], context([bob]))).toEqual(docs);
  });

  it('follows preferences: in-app off leaves a firing record with the same id; email off sends none', () => {
    const prefs = { channels: { task_due: { inApp: false, desktop: true, email: false, webhook: false } }, quietHours: { isEnabled: false, start: '22:00', end: '07:00', utcOffsetMinutes: 0 } };
    const docs = planNotices([notice], context([{ ...bob, preferences: prefs }]));
    expect(docs.map((d) => [d.kind, d.id, d.isRead])).toEqual([['firing', 'rm-1', true]]);
  });

  it('holds email back until quiet hours end and leaves out the desktop pop-up', () => {
    const prefs = { channels: {}, quietHours: { isEnabled: true, start: '22:00', end: '07:00', utcOffsetMinutes: 0 } };
    const docs = planNotices([notice], context([{ ...bob, preferences: prefs }]));
    expect(docs[0]?.data.isDesktop).toBeUndefined();
    expect(docs[1]?.dueAt).toBe('2026-03-03T07:00:00.000Z');
    expect(docs[2]?.dueAt).toBe(now.toISOString());
  });

  it('sends nothing to people who are gone or deactivated, but still records the firing', () => {
    expect(planNotices([notice], context([])).map((d) => d.kind)).toEqual(['firing']);
    expect(planNotices([notice], context([{ ...bob, isActive: false }])).map((d) => d.kind)).toEqual(['firing']);
  });

  it('sends no email before email is set up or to someone without an address', () => {
    expect(planNotices([notice], context([bob], { isEmailConfigured: false })).some((d) => d.data.channel === 'email')).toBe(false);
    expect(planNotices([notice], context([{ ...bob, email: '' }])).some((d) => d.data.channel === 'email')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { followUpKey, followUpReminder, followUpsDue, timelineOf } from '../../../src-shared/crm/crm-schedule';
import { timelineSubjectIds } from '../../../src-shared/crm/interaction-timeline';

const interaction = (id: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id, data: { ownerId: 'sam', summary: `Call ${id}`, ...data }, ...extra });

describe('follow-up reminders', () => {
  it('come from open follow-ups only, keyed by interaction and day (a moved day is a new reminder)', () => {
    const due = followUpsDue([
      interaction('i1', { nextFollowUpOn: '2026-03-02' }),
      interaction('i2', { nextFollowUpOn: '2026-03-02', followUpDone: true }),
      interaction('i3', {}),
      interaction('i4', { nextFollowUpOn: '2026-03-05' }, { deletedAt: '2026-03-01T00:00:00.000Z' }),
    ]);
    expect(due).toEqual([{ key: 'crm_follow_up:i1:2026-03-02', interactionId: 'i1', recipientId: 'sam', dueOn: '2026-03-02', summary: 'Call i1' }]);
    expect(followUpKey('i1', '2026-03-03')).not.toBe(due[0]!.key);
  });
});

describe('a follow-up as a reminder', () => {
  const due = { key: followUpKey('i1', '2026-05-06'), interactionId: 'i1', recipientId: 'p1', dueOn: '2026-05-06', summary: 'Send the protocol' };
  it('is due at the lab’s time on the day, to the owner, leading to the interaction', () => {
    expect(followUpReminder(due, { dueTimeOfDay: '09:00', utcOffsetMinutes: 120 })).toMatchObject({
      kind: 'crm_follow_up', event: 'crm_follow_up', recipientId: 'p1', dueAt: '2026-05-06T07:00:00.000Z', subject: 'Follow up today: Send the protocol', link: { section: 'records', itemId: 'i1' },
    });
  });
  it('keeps its id when derived again and changes it when the day moves', () => {
    const settings = { dueTimeOfDay: '09:00', utcOffsetMinutes: 0 };
    expect(followUpReminder(due, settings)?.id).toBe(followUpReminder({ ...due }, settings)?.id);
    const moved = { ...due, dueOn: '2026-05-07', key: followUpKey('i1', '2026-05-07') };
    expect(followUpReminder(moved, settings)?.id).not.toBe(followUpReminder(due, settings)?.id);
  });
});

describe('the timeline', () => {
  it('joins the interactions of a subject and the records under it, newest first', () => {
    const entries = [
      { id: 'a', subjectId: 'org', occurredAt: '2026-01-01T10:00:00.000Z' },
      { id: 'b', subjectId: 'contact', occurredAt: '2026-01-03T10:00:00.000Z' },
      { id: 'c', subjectId: 'other', occurredAt: '2026-01-04T10:00:00.000Z' },
      { id: 'd', subjectId: 'opp', occurredAt: '2026-01-02T10:00:00.000Z' },
    ];
    expect(timelineOf(['org', 'contact', 'opp'], entries).map((e) => e.id)).toEqual(['b', 'd', 'a']);
  });
});

describe('the subjects of a timeline', () => {
  it('are the record itself, and for an organisation also its contacts and opportunities', () => {
    const children = [{ id: 'c1', kind: 'contact' }, { id: 'o1', kind: 'opportunity' }, { id: 'q1', kind: 'quotation' }];
    expect(timelineSubjectIds({ id: 'org', kind: 'organisation' }, children)).toEqual(['org', 'c1', 'o1']);
    expect(timelineSubjectIds({ id: 'c1', kind: 'contact' }, children)).toEqual(['c1']);
  });
});

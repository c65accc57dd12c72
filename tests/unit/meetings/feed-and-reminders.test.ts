import { describe, expect, it } from 'vitest';
import { feedAllDay, feedMeetings } from '../../../src-shared/meetings/calendar-feed';
import { activeFeed, hashFeedToken, parseCalendarSettings } from '../../../src-shared/meetings/calendar-settings';
import type { MeetingDocument } from '../../../src-shared/meetings/meeting-model';
import { materialiseOccurrence } from '../../../src-shared/meetings/occurrences';
import { actionItemReminders, defaultActionItemReminderSettings } from '../../../src-shared/scheduler/action-item-reminders';
import { minutesDueReminders } from '../../../src-shared/scheduler/minutes-reminders';
import { ada, bob, carol, meeting, weekly } from './fixtures';

const now = new Date('2026-03-10T08:00:00.000Z');

describe('a person\'s calendar feed', () => {
  const series = meeting({ data: { recurrence: weekly(6) } });
  const occurrence = { ...series, ...materialiseOccurrence(series, '2026-03-23T09:00:00.000Z') } as MeetingDocument;
  const oneToOne = meeting({ id: 'M-1TO1', organiserId: bob.id, data: { isPrivate: true, type: 'one_to_one', minuteTakerIds: [], attendees: [{ personId: bob.id, name: bob.name, role: 'required', response: 'accepted' }, { personId: ada.id, name: ada.name, role: 'required', response: 'accepted' }] } });
  const declined = meeting({ id: 'M-DECLINED', organiserId: ada.id, data: { attendees: [{ personId: bob.id, name: bob.name, role: 'required', response: 'declined' }] } });
  const old = meeting({ id: 'M-OLD', date: '2025-01-06' });

  it('holds the meetings the person organises or attends (private ones only their own), each series with its occurrence documents', () => {
    const forBob = feedMeetings({ id: bob.id, roles: ['member'] }, [series, occurrence, oneToOne, declined, old], now);
    expect(forBob.map((m) => [m.meeting.id, m.occurrences.map((o) => o.id)])).toEqual([['M-1TO1', []], ['M-QA', [occurrence.id]]]);
    const forCarol = feedMeetings({ id: carol.id, roles: ['admin'] }, [series, occurrence, oneToOne], now);
    expect(forCarol).toEqual([]);
  });

  it('adds open tasks assigned to the person and milestones of their projects as all-day entries', () => {
    const entries = feedAllDay(
      { id: bob.id, roles: ['member'] },
      {
        tasks: [
          { id: 'T1', title: 'Recalibrate', status: 'todo', dueDate: '2026-03-20', assigneeId: bob.id, projectId: 'PR1', updatedAt: '2026-03-01T00:00:00.000Z' },
          { id: 'T2', title: 'Done already', status: 'done', dueDate: '2026-03-20', assigneeId: bob.id, projectId: 'PR1', updatedAt: '2026-03-01T00:00:00.000Z' },
          { id: 'T3', title: 'Someone else', status: 'todo', dueDate: '2026-03-20', assigneeId: ada.id, projectId: 'PR1', updatedAt: '2026-03-01T00:00:00.000Z' },
        ],
        milestones: [
          { id: 'MS1', title: 'Validation done', projectId: 'PR1', updatedAt: '2026-03-01T00:00:00.000Z', data: { dueDate: '2026-04-01', status: 'pending' } },
          { id: 'MS2', title: 'Other project', projectId: 'PR2', updatedAt: '2026-03-01T00:00:00.000Z', data: { dueDate: '2026-04-01', status: 'pending' } },
        ],
        projects: [
          { id: 'PR1', code: 'VAL', name: 'Validation', createdBy: ada.id, ownerId: ada.id, teamIds: [bob.id] },
          { id: 'PR2', code: 'OTH', name: 'Other', createdBy: ada.id, ownerId: ada.id, teamIds: [] },
        ],
      },
    );
    expect(entries.map((e) => [e.uid, e.date, e.summary])).toEqual([
      ['task-T1@labflow', '2026-03-20', 'Due: Recalibrate'],
      ['milestone-MS1@labflow', '2026-04-01', 'Milestone: Validation done'],
    ]);
  });

  it('opens only for a live token: hashed, revocable, malformed tokens refused', () => {
    const token = 'A'.repeat(43);
    const settings = parseCalendarSettings({ meetingLeadMinutes: [15], feeds: [{ id: 'F1', tokenHash: hashFeedToken(token), label: 'x', createdAt: '2026-03-01T00:00:00.000Z' }] });
    expect(activeFeed(settings, token)?.id).toBe('F1');
    expect(activeFeed(settings, 'B'.repeat(43))).toBeUndefined();
    expect(activeFeed(settings, `${token}/../x`)).toBeUndefined();
    expect(activeFeed({ ...settings, feeds: settings.feeds.map((f) => ({ ...f, revokedAt: '2026-03-02T00:00:00.000Z' })) }, token)).toBeUndefined();
    expect(parseCalendarSettings({ meetingLeadMinutes: 'soon' })).toEqual({ meetingLeadMinutes: [15], feeds: [] });
  });
});

describe('meeting follow-up reminders', () => {
  const occurrence = { id: 'M-QA', title: 'Weekly QA meeting', startsAt: '2026-03-16T09:00:00.000Z', endsAt: '2026-03-16T10:00:00.000Z', timeZone: 'Europe/Berlin', organiserId: ada.id, isCancelled: false, hasPublishedMinutes: false };

  it('remind the organiser once, a day after the end, while the minutes are not published', () => {
    const [reminder] = minutesDueReminders(occurrence);
    expect(reminder).toMatchObject({ recipientId: ada.id, dueAt: '2026-03-17T10:00:00.000Z', event: 'meeting_minutes_due', subject: 'Minutes not published: Weekly QA meeting', link: { section: 'meetings', itemId: 'M-QA' } });
    expect(minutesDueReminders(occurrence)[0]?.id).toBe(reminder?.id);
    expect(minutesDueReminders({ ...occurrence, hasPublishedMinutes: true })).toEqual([]);
    expect(minutesDueReminders({ ...occurrence, isCancelled: true })).toEqual([]);
    expect(minutesDueReminders({ ...occurrence, endsAt: '2026-03-16T11:00:00.000Z' })[0]?.id).not.toBe(reminder?.id);
  });

  it('remind an action item\'s owner the day before at 17:00 in the meeting\'s zone, then daily while overdue', () => {
    const item = { id: 'A1', description: 'Recalibrate B-12', ownerId: bob.id, dueDate: '2026-03-20', meetingId: 'M-QA_x', meetingTitle: 'Weekly QA meeting', timeZone: 'Europe/Berlin' };
    const before = actionItemReminders(item, defaultActionItemReminderSettings, now);
    expect(before.map((r) => [r.dueAt, r.subject])).toEqual([
      ['2026-03-19T16:00:00.000Z', 'Action due in 1 day: Recalibrate B-12'],
      ['2026-03-20T16:00:00.000Z', 'Overdue action: Recalibrate B-12'],
      ['2026-03-21T16:00:00.000Z', 'Overdue action: Recalibrate B-12'],
    ]);
    const moved = actionItemReminders({ ...item, dueDate: '2026-03-27' }, defaultActionItemReminderSettings, now);
    expect(moved.some((r) => before.some((b) => b.id === r.id))).toBe(false);
  });
});

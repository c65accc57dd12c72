import { describe, expect, it } from 'vitest';
import { notificationEvents } from '../../../src-shared/notifications/notification-events';
import { channelsFor, defaultChannels, effectiveChannels, isChannelOn, preferencesSchema, type Preferences } from '../../../src-shared/notifications/preferences';
import { quietHoursEnd } from '../../../src-shared/notifications/quiet-hours';

const off = { inApp: false, desktop: false, email: false, webhook: false };

describe('preferences', () => {
  it('use the defaults for events a person never set, and their choice otherwise', () => {
    const prefs: Preferences = { channels: { mention: off }, quietHours: { isEnabled: false, start: '22:00', end: '07:00', utcOffsetMinutes: 0 } };
    expect(channelsFor(prefs, 'mention')).toEqual(off);
    expect(channelsFor(prefs, 'task_assigned')).toEqual(defaultChannels.task_assigned);
    expect(channelsFor(undefined, 'task_status_changed').email).toBe(false);
    expect(isChannelOn(undefined, 'sla_violation', 'email')).toBe(true);
    expect(Object.keys(effectiveChannels(prefs))).toEqual([...notificationEvents]);
  });

  it('refuse unknown events, unknown or missing channels and bad times', () => {
    const base = { channels: {}, quietHours: { isEnabled: true, start: '22:00', end: '07:00', utcOffsetMinutes: 0 } };
    expect(preferencesSchema.safeParse(base).success).toBe(true);
    expect(preferencesSchema.safeParse({ ...base, channels: { lunch: off } }).success).toBe(false);
    const sms = preferencesSchema.safeParse({ ...base, channels: { mention: { ...off, sms: true } } });
    expect(sms.success).toBe(false);
    expect(sms.error?.issues[0]).toMatchObject({ path: ['channels', 'mention'], message: 'The channels are in-app, desktop, email and webhook.' });
    expect(preferencesSchema.safeParse({ ...base, channels: { mention: { inApp: true, desktop: false, email: false } } }).success).toBe(false);
    expect(preferencesSchema.safeParse({ ...base, quietHours: { ...base.quietHours, end: '7:00' } }).success).toBe(false);
    expect(preferencesSchema.safeParse({ ...base, quietHours: { ...base.quietHours, utcOffsetMinutes: 2000 } }).success).toBe(false);
  });
});

describe('quiet hours', () => {
  const overnight = { isEnabled: true, start: '22:00', end: '07:00', utcOffsetMinutes: 60 };
  it.each([
    ['2026-03-02T20:59:00Z', null],
    ['2026-03-02T21:00:00Z', '2026-03-03T06:00:00.000Z'],
    ['2026-03-02T23:30:00Z', '2026-03-03T06:00:00.000Z'],
    ['2026-03-03T05:59:59Z', '2026-03-03T06:00:00.000Z'],
    ['2026-03-03T06:00:00Z', null],
    ['2026-03-03T12:00:00Z', null],
  ])('over midnight in UTC+1: at %s they end at %s', (now, end) => {
    expect(quietHoursEnd(overnight, new Date(now))?.toISOString() ?? null).toBe(end);
  });

  it('work within one day, and not at all when off or empty', () => {
    const lunch = { isEnabled: true, start: '12:00', end: '13:00', utcOffsetMinutes: 0 };
    expect(quietHoursEnd(lunch, new Date('2026-03-02T12:30:00Z'))?.toISOString()).toBe('2026-03-02T13:00:00.000Z');
    expect(quietHoursEnd(lunch, new Date('2026-03-02T13:00:00Z'))).toBeNull();
    expect(quietHoursEnd({ ...lunch, isEnabled: false }, new Date('2026-03-02T12:30:00Z'))).toBeNull();
    expect(quietHoursEnd({ ...lunch, end: '12:00' }, new Date('2026-03-02T12:30:00Z'))).toBeNull();
  });
});

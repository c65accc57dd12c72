import { z } from 'zod';
import { TIME_OF_DAY } from '../scheduler/due-time';
import { notificationEventSchema, notificationEvents, type NotificationChannel, type NotificationEvent } from './notification-events';

/** Exactly the four channels: a choice for a channel LabFlow does not have is refused, not dropped. */
export const channelSetSchema = z.strictObject(
  { inApp: z.boolean(), desktop: z.boolean(), email: z.boolean(), webhook: z.boolean() },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'The channels are in-app, desktop, email and webhook.' : undefined) },
);
export type ChannelSet = z.infer<typeof channelSetSchema>;

export const quietHoursSchema = z.object({
  isEnabled: z.boolean(),
  start: z.string().regex(TIME_OF_DAY, 'Enter a time as HH:MM.'),
  end: z.string().regex(TIME_OF_DAY, 'Enter a time as HH:MM.'),
  /** Minutes east of UTC of the person's clock; the UI fills it from the browser. */
  utcOffsetMinutes: z.number().int().min(-840).max(840),
});
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** One person's choices: channels per event (absent events use the defaults) and quiet hours. */
export const preferencesSchema = z.object({
  channels: z.partialRecord(notificationEventSchema, channelSetSchema),
  quietHours: quietHoursSchema,
});
export type Preferences = z.infer<typeof preferencesSchema>;

const all: ChannelSet = { inApp: true, desktop: true, email: true, webhook: true };
const quiet: ChannelSet = { inApp: true, desktop: true, email: false, webhook: true };

/**
 * Defaults for someone who never opened their preferences: everything in app and on the desktop;
 * email only for what needs action from them (assignments, due work, SLAs, mentions, calibration).
 */
export const defaultChannels: Record<NotificationEvent, ChannelSet> = {
  task_assigned: all,
  task_status_changed: quiet,
  task_watched: quiet,
  task_due: all,
  meeting_scheduled: all,
  meeting_reminder: quiet,
  meeting_minutes: all,
  meeting_minutes_due: all,
  action_item_due: all,
  sla_violation: all,
  workflow_step_entered: all,
  milestone_approaching: quiet,
  equipment_calibration_due: all,
  equipment_maintenance_due: quiet,
  crm_follow_up: all,
  crm_quotation_expired: all,
  training_expiring: all,
  person_left: all,
  budget_threshold: all,
  mention: all,
  system: all,
};

export const defaultPreferences: Preferences = {
  channels: {},
  quietHours: { isEnabled: false, start: '22:00', end: '07:00', utcOffsetMinutes: 0 },
};

export function channelsFor(preferences: Preferences | undefined, event: NotificationEvent): ChannelSet {
  return preferences?.channels[event] ?? defaultChannels[event];
}

/** Every event with its effective channels, for the preferences form. */
export function effectiveChannels(preferences: Preferences | undefined): Record<NotificationEvent, ChannelSet> {
  return Object.fromEntries(notificationEvents.map((e) => [e, channelsFor(preferences, e)])) as Record<NotificationEvent, ChannelSet>;
}

export const isChannelOn = (preferences: Preferences | undefined, event: NotificationEvent, channel: NotificationChannel): boolean =>
  channelsFor(preferences, event)[channel];

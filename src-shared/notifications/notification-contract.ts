import { z } from 'zod';
import { command, query } from '../bridge/define';
import { notificationEventSchema } from './notification-events';
import type { DesktopSettings, NotificationView } from './notification-views';
import { preferencesSchema, type Preferences } from './preferences';

const ids = z.array(z.string().min(1).max(40)).min(1).max(500);

/** The notification centre and each person's own notification settings. */
export const notificationContract = {
  /** The signed-in person's entries, newest first; optionally one event or unread only. */
  'notifications/list': query<NotificationView[]>()(
    z.object({ event: notificationEventSchema.optional(), isUnreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(200) }),
  ),
  /** The signed-in person's unread count (the badge on the navigation rail and the tray). */
  'notifications/unread-count': query<{ count: number }>()(z.object({})),
  'notifications/mark-read': command<{ changed: number }>()(z.object({ ids, isRead: z.boolean().default(true) })),
  'notifications/mark-all-read': command<{ changed: number }>()(z.object({ event: notificationEventSchema.optional() })),
  /** The signed-in person's preferences (defaults until saved). */
  'notifications/preferences': query<Preferences>()(z.object({})),
  'notifications/set-preferences': command<Preferences>()(preferencesSchema),
  /** Administrators: send a message to a person through their preferred channels (also a way to check the set-up). */
  'notifications/send-test': command<{ id: string }>()(
    z.object({
      recipientId: z.string().min(1).max(40),
      subject: z.string().trim().min(1, 'Enter a subject.').max(200).default('Test notification'),
      body: z.string().trim().max(2000).default('This is a test notification from LabFlow.'),
    }),
  ),
  'notifications/desktop-settings': query<DesktopSettings>()(z.object({})),
  /** This computer's settings; each field left out stays as it is. */
  'notifications/set-desktop-settings': command<DesktopSettings>()(z.object({ keepRunningInTray: z.boolean().optional(), startAtSignIn: z.boolean().optional() })),
};

import { z } from 'zod';
import { hashId } from '../core/hash-id';
import { sha256, toHex } from '../core/sha256';

/**
 * A person's calendar settings, one `notifications` document of kind `calendar_settings` per
 * person (personal: only they read and change it, see meeting-notification-rules.ts): how long
 * before a meeting they are reminded, and the links of their calendar feed. A feed link carries a
 * random token; only its SHA-256 is stored, so the document (and its copies on every PC and the
 * sync server) cannot be turned back into a working link. Revoking a link keeps it, marked.
 */

export const calendarSettingsId = (personId: string): string => hashId('cal', personId);

export const leadMinutesSchema = z
  .array(z.number().int().min(1, 'At least one minute before.').max(7 * 24 * 60, 'At most a week before.'))
  .max(5, 'At most five reminders per meeting.');

export const feedTokenSchema = z.object({
  id: z.string().min(1).max(40),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  label: z.string().max(100),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});
export type FeedToken = z.infer<typeof feedTokenSchema>;

export const calendarSettingsDataSchema = z.object({
  meetingLeadMinutes: leadMinutesSchema,
  feeds: z.array(feedTokenSchema).max(20),
});
export type CalendarSettingsData = z.infer<typeof calendarSettingsDataSchema>;

/** Until a person chooses: one reminder 15 minutes before each meeting. */
export const defaultCalendarSettings: CalendarSettingsData = { meetingLeadMinutes: [15], feeds: [] };

/** Feed tokens are 43 characters of base64url (32 random bytes). */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashFeedToken = (token: string): string => toHex(sha256(token));

/** The feed link a token opens, if it is one and not revoked. */
export function activeFeed(data: CalendarSettingsData, token: string): FeedToken | undefined {
  if (!FEED_TOKEN.test(token)) return undefined;
  const hash = hashFeedToken(token);
  return data.feeds.find((feed) => feed.tokenHash === hash && !feed.revokedAt);
}

/** Reads stored settings, falling back to the defaults for anything unreadable. */
export function parseCalendarSettings(data: unknown): CalendarSettingsData {
  const parsed = calendarSettingsDataSchema.safeParse(data);
  return parsed.success ? parsed.data : defaultCalendarSettings;
}

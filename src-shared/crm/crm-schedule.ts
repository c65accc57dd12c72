import { dueInstant, type LocalTimeSettings } from '../scheduler/due-time';
import { reminder, type DueReminder } from '../scheduler/reminder';

/**
 * What CRM asks of the scheduler, pure: the follow-ups to remind owners of, each with a key that is
 * a function of the interaction and its follow-up day only (so the reminder's id is deterministic
 * and it fires exactly once across restarts and PCs; a changed day is a new reminder), and the
 * timeline of interactions. Quotation expiry is quotation-expiry.ts.
 */
export interface FollowUpSource {
  id: string;
  status?: string | undefined;
  deletedAt?: unknown;
  data: { ownerId: string; summary: string; nextFollowUpOn?: string | undefined; followUpDone?: boolean | undefined };
}

export interface FollowUpDue {
  key: string;
  interactionId: string;
  recipientId: string;
  /** YYYY-MM-DD: the owner is reminded on the morning of this day (their time zone, host side). */
  dueOn: string;
  summary: string;
}

export const followUpKey = (interactionId: string, dueOn: string): string => `crm_follow_up:${interactionId}:${dueOn}`;

/** Every open follow-up (done ones and removed interactions have none). */
export function followUpsDue(interactions: readonly FollowUpSource[]): FollowUpDue[] {
  return interactions
    .filter((i) => !i.deletedAt && i.data.nextFollowUpOn && !i.data.followUpDone)
    .map((i) => ({ key: followUpKey(i.id, i.data.nextFollowUpOn!), interactionId: i.id, recipientId: i.data.ownerId, dueOn: i.data.nextFollowUpOn!, summary: i.data.summary }));
}

/**
 * The owner's reminder for a follow-up: due at the lab's time of day on the follow-up day, one
 * series per interaction and day (a moved follow-up is a new reminder; the old one is not derived
 * any more), leading to the interaction's record page.
 */
export function followUpReminder(due: FollowUpDue, settings: LocalTimeSettings): DueReminder | null {
  const dueAtMs = dueInstant(due.dueOn, settings);
  if (dueAtMs === undefined) return null;
  return reminder({
    key: due.key,
    kind: 'crm_follow_up',
    series: due.key,
    dueAt: new Date(dueAtMs).toISOString(),
    recipientId: due.recipientId,
    event: 'crm_follow_up',
    subject: `Follow up today: ${due.summary}`,
    body: `You planned to follow up on “${due.summary}” today.`,
    link: { section: 'records', itemId: due.interactionId },
  });
}

export interface TimelineEntry {
  id: string;
  subjectId: string;
  occurredAt: string;
}

/**
 * One timeline for a subject: its own interactions and those of the records under it (an
 * organisation's contacts and opportunities, a lead's converted records), newest first.
 */
export function timelineOf<T extends TimelineEntry>(subjectIds: readonly string[], interactions: readonly T[]): T[] {
  const subjects = new Set(subjectIds);
  return interactions.filter((i) => subjects.has(i.subjectId)).sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.id.localeCompare(b.id));
}

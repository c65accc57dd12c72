import type { AppLink } from '../notifications/app-link';
import type { NotificationEvent } from '../notifications/notification-events';
import { reminder, type DueReminder } from './reminder';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "1 day", "2 hours", "15 minutes": how far ahead a lead-time reminder fires. */
export function describeLead(ms: number): string {
  const [unit, size] = ms % day === 0 ? ['day', day] : ms % hour === 0 ? ['hour', hour] : ['minute', minute];
  const count = Math.max(1, Math.round(ms / size));
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

export type ReminderPhase = { type: 'lead'; leadMs: number } | { type: 'overdue'; occurrence: number };

export interface DueSeriesInput {
  kind: string;
  event: NotificationEvent;
  /** Identifies the thing and the version of its due date, e.g. `task:<id>:2026-03-01`. */
  subjectKey: string;
  recipientId: string;
  dueAtMs: number;
  leadTimesMs: readonly number[];
  /** Repeat "overdue" every this many ms from the due instant; absent: no overdue reminders. */
  overdueEveryMs?: number;
  now: Date;
  text(phase: ReminderPhase): { subject: string; body: string };
  link?: AppLink;
  /** See DueReminder.about. */
  about?: string;
}

/**
 * The reminders of one due date for one person: one per lead time before it, and — when overdue
 * reminders are wanted — the latest overdue occurrence already due plus the next one. Older
 * occurrences are left out: they are either fired already or superseded (collapseSuperseded).
 */
export function dueSeries(input: DueSeriesInput): DueReminder[] {
  const { kind, event, subjectKey, recipientId, dueAtMs, leadTimesMs, overdueEveryMs, now, text, link, about } = input;
  const series = `${kind}:${subjectKey}:${recipientId}`;
  const make = (phase: ReminderPhase, atMs: number, tag: string): DueReminder =>
    reminder({ key: `${series}:${tag}`, kind, series, dueAt: new Date(atMs).toISOString(), recipientId, event, ...text(phase), ...(link ? { link } : {}), ...(about ? { about } : {}) });
  const result = [...new Set(leadTimesMs)].filter((ms) => ms > 0).map((leadMs) => make({ type: 'lead', leadMs }, dueAtMs - leadMs, `lead-${leadMs}`));
  if (overdueEveryMs && overdueEveryMs > 0) {
    const latest = Math.max(0, Math.floor((now.getTime() - dueAtMs) / overdueEveryMs));
    for (const occurrence of new Set([latest, latest + 1])) {
      result.push(make({ type: 'overdue', occurrence }, dueAtMs + occurrence * overdueEveryMs, `overdue-${occurrence}`));
    }
  }
  return result;
}

import { formatDay } from '../format/display-format';
import { addDays } from '../projects/plan-dates';
import { dueInstant, type LocalTimeSettings } from '../scheduler/due-time';
import { describeLead, dueSeries } from '../scheduler/lead-times';
import type { DueReminder } from '../scheduler/reminder';

/**
 * Reminders that a person's training is running out: to the person and their managers, at lead
 * times before the last valid day (30 and 7 days by default) and, once it has expired, monthly until
 * it is renewed. A completion that a later completion of the same course renews, one withdrawn,
 * and one that never expires remind no one. Each reminder's id comes from the completion, its last
 * valid day and the person, so it fires once however often it is derived, on whichever PC.
 */
export interface CompletionForReminders {
  id: string;
  personId: string;
  personName: string;
  courseId: string;
  courseTitle: string;
  completedOn: string;
  /** Last valid day ('' = never expires). */
  expiresOn: string;
  isWithdrawn: boolean;
  /** The person's managers (the record's stamped `managerIds`). */
  managerIds: readonly string[];
}

export interface TrainingReminderSettings extends LocalTimeSettings {
  leadTimesMs: number[];
  expiredEveryMs: number;
}

const day = 86_400_000;

export const defaultTrainingReminderSettings: TrainingReminderSettings = {
  leadTimesMs: [30 * day, 7 * day],
  expiredEveryMs: 30 * day,
  dueTimeOfDay: '09:00',
  utcOffsetMinutes: 0,
};

const renewalKey = (c: CompletionForReminders) => `${c.personId}\u0000${c.courseId}`;

/** The completions that still stand for their person and course: the latest one of each, not withdrawn. */
export function standingCompletions(completions: readonly CompletionForReminders[]): CompletionForReminders[] {
  const latest = new Map<string, CompletionForReminders>();
  for (const c of completions) {
    if (c.isWithdrawn) continue;
    const current = latest.get(renewalKey(c));
    if (!current || c.completedOn > current.completedOn || (c.completedOn === current.completedOn && c.id > current.id)) latest.set(renewalKey(c), c);
  }
  return [...latest.values()];
}

/** Every reminder of the standing completions that expire. */
export function trainingReminders(completions: readonly CompletionForReminders[], settings: TrainingReminderSettings, now: Date): DueReminder[] {
  return standingCompletions(completions).flatMap((c) => {
    if (!c.expiresOn) return [];
    // Valid through its last day: it has expired from the next morning.
    const dueAtMs = dueInstant(addDays(c.expiresOn, 1), settings);
    if (dueAtMs === undefined) return [];
    const until = formatDay(c.expiresOn);
    return [...new Set([c.personId, ...c.managerIds])].flatMap((recipientId) => {
      const whose = recipientId === c.personId ? 'Your training' : `${c.personName}'s training`;
      return dueSeries({
        kind: 'training_expiry',
        event: 'training_expiring',
        subjectKey: `${c.id}:${c.expiresOn}`,
        recipientId,
        dueAtMs,
        leadTimesMs: settings.leadTimesMs,
        overdueEveryMs: settings.expiredEveryMs,
        now,
        link: { section: 'hr' },
        about: c.id,
        text: (phase) =>
          phase.type === 'lead'
            ? { subject: `${whose} “${c.courseTitle}” is valid until ${until}`, body: `${whose} “${c.courseTitle}” is valid until ${until} (reminder ${describeLead(phase.leadMs)} ahead). Book a refresher before it runs out.` }
            : { subject: `${whose} “${c.courseTitle}” expired on ${until}`, body: `${whose} “${c.courseTitle}” was valid until ${until}. Until it is renewed, what it qualifies for (instruments, methods) is refused.` },
      });
    });
  });
}

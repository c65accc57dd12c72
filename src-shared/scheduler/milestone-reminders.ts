import { dueInstant, type LocalTimeSettings } from './due-time';
import { describeLead, dueSeries } from './lead-times';
import type { DueReminder } from './reminder';

/** A milestone (`plan_items` of kind 'milestone') and who is told about it (the project owner). */
export interface MilestoneForReminders {
  id: string;
  projectId: string;
  title: string;
  dueDate: string;
  status: string;
  recipientIds: string[];
}

export interface MilestoneReminderSettings extends LocalTimeSettings {
  leadTimesMs: number[];
}

export const defaultMilestoneReminderSettings: MilestoneReminderSettings = {
  leadTimesMs: [7 * 86_400_000, 86_400_000],
  dueTimeOfDay: '17:00',
  utcOffsetMinutes: 0,
};

/** "Milestone approaching" before the due date of a pending milestone; reached or missed ones are quiet. */
export function milestoneReminders(milestone: MilestoneForReminders, settings: MilestoneReminderSettings, now: Date): DueReminder[] {
  if (milestone.status !== 'pending') return [];
  const dueAtMs = dueInstant(milestone.dueDate, settings);
  if (dueAtMs === undefined) return [];
  return [...new Set(milestone.recipientIds)].flatMap((recipientId) =>
    dueSeries({
      kind: 'milestone_approaching',
      event: 'milestone_approaching',
      subjectKey: `${milestone.id}:${milestone.dueDate}`,
      recipientId,
      dueAtMs,
      leadTimesMs: settings.leadTimesMs,
      now,
      link: { section: 'projects', itemId: milestone.projectId },
      text: (phase) => ({
        subject: `Milestone in ${phase.type === 'lead' ? describeLead(phase.leadMs) : 'no time'}: ${milestone.title}`,
        body: `The milestone “${milestone.title}” is due on ${milestone.dueDate}.`,
      }),
    }),
  );
}

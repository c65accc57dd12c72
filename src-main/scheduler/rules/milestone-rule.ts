import {
  defaultMilestoneReminderSettings, milestoneReminders, type MilestoneReminderSettings,
} from '../../../src-shared/scheduler/milestone-reminders';
import type { ReminderRule } from '../reminder-rule';
import { hostUtcOffsetMinutes } from './local-time';

/** "Milestone approaching" for the owner of the milestone's project, from `plan_items` of kind 'milestone'. */
export function createMilestoneRule(settings: Partial<MilestoneReminderSettings> = {}): ReminderRule {
  const effective: MilestoneReminderSettings = { ...defaultMilestoneReminderSettings, utcOffsetMinutes: hostUtcOffsetMinutes(), ...settings };
  return {
    kind: 'milestone_approaching',
    watches: ['plan_items', 'projects'],
    async derive(db, now) {
      const milestones = await db.plan_items.find({ selector: { kind: 'milestone' } }).exec();
      if (milestones.length === 0) return [];
      const projectIds = [...new Set(milestones.map((m) => m.get('projectId') as string))];
      const projects = await db.projects.findByIds(projectIds).exec();
      return milestones.flatMap((m) => {
        const data = (m.get('data') ?? {}) as { dueDate?: unknown; status?: unknown };
        const ownerId = projects.get(m.get('projectId') as string)?.get('ownerId') as string | undefined;
        if (typeof data.dueDate !== 'string' || !ownerId) return [];
        return milestoneReminders(
          { id: m.id, projectId: m.get('projectId') as string, title: m.get('title') as string, dueDate: data.dueDate, status: typeof data.status === 'string' ? data.status : 'pending', recipientIds: [ownerId] },
          effective,
          now,
        );
      });
    },
  };
}

import {
  defaultMilestoneReminderSettings, milestoneReminders, type MilestoneReminderSettings,
} from '../../../src-shared/scheduler/milestone-reminders';
import type { DueReminder } from '../../../src-shared/scheduler/reminder';
import type { LabDatabase } from '../../database/open-database';
import type { ReminderRule } from '../reminder-rule';
import { changedDocumentsOf } from './changed-documents';
import { flatMapInSlices } from './in-slices';
import { hostUtcOffsetMinutes } from './local-time';

/** A stored milestone (`plan_items` of kind 'milestone') as the rule reads it. */
export interface StoredMilestone {
  id: string;
  projectId: string;
  title: string;
  data?: { dueDate?: unknown; status?: unknown };
}

/** One milestone's reminders for the owner of its project (none without a due date or an owner). */
export function milestoneDocumentReminders(milestone: StoredMilestone, projectOwnerId: string | undefined, settings: MilestoneReminderSettings, now: Date): DueReminder[] {
  const data = milestone.data ?? {};
  if (typeof data.dueDate !== 'string' || !projectOwnerId) return [];
  return milestoneReminders(
    { id: milestone.id, projectId: milestone.projectId, title: milestone.title, dueDate: data.dueDate, status: typeof data.status === 'string' ? data.status : 'pending', recipientIds: [projectOwnerId] },
    settings,
    now,
  );
}

/**
 * A milestone reminder's key is `milestone_approaching:<milestone id>:<due date>:…` (dueSeries);
 * its link points at the project, so the owner is read from the key.
 */
export const milestoneOf = (r: DueReminder): string => r.key.split(':')[1] ?? '';

async function remindersOf(db: LabDatabase, milestones: StoredMilestone[], settings: MilestoneReminderSettings, now: Date): Promise<DueReminder[]> {
  if (milestones.length === 0) return [];
  const projects = await db.projects.findByIds([...new Set(milestones.map((m) => m.projectId))]).exec();
  return flatMapInSlices(milestones, (m) => milestoneDocumentReminders(m, projects.get(m.projectId)?.get('ownerId') as string | undefined, settings, now));
}

/**
 * "Milestone approaching" for the owner of the milestone's project, from `plan_items` of kind
 * 'milestone'. It reads the project too: a changed milestone derives that milestone again, a
 * changed project (its owner) every milestone of that project.
 */
export function createMilestoneRule(settings: Partial<MilestoneReminderSettings> = {}): ReminderRule {
  const effective: MilestoneReminderSettings = { ...defaultMilestoneReminderSettings, utcOffsetMinutes: hostUtcOffsetMinutes(), ...settings };
  const plain = (docs: Iterable<{ toJSON(): unknown }>) => [...docs].map((d) => d.toJSON() as StoredMilestone & { kind?: string });
  return {
    kind: 'milestone_approaching',
    watches: ['plan_items', 'projects'],
    async derive(db, now) {
      return remindersOf(db, plain(await db.plan_items.find({ selector: { kind: 'milestone' } }).exec()), effective, now);
    },
    incremental: {
      ownerOf: milestoneOf,
      async deriveFor(db, changed, now) {
        const items = await changedDocumentsOf<StoredMilestone & { kind?: string }>(db, changed, 'plan_items');
        const projectIds = [...(changed.get('projects') ?? [])];
        const ofProjects = projectIds.length ? plain(await db.plan_items.find({ selector: { kind: 'milestone', projectId: { $in: projectIds } } }).exec()) : [];
        const milestones = [...new Map([...items.docs.filter((m) => m.kind === 'milestone'), ...ofProjects].map((m) => [m.id, m])).values()];
        return { owners: new Set([...items.owners, ...milestones.map((m) => m.id)]), reminders: await remindersOf(db, milestones, effective, now) };
      },
    },
  };
}

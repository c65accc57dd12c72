import type { DueReminder } from '../../../src-shared/scheduler/reminder';
import { workflowReminders, type WorkflowForReminders } from '../../../src-shared/scheduler/workflow-reminders';
import type { LabDatabase } from '../../database/open-database';
import type { ReminderRule } from '../reminder-rule';
import { changedDocumentsOf } from './changed-documents';
import { flatMapInSlices } from './in-slices';

/** A stored instance (`workflow_instances`) as the rule reads it. */
export interface StoredInstance {
  id: string;
  status: string;
  state?: Partial<WorkflowForReminders>;
}

/** One instance's reminders, for its named assignees and the active holders of its roles. */
export function instanceReminders(instance: StoredInstance, roleHolders: ReadonlyMap<string, readonly string[]>): DueReminder[] {
  const state = instance.state;
  if (instance.status !== 'running' || !state || !Array.isArray(state.activeSteps)) return [];
  return workflowReminders({ id: instance.id, workflowCode: String(state.workflowCode ?? ''), status: String(state.status ?? instance.status), activeSteps: state.activeSteps }, roleHolders);
}

async function roleHoldersOf(db: LabDatabase): Promise<Map<string, string[]>> {
  const people = await db.people.find({ selector: { kind: 'person', isActive: true } }).exec();
  const roleHolders = new Map<string, string[]>();
  for (const p of people) for (const role of (p.get('roles') as string[]) ?? []) roleHolders.set(role, [...(roleHolders.get(role) ?? []), p.id]);
  return roleHolders;
}

const plain = (docs: Iterable<{ toJSON(): unknown }>) => [...docs].map((d) => d.toJSON() as StoredInstance);

/**
 * Step-entered, SLA-at-risk and SLA-violated notifications for the assignees of running workflow
 * instances (`workflow_instances.state`, the engine's WorkflowInstance). The engine's own timer,
 * breach and escalation handling is a separate rule the workflow runtime registers with `fire`.
 * A changed instance is derived on its own; a change to people (roles, leaving) can change the
 * recipients of any instance, so it derives the rule in full.
 */
export function createWorkflowRule(): ReminderRule {
  return {
    kind: 'workflow',
    watches: ['workflow_instances', 'people'],
    async derive(db) {
      const instances = plain(await db.workflow_instances.find({ selector: { status: 'running' } }).exec());
      if (instances.length === 0) return [];
      const roleHolders = await roleHoldersOf(db);
      return flatMapInSlices(instances, (i) => instanceReminders(i, roleHolders));
    },
    incremental: {
      // workflowReminders links every reminder to its instance.
      ownerOf: (r) => r.link?.itemId ?? '',
      async deriveFor(db, changed) {
        if (changed.has('people')) return 'all';
        const { owners, docs } = await changedDocumentsOf<StoredInstance>(db, changed, 'workflow_instances');
        const roleHolders = docs.some((i) => i.status === 'running') ? await roleHoldersOf(db) : new Map<string, string[]>();
        return { owners, reminders: docs.flatMap((i) => instanceReminders(i, roleHolders)) };
      },
    },
  };
}

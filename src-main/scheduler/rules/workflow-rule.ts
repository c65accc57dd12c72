import { recordKindOf } from '../../../src-shared/records/record-kinds';
import { canReadScope, type RecordScope } from '../../../src-shared/records/record-scope';
import type { DueReminder } from '../../../src-shared/scheduler/reminder';
import { workflowReminders, type WorkflowForReminders } from '../../../src-shared/scheduler/workflow-reminders';
import type { LabDatabase } from '../../database/open-database';
import { actorIn, loadDirectory } from '../../records/record-actor';
import type { ReminderRule } from '../reminder-rule';
import { changedDocumentsOf } from './changed-documents';
import { flatMapInSlices } from './in-slices';

/** A stored instance (`workflow_instances`) as the rule reads it. */
export interface StoredInstance {
  id: string;
  status: string;
  state?: Partial<WorkflowForReminders>;
  /** The scope of the record it is about (src-shared/records/record-scope.ts). */
  subjectScope?: RecordScope;
}

/** Who holds which role, and who may read what a scoped instance is about. */
export interface Recipients {
  roleHolders: ReadonlyMap<string, readonly string[]>;
  mayRead(personId: string, scope: RecordScope): boolean;
}

/** One instance's reminders, for its named assignees and the active holders of its roles who may read its record. */
export function instanceReminders(instance: StoredInstance, recipients: Recipients): DueReminder[] {
  const state = instance.state;
  if (instance.status !== 'running' || !state || !Array.isArray(state.activeSteps)) return [];
  const reminders = workflowReminders({ id: instance.id, workflowCode: String(state.workflowCode ?? ''), status: String(state.status ?? instance.status), activeSteps: state.activeSteps }, recipients.roleHolders);
  const scope = instance.subjectScope;
  return scope ? reminders.filter((r) => recipients.mayRead(r.recipientId, scope)) : reminders;
}

async function recipientsOf(db: LabDatabase): Promise<Recipients> {
  const directory = await loadDirectory(db);
  const people = directory.people;
  const roleHolders = new Map<string, string[]>();
  for (const p of people) if (p.isActive) for (const role of p.roles ?? []) roleHolders.set(role, [...(roleHolders.get(role) ?? []), p.id]);
  return { roleHolders, mayRead: (personId, scope) => canReadScope(recordKindOf(scope.kind), actorIn(directory, personId), scope) };
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
      const recipients = await recipientsOf(db);
      return flatMapInSlices(instances, (i) => instanceReminders(i, recipients));
    },
    incremental: {
      // workflowReminders links every reminder to its instance.
      ownerOf: (r) => r.link?.itemId ?? '',
      async deriveFor(db, changed) {
        if (changed.has('people')) return 'all';
        const { owners, docs } = await changedDocumentsOf<StoredInstance>(db, changed, 'workflow_instances');
        const recipients: Recipients = docs.some((i) => i.status === 'running') ? await recipientsOf(db) : { roleHolders: new Map(), mayRead: () => false };
        return { owners, reminders: docs.flatMap((i) => instanceReminders(i, recipients)) };
      },
    },
  };
}

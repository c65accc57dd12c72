import type { DueReminder } from '../../src-shared/scheduler/reminder';
import { reminder } from '../../src-shared/scheduler/reminder';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { dueWork } from '../../src-shared/workflows/deadlines';
import type { DeadlineKind, ScheduledWork } from '../../src-shared/workflows/effects';
import { openIncidents, type WorkflowInstance } from '../../src-shared/workflows/instance';
import type { LabDatabase } from '../database/open-database';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { changedDocumentsOf } from '../scheduler/rules/changed-documents';
import { flatMapInSlices } from '../scheduler/rules/in-slices';
import { createWorkflowRuntime } from './workflow-runtime';

/**
 * The workflow engine's time-driven work — timer steps, boundary timers, escalation thresholds, SLA breaches — as
 * a scheduler rule with its own `fire`. Everything is derived from the instances (`dueWork`), so
 * it survives restarts; each item has a deterministic id from its key; after downtime every missed
 * item fires once, in time order. Firing is idempotent without a firing record: a fired item is
 * recorded in the instance (breached, escalation fired, timer token gone), so it is not derived
 * again, and running it twice is a no-op in the engine.
 */

/** `workflow_deadline|<instanceId>|<engine key>`; the engine key is `<token>:<kind>[:<rule>]` (effects.ts). */
export const deadlineKey = (instanceId: string, engineKey: string): string => `workflow_deadline|${instanceId}|${engineKey}`;

export function deadlineReminder(work: ScheduledWork, workflowName: string): DueReminder {
  const key = deadlineKey(work.instanceId, work.key);
  return reminder({
    key,
    kind: 'workflow_deadline',
    // Each item its own series: a missed escalation and the breach after it are both recorded.
    series: key,
    dueAt: work.at,
    recipientId: 'system',
    event: 'sla_violation',
    subject: `${workflowName}: ${work.kind.replace('_', ' ')}`,
    body: `${work.kind} of step ${work.token}`,
    link: { section: 'workflows', itemId: work.instanceId },
  });
}

export function parseDeadlineKey(key: string): { instanceId: string; token: string; kind: DeadlineKind; rule?: number } | null {
  const [tag, instanceId, engineKey] = key.split('|');
  const [token, kind, rule] = (engineKey ?? '').split(':');
  if (tag !== 'workflow_deadline' || !instanceId || !token || (kind !== 'timer' && kind !== 'sla_breach' && kind !== 'escalation' && kind !== 'boundary')) return null;
  return { instanceId, token, kind, ...(rule ? { rule: Number(rule) } : {}) };
}

/** A stored instance as the deadline rule reads it. */
interface StoredInstance {
  id: string;
  definitionId: string;
  status: string;
  state: WorkflowInstance;
}

/** One instance's time-driven work (none while it is neither running nor stopped by an incident). */
export function instanceDeadlines(instance: StoredInstance, definition: WorkflowDefinition | undefined): DueReminder[] {
  if (!definition || (instance.status !== 'running' && instance.status !== 'incident')) return [];
  const state = instance.state;
  // A step stopped by an incident only has its breach recorded; the rest of its work waits for the
  // resolution (a change, so a new round). The other branches' timers and escalations run.
  const stopped = new Set(openIncidents(state).map((incident) => incident.token));
  const work = dueWork(definition, state).filter((item) => !stopped.has(item.token) || item.kind === 'sla_breach');
  return work.map((item) => deadlineReminder(item, definition.name));
}

async function deadlinesOf(db: LabDatabase, instances: StoredInstance[]): Promise<DueReminder[]> {
  if (instances.length === 0) return [];
  const definitions = await db.workflow_definitions.findByIds([...new Set(instances.map((i) => i.definitionId))]).exec();
  return flatMapInSlices(instances, (instance) => {
    const stored = definitions.get(instance.definitionId);
    return instanceDeadlines(instance, stored ? { ...(stored.get('definition') as WorkflowDefinition), version: stored.get('version') as number } : undefined);
  });
}

const plain = (docs: Iterable<{ toJSON(): unknown }>) => [...docs].map((d) => d.toJSON() as StoredInstance);

/**
 * Per instance after a change: an instance's deadlines read only the instance and its definition,
 * and a definition version never changes once instances run on it.
 */
export function createWorkflowDeadlineRule(): ReminderRule {
  return {
    kind: 'workflow_deadline',
    watches: ['workflow_instances'],
    async derive(db) {
      return deadlinesOf(db, plain(await db.workflow_instances.find({ selector: { status: { $in: ['running', 'incident'] } } }).exec()));
    },
    incremental: {
      ownerOf: (r) => parseDeadlineKey(r.key)?.instanceId ?? '',
      async deriveFor(db, changed) {
        const { owners, docs } = await changedDocumentsOf<StoredInstance>(db, changed, 'workflow_instances');
        return { owners, reminders: await deadlinesOf(db, docs) };
      },
    },
    // An item the engine is not ready for (a timer not due after a clock change) is derived again on
    // the next round; a closed instance or a moved-on step is a no-op.
    async fire(services, reminders) {
      const runtime = createWorkflowRuntime(services);
      try {
        const items = reminders.flatMap((item) => {
          const work = parseDeadlineKey(item.key);
          return work ? [{ instanceId: work.instanceId, work, key: item.key }] : [];
        });
        const results = await runtime.runDue(items);
        results.forEach((result, i) => {
          if (!result.ok && result.error.code !== 'instance_closed') {
            services.log.info('workflow deadline not applied now', { key: items[i]?.key, code: result.error.code });
          }
        });
      } finally {
        runtime.dispose();
      }
    },
  };
}

import type { DueReminder } from '../../src-shared/scheduler/reminder';
import { reminder } from '../../src-shared/scheduler/reminder';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { dueWork } from '../../src-shared/workflows/deadlines';
import type { DeadlineKind, ScheduledWork } from '../../src-shared/workflows/effects';
import type { WorkflowInstance } from '../../src-shared/workflows/instance';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { createWorkflowRuntime } from './workflow-runtime';

/**
 * The workflow engine's time-driven work — timer steps, escalation thresholds, SLA breaches — as
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
  if (tag !== 'workflow_deadline' || !instanceId || !token || (kind !== 'timer' && kind !== 'sla_breach' && kind !== 'escalation')) return null;
  return { instanceId, token, kind, ...(rule ? { rule: Number(rule) } : {}) };
}

export function createWorkflowDeadlineRule(): ReminderRule {
  return {
    kind: 'workflow_deadline',
    watches: ['workflow_instances'],
    async derive(db) {
      const instances = await db.workflow_instances.find({ selector: { status: { $in: ['running', 'incident'] } } }).exec();
      if (instances.length === 0) return [];
      const definitionIds = [...new Set(instances.map((d) => d.get('definitionId') as string))];
      const definitions = await db.workflow_definitions.findByIds(definitionIds).exec();
      return instances.flatMap((doc) => {
        const stored = definitions.get(doc.get('definitionId') as string);
        if (!stored) return [];
        const definition = { ...(stored.get('definition') as WorkflowDefinition), version: stored.get('version') as number };
        const state = doc.get('state') as WorkflowInstance;
        // Stopped by an incident, only a breach can be recorded; the rest waits for the instance to run again (a change, so a new round).
        const work = dueWork(definition, state).filter((item) => state.status !== 'incident' || item.kind === 'sla_breach');
        return work.map((item) => deadlineReminder(item, definition.name));
      });
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

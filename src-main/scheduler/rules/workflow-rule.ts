import { workflowReminders, type WorkflowForReminders } from '../../../src-shared/scheduler/workflow-reminders';
import type { ReminderRule } from '../reminder-rule';

/**
 * Step-entered, SLA-at-risk and SLA-violated notifications for the assignees of running workflow
 * instances (`workflow_instances.state`, the engine's WorkflowInstance). The engine's own timer,
 * breach and escalation handling is a separate rule the workflow runtime registers with `fire`.
 */
export function createWorkflowRule(): ReminderRule {
  return {
    kind: 'workflow',
    watches: ['workflow_instances', 'people'],
    async derive(db) {
      const instances = await db.workflow_instances.find({ selector: { status: 'running' } }).exec();
      if (instances.length === 0) return [];
      const people = await db.people.find({ selector: { kind: 'person', isActive: true } }).exec();
      const roleHolders = new Map<string, string[]>();
      for (const p of people) for (const role of (p.get('roles') as string[]) ?? []) roleHolders.set(role, [...(roleHolders.get(role) ?? []), p.id]);
      return instances.flatMap((d) => {
        const state = d.get('state') as Partial<WorkflowForReminders> | undefined;
        if (!state || !Array.isArray(state.activeSteps)) return [];
        return workflowReminders({ id: d.id, workflowCode: String(state.workflowCode ?? ''), status: String(state.status ?? d.get('status')), activeSteps: state.activeSteps }, roleHolders);
      });
    },
  };
}

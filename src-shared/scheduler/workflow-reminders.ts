import { reminder, type DueReminder } from './reminder';

/** What the reminders read of a running instance (`workflow_instances.state`, see workflows/instance.ts). */
export interface WorkflowStepForReminders {
  token: string;
  stepId: string;
  enteredAt: string;
  assignees: { users: string[]; roles: string[] };
  dueAt?: string;
  atRiskAt?: string;
  isWaitingAtJoin?: boolean;
}

export interface WorkflowForReminders {
  id: string;
  workflowCode: string;
  status: string;
  activeSteps: WorkflowStepForReminders[];
}

/**
 * "A step waits for you" when a step is entered, then "at risk" and "SLA violated" at the step's
 * thresholds, for every named assignee and every active holder of an assigned role. At-risk and
 * violated are one series: after downtime only the violation is reported. The engine's own actions
 * at these instants (escalate, reassign, auto-act) are its rules, not these notifications.
 */
export function workflowReminders(instance: WorkflowForReminders, roleHolders: ReadonlyMap<string, readonly string[]>): DueReminder[] {
  if (instance.status !== 'running') return [];
  return instance.activeSteps.flatMap((step) => {
    if (step.isWaitingAtJoin) return [];
    const people = new Set([...step.assignees.users, ...step.assignees.roles.flatMap((role) => roleHolders.get(role) ?? [])]);
    const link = { section: 'workflows', itemId: instance.id };
    return [...people].flatMap((recipientId) => {
      const base = { recipientId, link };
      const list: DueReminder[] = [
        reminder({
          ...base,
          key: `workflow_step_entered:${step.token}:${recipientId}`,
          kind: 'workflow_step_entered',
          series: `workflow_step_entered:${step.token}:${recipientId}`,
          dueAt: step.enteredAt,
          event: 'workflow_step_entered',
          subject: `Waiting for you: ${step.stepId} (${instance.workflowCode})`,
          body: `The step “${step.stepId}” of ${instance.workflowCode} is waiting for you.`,
        }),
      ];
      const series = `workflow_sla:${step.token}:${recipientId}`;
      if (step.atRiskAt) {
        list.push(
          reminder({
            ...base,
            key: `${series}:at_risk:${step.atRiskAt}`,
            kind: 'workflow_sla',
            series,
            dueAt: step.atRiskAt,
            event: 'sla_violation',
            subject: `SLA at risk: ${step.stepId} (${instance.workflowCode})`,
            body: `The step “${step.stepId}” is due at ${step.dueAt ?? 'its deadline'} and is not finished yet.`,
          }),
        );
      }
      if (step.dueAt) {
        list.push(
          reminder({
            ...base,
            key: `${series}:breached:${step.dueAt}`,
            kind: 'workflow_sla',
            series,
            dueAt: step.dueAt,
            event: 'sla_violation',
            subject: `SLA violated: ${step.stepId} (${instance.workflowCode})`,
            body: `The step “${step.stepId}” was due at ${step.dueAt} and is still open.`,
          }),
        );
      }
      return list;
    });
  });
}

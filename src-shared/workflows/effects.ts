import type { WorkflowDefinition } from './definition-schema';
import { escalationRulesOf } from './definition-graph';
import type { ActiveStep, Assignees } from './instance';

/**
 * Effects: what the runtime must do after persisting an engine result. The engine never sends or
 * schedules anything itself. Every effect has a deterministic key, so running an effect twice (after
 * a crash between persisting and running it) is harmless.
 */

export type NotifyReason = 'step_assigned' | 'notify_step' | 'escalation' | 'sla_breached' | 'incident';
export type DeadlineKind = 'timer' | 'sla_breach' | 'escalation' | 'boundary';

export type WorkflowEffect =
  | {
      type: 'notify';
      /** `<eventId>:notify`: one notification per event, however often the effect runs. */
      key: string;
      instanceId: string;
      recipients: Assignees;
      reason: NotifyReason;
      stepId?: string;
      token?: string;
      message: string;
    }
  | {
      type: 'schedule_deadline';
      key: string;
      instanceId: string;
      token: string;
      at: string;
      kind: DeadlineKind;
      /** Index of the escalation rule, for `escalation`. */
      rule?: number;
    }
  | {
      type: 'cancel_deadline';
      instanceId: string;
      token: string;
      /** Every key that may have been scheduled for the token. */
      keys: string[];
    };

export type ScheduledWork = Omit<Extract<WorkflowEffect, { type: 'schedule_deadline' }>, 'type'>;

/** `<token>:timer`, `<token>:sla_breach`, `<token>:escalation:<rule>`, `<token>:boundary`: one scheduler entry each. */
export const deadlineKey = (token: string, kind: DeadlineKind, rule?: number): string =>
  kind === 'escalation' ? `${token}:escalation:${rule ?? 0}` : `${token}:${kind}`;

/** Every deadline key an active step may have, whether or not it was scheduled. */
export function deadlineKeysOf(definition: WorkflowDefinition, step: ActiveStep): string[] {
  const keys: string[] = [];
  if (step.wakeAt) keys.push(deadlineKey(step.token, 'timer'));
  if (step.boundaryAt) keys.push(deadlineKey(step.token, 'boundary'));
  if (step.dueAt) {
    keys.push(deadlineKey(step.token, 'sla_breach'));
    escalationRulesOf(definition, step.stepId).forEach((_, rule) => keys.push(deadlineKey(step.token, 'escalation', rule)));
  }
  return keys;
}

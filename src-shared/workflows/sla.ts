import type { EscalationRule, WorkflowDefinition } from './definition-schema';
import { escalationRulesOf, stepOf } from './definition-graph';
import type { ActiveStep, WorkflowInstance } from './instance';
import { addWorkingHours } from './working-calendar';

/**
 * SLA arithmetic: when a step is due, when it counts as at risk, when each escalation rule fires,
 * and the SLAViolation record of a breach. Hours are working hours when the definition has a
 * working calendar, wall-clock hours otherwise.
 */

const hourMs = 3_600_000;
const defaultAtRiskPercent = 75;

/** The instant `hours` (working hours, with a calendar) after `fromIso`. */
export function addSlaHours(definition: WorkflowDefinition, fromIso: string, hours: number): string {
  const from = Date.parse(fromIso);
  const calendar = definition.working_calendar;
  return new Date(calendar ? addWorkingHours(calendar, from, hours) : from + hours * hourMs).toISOString();
}

export interface StepDeadlines {
  dueAt: string;
  atRiskAt: string;
}

/** Due and at-risk instants of a step entered at `enteredAt`; undefined when the step has no SLA. */
export function stepDeadlines(definition: WorkflowDefinition, stepId: string, enteredAt: string): StepDeadlines | undefined {
  const sla = definition.sla_config?.[stepId];
  if (!sla) return undefined;
  const atRiskPercent = sla.at_risk_percent ?? defaultAtRiskPercent;
  return {
    dueAt: addSlaHours(definition, enteredAt, sla.duration_hours),
    atRiskAt: addSlaHours(definition, enteredAt, (sla.duration_hours * atRiskPercent) / 100),
  };
}

/** When an escalation rule fires for an active step: a share of the SLA after entry, or hours after the deadline. */
export function escalationAt(definition: WorkflowDefinition, step: ActiveStep, rule: EscalationRule): string | undefined {
  const sla = definition.sla_config?.[step.stepId];
  if (!sla) return undefined;
  if (rule.at_percent !== undefined) return addSlaHours(definition, step.enteredAt, (sla.duration_hours * rule.at_percent) / 100);
  if (rule.after_breach_hours !== undefined && step.dueAt) return addSlaHours(definition, step.dueAt, rule.after_breach_hours);
  return undefined;
}

/** Every escalation threshold of an active step as an instant, in rule order. */
export function escalationThresholds(definition: WorkflowDefinition, step: ActiveStep): { rule: number; at: string; escalation: EscalationRule }[] {
  return escalationRulesOf(definition, step.stepId).flatMap((escalation, rule) => {
    const at = escalationAt(definition, step, escalation);
    return at === undefined ? [] : [{ rule, at, escalation }];
  });
}

export type SlaState = 'on_track' | 'at_risk' | 'breached' | 'no_sla';

/** Where an active step stands against its SLA at `now`. */
export function slaState(step: Pick<ActiveStep, 'dueAt' | 'atRiskAt'>, now: string): SlaState {
  if (!step.dueAt) return 'no_sla';
  const at = Date.parse(now);
  if (at >= Date.parse(step.dueAt)) return 'breached';
  if (step.atRiskAt && at >= Date.parse(step.atRiskAt)) return 'at_risk';
  return 'on_track';
}

/** The spec's SLAViolation, as carried by `sla_breached` events and listed by the sla-violations query. */
export interface SlaViolation {
  workflow_instance_id: string;
  workflow_code: string;
  definition_version: number;
  step_id: string;
  step_name: string;
  token: string;
  entity_type: string;
  entity_id: string;
  assignees: { users: string[]; roles: string[] };
  expected_completion_time: string;
  /** Null while the step is still open (a breach is recorded when it happens, not when the step ends). */
  actual_completion_time: string | null;
  detected_at: string;
  violation_duration_hours: number;
  escalated: boolean;
  escalation_level: number;
}

export function slaViolation(definition: WorkflowDefinition, instance: WorkflowInstance, step: ActiveStep, now: string): SlaViolation {
  const due = step.dueAt ?? now;
  return {
    workflow_instance_id: instance.id,
    workflow_code: instance.workflowCode,
    definition_version: instance.definitionVersion,
    step_id: step.stepId,
    step_name: stepOf(definition, step.stepId)?.name ?? step.stepId,
    token: step.token,
    entity_type: instance.entityType,
    entity_id: instance.entityId,
    assignees: step.assignees,
    expected_completion_time: due,
    actual_completion_time: null,
    detected_at: now,
    violation_duration_hours: Math.max(0, Math.round(((Date.parse(now) - Date.parse(due)) / hourMs) * 100) / 100),
    escalated: step.escalationsFired.length > 0,
    escalation_level: step.escalationsFired.length,
  };
}

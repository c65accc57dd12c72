import type { RecordLookup, RecordReads } from '../records/record-kind';
import type { WorkflowDefinition } from '../workflows/definition-schema';
import { stepOf } from '../workflows/definition-graph';
import { systemActor, type WorkflowInstance } from '../workflows/instance';
import { recordFieldOf, variableOf } from '../workflows/step-form';
import { applyEvent, type WorkflowEvent } from '../workflows/workflow-events';
import { gateReads, gateThroughLookup } from './instrument-reads';

/**
 * Workflow steps that require a ready instrument (a step's `ready_instrument`, definition-schema.ts):
 * completing such a step with an instrument that is not fit for use — not in service, quarantined,
 * its last calibration failed or one overdue — is refused, by the same usage gating as bookings and
 * usage entries (fitness.ts), judged as a use today. The instrument is the one the step's form field
 * names, or the equipment record the workflow is about. Pure: the host judges the events its engine
 * is about to record, the sync server each pushed completion, each with the instrument's records
 * it loaded (`instrumentNeedReads`) and its own clock.
 *
 * Rejecting the step uses no instrument, and neither does the system moving a step on (a boundary
 * timer): only a person's completion (or a completion their vote decided) is judged.
 */

export interface InstrumentNeed {
  /** The step's name, as the refusal writes it. */
  stepName: string;
  /** The instrument the completion names; null when it names none. */
  equipmentId: string | null;
}

const idOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The instrument a completion uses, once the event's own form values are applied; null when its step needs none. */
export function instrumentNeedOf(definition: WorkflowDefinition, before: WorkflowInstance | undefined, event: WorkflowEvent): InstrumentNeed | null {
  if (event.type !== 'step_completed' || event.action === 'reject' || event.actor.userId === systemActor.userId || !before || !event.stepId) return null;
  const step = stepOf(definition, event.stepId);
  if (!step?.ready_instrument) return null;
  const after = applyEvent(before, event);
  const fieldKey = step.ready_instrument.field;
  if (fieldKey === undefined) return { stepName: step.name, equipmentId: after.entityType === 'equipment' ? after.entityId : null };
  const field = (step.form ?? []).find((f) => f.key === fieldKey);
  if (!field) return { stepName: step.name, equipmentId: null };
  const recordField = recordFieldOf(field);
  const value = recordField !== undefined ? after.record?.[recordField] : after.variables[variableOf(field) ?? field.key];
  return { stepName: step.name, equipmentId: idOf(value) };
}

/** The instruments a run of events (one engine call, in order, from `before`) uses. */
export function instrumentNeedsOfRun(definition: WorkflowDefinition, before: WorkflowInstance | undefined, events: readonly WorkflowEvent[]): InstrumentNeed[] {
  const needs: InstrumentNeed[] = [];
  let state = before;
  for (const event of events) {
    const need = instrumentNeedOf(definition, state, event);
    if (need) needs.push(need);
    state = applyEvent(state, event);
  }
  return needs;
}

/** What judging a need reads: the instrument, its calibration plans and its calibrations. */
export const instrumentNeedReads = (need: InstrumentNeed): RecordReads => (need.equipmentId ? gateReads(need.equipmentId) : {});

/** The refusal of a completion with this instrument, written for the person at the bench; null when it is ready. */
export function checkReadyInstrument(lookup: RecordLookup, need: InstrumentNeed, now: string): string | null {
  if (!need.equipmentId) return `“${need.stepName}” uses an instrument: choose one from the equipment register.`;
  const unfit = gateThroughLookup(lookup, { equipmentId: need.equipmentId, from: now, to: now, now, use: 'usage' });
  if (!unfit) return null;
  if (unfit.reason === 'unknown') return `“${need.stepName}” uses an instrument from the equipment register; ${need.equipmentId} is not one.`;
  return `${unfit.message} It cannot be used for “${need.stepName}”.`;
}

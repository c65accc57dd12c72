import type { AnyRecordKind } from '../records/record-kind';
import { recordKindOf } from '../records/record-kinds';
import type { DefinitionProblem, WorkflowDefinition } from './definition-schema';
import { actionsOf } from './definition-graph';
import { checkFormShape } from './validate-step-form';

/**
 * What a definition says about its record, checked on save: the kind exists, `record_effects`
 * name actions the step takes, statuses of the kind and its data fields, and step forms send
 * values only to fields the kind has (record-binding.ts, step-form.ts).
 */

/** The data fields of a kind: its schema's keys when it is an object schema, else the fields it declares. */
export function dataFieldsOf(kind: AnyRecordKind): string[] {
  const shape = (kind.data as { shape?: unknown }).shape;
  if (shape && typeof shape === 'object') return Object.keys(shape);
  const columns = new Set(['number', 'title', 'status', 'createdAt', 'updatedAt']);
  return kind.fields.map((f) => f.field.split('.')[0] as string).filter((f) => !columns.has(f));
}

export function recordBindingProblems(definition: WorkflowDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const kind = definition.record_kind === undefined ? undefined : recordKindOf(definition.record_kind);
  if (definition.record_kind !== undefined && !kind) problems.push({ path: 'record_kind', message: `LabFlow has no record kind “${definition.record_kind}”.` });
  const fields = kind ? new Set(dataFieldsOf(kind)) : undefined;
  definition.steps.forEach((step, index) => {
    const report = (field: string, message: string) => problems.push({ path: `steps[${index}]${field}`, stepId: step.step_id, message });
    const isHuman = step.type === 'task' || step.type === 'approval';
    if (step.form) {
      if (!isHuman) report('.form', 'Only steps people act on have a form.');
      else checkFormShape(step, { hasRecord: definition.record_kind !== undefined, recordFields: fields, kindLabel: kind?.label }, report);
    }
    if (!step.record_effects) return;
    if (!isHuman) return report('.record_effects', 'Only steps people act on change the record.');
    if (definition.record_kind === undefined) return report('.record_effects', 'Say which record kind the workflow is about (record_kind) before its steps change the record.');
    const actions = actionsOf(step);
    for (const [action, effect] of Object.entries(step.record_effects)) {
      const at = `.record_effects.${action}`;
      if (!actions.includes(action)) report(at, `“${step.name}” takes ${actions.map((a) => `“${a}”`).join(', ')}, not “${action}”.`);
      if (!kind) continue;
      if (effect.status !== undefined && !kind.statuses.some((s) => s.id === effect.status)) {
        report(`${at}.status`, `A ${kind.label.toLowerCase()} has no status “${effect.status}”; it has ${kind.statuses.map((s) => s.id).join(', ')}.`);
      } else if (effect.status !== undefined && !kind.transitions.some((t) => t.to === effect.status)) {
        report(`${at}.status`, `No transition of a ${kind.label.toLowerCase()} leads to “${effect.status}”.`);
      }
      for (const field of Object.keys(effect.set ?? {})) {
        if (!fields?.has(field)) report(`${at}.set.${field}`, `A ${kind.label.toLowerCase()} has no field “${field}”.`);
      }
    }
  });
  return problems;
}

import type { WorkflowDefinition } from './definition-schema';
import { stepOf } from './definition-graph';
import type { WorkflowInstance } from './instance';
import { recordFieldOf, variableOf } from './step-form';
import type { WorkflowEvent } from './workflow-events';

/**
 * The step form values a recorded completion or vote stands for, so the sync server can run the
 * same command through the engine again (src-shared/sync/workflow-run-replay.ts). An event keeps
 * only what changed — variables in `dataChanges`, record fields in `recordChanges.fields` — under
 * the names the values went to, while the engine takes a form's values by field key. Each field
 * gets its value back from the change, or, when the value changed nothing, from the variable or
 * record field as it stood before (giving it again changes nothing, as it did then).
 *
 * Undefined when the event's step has no form: its data is its variables, as before step forms.
 */
export function formDataOf(definition: WorkflowDefinition, state: Pick<WorkflowInstance, 'variables' | 'record' | 'activeSteps'>, event: WorkflowEvent): Record<string, unknown> | undefined {
  const stepId = event.stepId ?? state.activeSteps.find((s) => 'token' in event && s.token === event.token)?.stepId;
  const form = stepId ? stepOf(definition, stepId)?.form : undefined;
  if (!form?.length) return undefined;
  const data: Record<string, unknown> = {};
  for (const field of form) {
    const recordField = recordFieldOf(field);
    const change = recordField !== undefined ? event.recordChanges?.fields?.[recordField] : event.dataChanges?.[variableOf(field) as string];
    const value = change ? change.to : recordField !== undefined ? state.record?.[recordField] : state.variables[variableOf(field) as string];
    if (value !== undefined && value !== null) data[field.key] = value;
  }
  return data;
}

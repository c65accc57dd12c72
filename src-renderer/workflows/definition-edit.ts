import type { SlaEntry, StepDefinition, StepType, WorkflowDefinition } from '../../src-shared/workflows/definition-schema';

/**
 * Immutable edits of a definition for the editor's form. Each returns a new definition and keeps
 * every other field exactly as it was, so what the form does shows up verbatim in the JSON view.
 */

type Step = StepDefinition;

const replaceRef = (id: string, from: string, to: string) => (id === from ? to : id);

/** A field patch; `undefined` removes the field (the format has no nulls). */
export function patchStep(definition: WorkflowDefinition, index: number, patch: Partial<{ [K in keyof Step]: Step[K] | undefined }>): WorkflowDefinition {
  const steps = definition.steps.map((step, i) => {
    if (i !== index) return step;
    const next: Record<string, unknown> = { ...step, ...patch };
    for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
    return next as Step;
  });
  return { ...definition, steps };
}

/** Renames a step and every reference to it (routes, rules, the initial step, its SLA). */
export function renameStep(definition: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  if (from === to) return definition;
  const steps = definition.steps.map((step): Step => {
    const next: Step = { ...step, step_id: replaceRef(step.step_id, from, to) };
    if (step.next_steps) next.next_steps = step.next_steps.map((s) => replaceRef(s, from, to));
    if (step.conditions) next.conditions = Object.fromEntries(Object.entries(step.conditions).map(([a, t]) => [a, t.map((s) => replaceRef(s, from, to))]));
    if (step.routing) {
      next.routing = { ...step.routing, rules: step.routing.rules.map((r) => ({ ...r, go: replaceRef(r.go, from, to) })) };
      if (step.routing.default !== undefined) next.routing.default = replaceRef(step.routing.default, from, to);
    }
    if (step.boundary_timer) next.boundary_timer = { ...step.boundary_timer, go: replaceRef(step.boundary_timer.go, from, to) };
    return next;
  });
  const result: WorkflowDefinition = { ...definition, steps, initial_step: replaceRef(definition.initial_step, from, to) };
  if (definition.sla_config && from in definition.sla_config) {
    result.sla_config = Object.fromEntries(Object.entries(definition.sla_config).map(([k, v]) => [replaceRef(k, from, to), v]));
  }
  return result;
}

const freshId = (definition: WorkflowDefinition, type: StepType) => {
  const ids = new Set(definition.steps.map((s) => s.step_id));
  let n = definition.steps.length + 1;
  while (ids.has(`${type}_${n}`)) n += 1;
  return `${type}_${n}`;
};

/** Appends a step with the fields its type needs filled with the obvious start values. */
export function addStep(definition: WorkflowDefinition, type: StepType): WorkflowDefinition {
  const step_id = freshId(definition, type);
  const name = `New ${type} step`;
  const base: Step = { step_id, name, type };
  if (type === 'task' || type === 'notify') Object.assign(base, { assignee_type: 'role', assignee_value: 'member', next_steps: [] });
  if (type === 'approval') Object.assign(base, { assignee_type: 'role', assignee_value: 'department_head', conditions: { approve: [], reject: [] } });
  if (type === 'timer') Object.assign(base, { timer: { after_hours: 24 }, next_steps: [] });
  if (type === 'parallel' || type === 'join') base.next_steps = [];
  if (type === 'decision') base.routing = { rules: [] };
  return { ...definition, steps: [...definition.steps, base] };
}

/** Removes a step, its SLA and the plain links to it; rules that still name it are left for validation to point out. */
export function removeStep(definition: WorkflowDefinition, index: number): WorkflowDefinition {
  const removed = definition.steps[index];
  if (!removed) return definition;
  const id = removed.step_id;
  const steps = definition.steps
    .filter((_s, i) => i !== index)
    .map((step): Step => {
      const next: Step = { ...step };
      if (step.next_steps) next.next_steps = step.next_steps.filter((s) => s !== id);
      if (step.conditions) next.conditions = Object.fromEntries(Object.entries(step.conditions).map(([a, t]) => [a, t.filter((s) => s !== id)]));
      return next;
    });
  const result: WorkflowDefinition = { ...definition, steps };
  if (definition.sla_config && id in definition.sla_config) {
    const { [id]: _gone, ...rest } = definition.sla_config;
    result.sla_config = rest;
  }
  return result;
}

export function moveStep(definition: WorkflowDefinition, index: number, delta: -1 | 1): WorkflowDefinition {
  const target = index + delta;
  if (target < 0 || target >= definition.steps.length) return definition;
  const steps = [...definition.steps];
  [steps[index], steps[target]] = [steps[target] as Step, steps[index] as Step];
  return { ...definition, steps };
}

/** Sets or clears one step's SLA entry. */
export function setSla(definition: WorkflowDefinition, stepId: string, entry: SlaEntry | undefined): WorkflowDefinition {
  const config = { ...(definition.sla_config ?? {}) };
  if (entry) config[stepId] = entry;
  else delete config[stepId];
  const result: WorkflowDefinition = { ...definition, sla_config: config };
  if (Object.keys(config).length === 0 && !definition.sla_config) delete result.sla_config;
  return result;
}

/** Whether parsed JSON is close enough to a definition for the form to show it (the validator says the rest). */
export function isFormReadable(value: unknown): value is WorkflowDefinition {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const steps = (value as { steps?: unknown }).steps;
  return Array.isArray(steps) && steps.every((s) => typeof s === 'object' && s !== null && !Array.isArray(s));
}

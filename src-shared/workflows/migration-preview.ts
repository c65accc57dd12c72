import type { StepType, WorkflowDefinition } from './definition-schema';
import { stepOf } from './definition-graph';
import type { WorkflowInstance } from './instance';
import { planMigration } from './versions';

/**
 * What an administrator sees before moving running instances to another version (the migration
 * screen and `labflow workflows migrate --dry-run`): which active steps need a place in the target
 * version, a suggested mapping, and per instance the moves or the refusal with its reason. The
 * plan per instance is `planMigration`'s, so the preview refuses exactly what the run would.
 */

export interface MigrationStepRef {
  stepId: string;
  name: string;
  type: StepType;
}

/** An active step of the chosen instances that needs a place in the target version. */
export interface StepToMap extends MigrationStepRef {
  /** How many of the chosen instances stand on it. */
  instanceCount: number;
  /** Steps of the target version it may become (the same type). */
  targets: MigrationStepRef[];
  /** The target step with the same id and type, when there is one. */
  suggested?: string;
}

export interface PlannedMove {
  token: string;
  from: MigrationStepRef;
  to: MigrationStepRef;
}

export type InstanceMigrationPlan = { instanceId: string; fromVersion: number; currentSteps: MigrationStepRef[] } & (
  | { outcome: 'ready'; moves: PlannedMove[] }
  | { outcome: 'refused'; code: string; message: string }
);

const versionOf = (definition: WorkflowDefinition): number => definition.version ?? 1;

function refOf(definition: WorkflowDefinition | undefined, stepId: string): MigrationStepRef {
  const step = definition ? stepOf(definition, stepId) : undefined;
  return { stepId, name: step?.name ?? stepId, type: step?.type ?? 'task' };
}

/** Target steps a step of this type may become. */
export const mappingTargets = (type: StepType, target: WorkflowDefinition): MigrationStepRef[] =>
  target.steps.filter((s) => s.type === type).map((s) => ({ stepId: s.step_id, name: s.name, type: s.type }));

/**
 * The active steps of the instances, each once (by id), with the target steps it may become and the
 * one of the same id and type. Ordered as the target version lists its steps, then unknown ones.
 */
export function stepsToMap(
  instances: readonly WorkflowInstance[],
  definitionOf: (version: number) => WorkflowDefinition | undefined,
  target: WorkflowDefinition,
): StepToMap[] {
  const byId = new Map<string, StepToMap>();
  for (const instance of instances) {
    for (const stepId of new Set(instance.activeSteps.map((s) => s.stepId))) {
      const known = byId.get(stepId);
      if (known) {
        known.instanceCount += 1;
        continue;
      }
      const ref = refOf(definitionOf(instance.definitionVersion), stepId);
      const targets = mappingTargets(ref.type, target);
      const same = targets.find((t) => t.stepId === stepId);
      byId.set(stepId, { ...ref, instanceCount: 1, targets, ...(same ? { suggested: same.stepId } : {}) });
    }
  }
  const order = (stepId: string) => {
    const at = target.steps.findIndex((s) => s.step_id === stepId);
    return at === -1 ? target.steps.length : at;
  };
  return [...byId.values()].sort((a, b) => order(a.stepId) - order(b.stepId) || a.name.localeCompare(b.name));
}

/** The mapping an administrator starts from: every step with a same-id, same-type target mapped to it. */
export const suggestedMapping = (steps: readonly StepToMap[]): Record<string, string> =>
  Object.fromEntries(steps.flatMap((s) => (s.suggested ? [[s.stepId, s.suggested]] : [])));

/** Per instance, the moves the mapping gives or why it stays where it is. */
export function previewMigration(
  instances: readonly WorkflowInstance[],
  definitionOf: (version: number) => WorkflowDefinition | undefined,
  target: WorkflowDefinition,
  stepMapping: Readonly<Record<string, string>>,
): InstanceMigrationPlan[] {
  return instances.map((instance) => {
    const from = definitionOf(instance.definitionVersion);
    const base = { instanceId: instance.id, fromVersion: instance.definitionVersion, currentSteps: instance.activeSteps.map((s) => refOf(from, s.stepId)) };
    if (!from) return { ...base, outcome: 'refused', code: 'not_found', message: `Version ${instance.definitionVersion} of ${instance.workflowCode} is not on this PC.` };
    if (target.status !== 'published') {
      return { ...base, outcome: 'refused', code: 'invalid_state', message: `Version ${versionOf(target)} is ${target.status ?? 'a draft'}; instances move only to a published version.` };
    }
    const plan = planMigration(instance, from, target, stepMapping);
    if (!plan.ok) return { ...base, outcome: 'refused', code: plan.error.code, message: plan.error.message };
    return { ...base, outcome: 'ready', moves: plan.value.moves.map((m) => ({ token: m.token, from: refOf(from, m.from), to: refOf(target, m.to) })) };
  });
}

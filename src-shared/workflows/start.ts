import { fail, ok, type Result } from '../core/result';
import type { WorkflowDefinition } from './definition-schema';
import { stepOf } from './definition-graph';
import { Run, type EngineResult } from './engine-run';
import { stampOf, type CommandStamp } from './command-fingerprint';
import { diffVariables } from './guards';
import type { Actor, EngineOptions } from './instance';

export interface StartInput {
  entityType: string;
  entityId: string;
  /** The spec's `initial_variables`. */
  variables?: Record<string, unknown>;
  /** Whose request it is, when someone starts it on another's behalf; the actor otherwise. */
  requestedBy?: string;
  commandId?: string;
}

/**
 * Refuses a definition that may not start instances: only a published version starts
 * (`definition_not_published`, `definition_retired`).
 */
export function checkCanStart(definition: WorkflowDefinition): Result<null> {
  if (definition.status === 'retired') return fail('definition_retired', `${definition.name} is retired and cannot start new instances.`);
  if (definition.status !== 'published') return fail('definition_not_published', `${definition.name} is not published yet.`);
  return ok(null);
}

/**
 * One running instance per record unless the definition allows more. The runtime counts the
 * running (or incident) instances of this definition code for the entity, in the same transaction.
 */
export function checkSingleInstance(definition: WorkflowDefinition, runningForEntity: number): Result<null> {
  if (runningForEntity > 0 && !definition.allow_multiple_instances) {
    return fail('instance_already_running', `${definition.name} is already running for this record.`);
  }
  return ok(null);
}

/**
 * What a start asks: which workflow, about which record, with which variables, for whom. The
 * runtime compares it when a start's command id finds the instance it started before.
 */
export const startStamp = (code: string, input: StartInput, actor: Actor): CommandStamp | undefined => stampOf('start', { ...input, code }, actor);

/**
 * Starts an instance of a published definition: records `instance_started` (with the record it is
 * about, `options.record`, when there is one), enters the initial step and runs the automatic
 * steps after it. `newId` makes the instance id (the only id not derived
 * from it); tokens and event ids are numbered inside the instance.
 */
export function startInstance(
  definition: WorkflowDefinition,
  input: StartInput,
  actor: Actor,
  now: string,
  newId: () => string,
  options: EngineOptions = {},
): Result<EngineResult> {
  const allowed = checkCanStart(definition);
  if (!allowed.ok) return allowed;
  if (!stepOf(definition, definition.initial_step)) {
    return fail('invalid_definition', `The initial step "${definition.initial_step}" does not exist.`, { field: 'initial_step' });
  }
  const variables = diffVariables({}, input.variables);
  if (!variables.ok) return variables;
  const instanceId = newId();
  const run = new Run(definition, undefined, instanceId, now, actor, options.command ?? startStamp(definition.workflow_code, input, actor), options);
  run.emit({
    type: 'instance_started',
    workflowCode: definition.workflow_code,
    definitionVersion: definition.version ?? 1,
    entityType: input.entityType,
    entityId: input.entityId,
    variables: { ...(input.variables ?? {}) },
    ...(options.record ? { record: options.record } : {}),
    requestedBy: input.requestedBy ?? actor.userId,
    toSteps: [definition.initial_step],
  });
  run.enter([{ stepId: definition.initial_step, forks: [] }]);
  return ok(run.result());
}

import { fail, ok, type AppError, type Result } from '../core/result';
import type { WorkflowDefinition } from './definition-schema';
import type { EngineResult } from './engine-run';
import { isClosed, openIncidents, type Incident, type WorkflowInstance } from './instance';
import type { DataChanges } from './workflow-events';

/** Checks every engine operation makes before it changes an instance. */

/** The result of a repeated command: the instance as it is, nothing to write, nothing to do. */
export const unchanged = (instance: WorkflowInstance): Result<EngineResult> => ok({ instance, events: [], effects: [] });

/**
 * The definition must be the very version the instance runs, and the instance must be open. An
 * incident stops only its own step (`checkNotStopped`): the other branches go on.
 */
export function checkCanChange(definition: WorkflowDefinition, instance: WorkflowInstance): Result<null> {
  if (definition.workflow_code !== instance.workflowCode || (definition.version ?? 1) !== instance.definitionVersion) {
    return fail('invalid_input', `This instance runs ${instance.workflowCode} version ${instance.definitionVersion}, not ${definition.workflow_code} version ${definition.version ?? 1}.`);
  }
  if (isClosed(instance.status)) return fail('instance_closed', `This instance is ${instance.status}; nothing more can happen to it.`);
  return ok(null);
}

/** Refuses work on a step an open incident stopped; an administrator must resolve that incident first. */
export function checkNotStopped(instance: WorkflowInstance, token: string): Result<null> {
  const incident = openIncidents(instance).find((open) => open.token === token);
  return incident ? stoppedBy(incident) : ok(null);
}

/** `checkCanChange`, then `checkNotStopped` for the token: what time-driven work on one step checks first. */
export function checkCanWorkOn(definition: WorkflowDefinition, instance: WorkflowInstance, token: string): Result<null> {
  const open = checkCanChange(definition, instance);
  return open.ok ? checkNotStopped(instance, token) : open;
}

export const stoppedBy = (incident: Incident): { ok: false; error: AppError } =>
  fail('instance_incident', `"${incident.stepId}" is stopped by an incident: ${incident.message} An administrator must resolve it first.`);

const variableName = /^[A-Za-z_][A-Za-z0-9_]{0,79}$/;
const forbidden = new Set(['__proto__', 'prototype', 'constructor']);

/** The variables the data changes, as from → to pairs; only keys whose value really changes. */
export function diffVariables(variables: Readonly<Record<string, unknown>>, data: Readonly<Record<string, unknown>> | undefined): Result<DataChanges | undefined> {
  if (!data) return ok(undefined);
  const changes: DataChanges = {};
  for (const [key, value] of Object.entries(data)) {
    if (!variableName.test(key) || forbidden.has(key)) return fail('invalid_input', `"${key}" is not a usable variable name.`, { field: `data.${key}` });
    if (!isSameJson(variables[key], value)) changes[key] = { from: variables[key] ?? null, to: value };
  }
  return ok(Object.keys(changes).length > 0 ? changes : undefined);
}

/** Whether two JSON values are equal, key order aside. */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => isSameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

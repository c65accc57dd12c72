import type { Result } from '../../../src-shared/core/result';
import type { StepDefinition, WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { EngineResult } from '../../../src-shared/workflows/engine-run';
import type { Actor, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { startInstance, type StartInput } from '../../../src-shared/workflows/start';

/** Shared fixtures for the workflow engine tests: people, a clock, and small definitions. */

export const people = {
  requester: { userId: 'u-req', name: 'Rita Requester', roles: ['member', 'procurement_manager'] },
  head: { userId: 'u-head', name: 'Hans Head', roles: ['department_head'] },
  head2: { userId: 'u-head2', name: 'Hanna Head', roles: ['department_head'] },
  head3: { userId: 'u-head3', name: 'Holger Head', roles: ['department_head'] },
  officer: { userId: 'u-off', name: 'Olga Officer', roles: ['procurement_officer'] },
  finance: { userId: 'u-fin', name: 'Fiona Finance', roles: ['finance'] },
  qa: { userId: 'u-qa', name: 'Quentin QA', roles: ['qa_manager'] },
  hr: { userId: 'u-hr', name: 'Hilde HR', roles: ['hr'] },
  admin: { userId: 'u-admin', name: 'Ada Admin', roles: ['admin'] },
  stranger: { userId: 'u-x', name: 'Xaver Stranger', roles: ['member'] },
} satisfies Record<string, Actor>;

export const t0 = '2025-01-06T09:00:00.000Z'; // a Monday
export const at = (hoursAfterT0: number): string => new Date(Date.parse(t0) + hoursAfterT0 * 3_600_000).toISOString();

/** Unwraps a result, failing the test with the error when there is one. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error code of a failed result (and a failed test when it succeeded). */
export function errorOf<T>(result: Result<T>): string {
  if (result.ok) throw new Error('Expected an error, got ok.');
  return result.error.code;
}

export const published = (definition: WorkflowDefinition): WorkflowDefinition => ({ ...definition, version: definition.version ?? 1, status: 'published' });

let counter = 0;
export const newId = (): string => `INST${String(++counter).padStart(4, '0')}`;

export function start(
  definition: WorkflowDefinition,
  variables: Record<string, unknown> = {},
  actor: Actor = people.requester,
  now = t0,
  extra: Partial<StartInput> = {},
): EngineResult {
  return must(startInstance(published(definition), { entityType: 'equipment', entityId: 'EQ-1', variables, ...extra }, actor, now, newId, {}));
}

/** A definition from steps; the first step is the initial one. */
export function flow(steps: StepDefinition[], extra: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return published({ workflow_code: 'TEST_FLOW', name: 'Test flow', steps, initial_step: steps[0]?.step_id ?? 'none', ...extra });
}

export const task = (step_id: string, next: string[], role = 'member', extra: Partial<StepDefinition> = {}): StepDefinition => ({
  step_id,
  name: `Task ${step_id}`,
  type: 'task',
  assignee_type: 'role',
  assignee_value: role,
  next_steps: next,
  ...extra,
});

export const stepIds = (instance: WorkflowInstance): string[] => instance.activeSteps.map((s) => s.stepId).sort();

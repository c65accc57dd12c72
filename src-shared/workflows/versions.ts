import { isAdmin } from '../people/roles';
import { fail, ok, type Result } from '../core/result';
import type { WorkflowDefinition } from './definition-schema';
import { stepOf } from './definition-graph';
import { Run, type EngineResult } from './engine-run';
import { checkRepeat, stampOf, type CommandStamp } from './command-fingerprint';
import { unchanged } from './guards';
import { isClosed, type Actor, type WorkflowInstance } from './instance';
import { checkDefinition } from './validate-definition';

/**
 * Versions of one workflow code. Every saved change is a version; publishing makes a version the
 * one new instances start from, and a running instance keeps the version it started with (unless an
 * admin migrates it with an explicit step mapping). Pure functions over the list of a code's versions.
 */

const versionOf = (definition: WorkflowDefinition): number => definition.version ?? 1;

/** The definition's content without its version and status, in a key order that does not matter. */
export function contentKey(definition: WorkflowDefinition): string {
  const { version: _version, status: _status, ...content } = definition;
  return stableJson(content);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const latestVersion = (versions: readonly WorkflowDefinition[]): WorkflowDefinition | undefined =>
  [...versions].sort((a, b) => versionOf(b) - versionOf(a))[0];

/** The version new instances start from: the newest published one. */
export const currentPublished = (versions: readonly WorkflowDefinition[]): WorkflowDefinition | undefined =>
  latestVersion(versions.filter((v) => v.status === 'published'));

function checkSameCode(versions: readonly WorkflowDefinition[], definition: WorkflowDefinition): Result<null> {
  const stranger = versions.find((v) => v.workflow_code !== definition.workflow_code);
  return stranger ? fail('invalid_input', `The versions mix ${stranger.workflow_code} and ${definition.workflow_code}.`) : ok(null);
}

/**
 * Saves an edit as the draft: the existing draft is replaced (same version number), otherwise the
 * draft is the next version. Drafts are not validated beyond their shape, so work in progress saves.
 */
export function saveDraft(versions: readonly WorkflowDefinition[], edited: WorkflowDefinition): Result<WorkflowDefinition> {
  const sameCode = checkSameCode(versions, edited);
  if (!sameCode.ok) return sameCode;
  const latest = latestVersion(versions);
  const version = latest?.status === 'draft' ? versionOf(latest) : (latest ? versionOf(latest) : 0) + 1;
  return ok({ ...edited, version, status: 'draft' });
}

/**
 * Publishes a definition. It must be valid (`invalid_definition` with every problem otherwise). When
 * its content equals the current published version nothing changes (`isNew: false`); otherwise it
 * becomes a new version (the draft's number when there is a draft, else the next one).
 */
export function publishDefinition(
  versions: readonly WorkflowDefinition[],
  candidate: WorkflowDefinition,
): Result<{ definition: WorkflowDefinition; isNew: boolean }> {
  const sameCode = checkSameCode(versions, candidate);
  if (!sameCode.ok) return sameCode;
  const valid = checkDefinition(candidate);
  if (!valid.ok) return valid;
  const current = currentPublished(versions);
  if (current && contentKey(current) === contentKey(candidate)) return ok({ definition: current, isNew: false });
  const latest = latestVersion(versions);
  const version = latest?.status === 'draft' ? versionOf(latest) : (latest ? versionOf(latest) : 0) + 1;
  return ok({ definition: { ...valid.value, version, status: 'published' }, isNew: true });
}

/** Retires a workflow: its published versions can start no new instances. Running instances go on. Returns the versions that change. */
export function retireDefinition(versions: readonly WorkflowDefinition[]): Result<WorkflowDefinition[]> {
  const published = versions.filter((v) => v.status === 'published');
  if (published.length === 0) return fail('invalid_state', 'There is no published version to retire.');
  return ok(published.map((v) => ({ ...v, status: 'retired' as const })));
}

/** The version to start a new instance from, or why none may start. */
export function versionToStart(versions: readonly WorkflowDefinition[]): Result<WorkflowDefinition> {
  const current = currentPublished(versions);
  if (current) return ok(current);
  if (versions.some((v) => v.status === 'retired')) return fail('definition_retired', 'This workflow is retired and cannot start new instances.');
  return fail('definition_not_published', 'This workflow has no published version yet.');
}

export interface MigrationPlan {
  instanceId: string;
  fromVersion: number;
  toVersion: number;
  moves: { token: string; from: string; to: string }[];
}

/**
 * Plans moving a running instance to another version. Every active step needs an explicit entry in
 * `stepMapping` (`missing_step_mapping` lists those without one, even where the id is unchanged, so
 * an admin has looked at each), pointing to a step of the same type in the target version.
 */
export function planMigration(
  instance: WorkflowInstance,
  fromDefinition: WorkflowDefinition,
  toDefinition: WorkflowDefinition,
  stepMapping: Readonly<Record<string, string>>,
): Result<MigrationPlan> {
  if (fromDefinition.workflow_code !== toDefinition.workflow_code || instance.workflowCode !== fromDefinition.workflow_code) {
    return fail('invalid_input', 'An instance can only move between versions of its own workflow.');
  }
  if (versionOf(fromDefinition) !== instance.definitionVersion) {
    return fail('invalid_input', `This instance runs version ${instance.definitionVersion}, not ${versionOf(fromDefinition)}.`);
  }
  if (isClosed(instance.status)) return fail('instance_closed', `This instance is ${instance.status}; there is nothing to migrate.`);
  if (versionOf(toDefinition) === instance.definitionVersion) return fail('invalid_input', `This instance runs version ${instance.definitionVersion} already.`);
  if (toDefinition.status === 'retired') return fail('definition_retired', 'Instances cannot move to a retired version.');
  const missing = [...new Set(instance.activeSteps.map((s) => s.stepId))].filter((stepId) => stepMapping[stepId] === undefined);
  if (missing.length > 0) {
    return fail('missing_step_mapping', `Say where these active steps go in version ${versionOf(toDefinition)}: ${missing.join(', ')}.`, {
      field: 'stepMapping',
      details: { missing },
    });
  }
  const moves: MigrationPlan['moves'] = [];
  for (const active of instance.activeSteps) {
    const to = stepMapping[active.stepId] as string;
    const from = stepOf(fromDefinition, active.stepId);
    const target = stepOf(toDefinition, to);
    if (!target) return fail('invalid_input', `Version ${versionOf(toDefinition)} has no step "${to}".`, { field: `stepMapping.${active.stepId}` });
    if (from && from.type !== target.type) {
      return fail('invalid_input', `"${active.stepId}" is a ${from.type} step and cannot become the ${target.type} step "${to}".`, {
        field: `stepMapping.${active.stepId}`,
      });
    }
    moves.push({ token: active.token, from: active.stepId, to });
  }
  return ok({ instanceId: instance.id, fromVersion: instance.definitionVersion, toVersion: versionOf(toDefinition), moves });
}

/**
 * What a migration command asks of one instance: the target version and the comment. The step
 * mapping is left out: a retry after the move plans nothing new, and the plan itself is checked.
 */
export const migrationStamp = (toVersion: number, command: { commandId: string; comments?: string }, actor: Actor): CommandStamp | undefined =>
  stampOf('migrate', { commandId: command.commandId, comments: command.comments, toVersion }, actor);

/** Applies a plan as an `instance_migrated` event (admins only). Deadlines and votes stay as they were. */
export function applyMigration(
  toDefinition: WorkflowDefinition,
  instance: WorkflowInstance,
  plan: MigrationPlan,
  command: { commandId: string; comments?: string },
  actor: Actor,
  now: string,
): Result<EngineResult> {
  const stamp = migrationStamp(plan.toVersion, command, actor);
  const seen = checkRepeat(instance, stamp);
  if (!seen.ok) return seen;
  if (seen.value === 'repeat') return unchanged(instance);
  if (!isAdmin(actor.roles)) return fail('forbidden', 'Only an administrator can move instances to another version.');
  if (plan.instanceId !== instance.id || plan.fromVersion !== instance.definitionVersion) {
    return fail('conflict', 'The instance changed since the migration was planned; plan it again.');
  }
  if (plan.moves.length !== instance.activeSteps.length || plan.moves.some((m) => !instance.activeSteps.some((s) => s.token === m.token))) {
    return fail('conflict', 'The instance’s active steps changed since the migration was planned; plan it again.');
  }
  const run = new Run(toDefinition, instance, instance.id, now, actor, stamp, {});
  run.emit({
    type: 'instance_migrated',
    fromVersion: plan.fromVersion,
    toVersion: plan.toVersion,
    moves: plan.moves,
    ...(command.comments === undefined ? {} : { comments: command.comments }),
  });
  return ok(run.result());
}

import { fail, ok, type Result } from '../../src-shared/core/result';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { previewMigration, stepsToMap, suggestedMapping } from '../../src-shared/workflows/migration-preview';
import type { MigrationPlanView } from '../../src-shared/workflows/workflow-contract';
import type { LabDatabase } from '../database/open-database';
import type { DefinitionStore } from './definition-store';
import { bindingKey, loadBindings, recordRefFor } from './record-link';
import type { InstanceDocument } from './workflow-documents';

/** Which running instances a migration looks at: the screen's choice, or the CLI's flags. */
export interface MigrationChoice {
  code: string;
  toVersion: number;
  /** Only instances of this version; every version but the target when absent. */
  fromVersion?: number;
  /** Only these instances (still only running ones of `code`). */
  instanceIds?: readonly string[];
  /** Old step id → new; '' leaves a step deliberately unmapped (its instances are refused). */
  stepMapping: Readonly<Record<string, string>>;
  /** Map every step `stepMapping` does not name to its same-id, same-type step (the screen and the CLI do). */
  suggest?: boolean;
}

/** Running (or stopped by an incident) instances of the code, not on the target version, oldest first. */
export async function runningInstancesToMove(db: LabDatabase, choice: Omit<MigrationChoice, 'stepMapping'>): Promise<InstanceDocument[]> {
  const docs = await db.workflow_instances
    .find({ selector: { code: choice.code, status: { $in: ['running', 'incident'] }, ...(choice.instanceIds ? { id: { $in: [...choice.instanceIds] } } : {}) } })
    .exec();
  return docs
    .map((doc) => doc.toJSON() as InstanceDocument)
    .filter((doc) => doc.version !== choice.toVersion && (choice.fromVersion === undefined || doc.version === choice.fromVersion))
    .sort((a, b) => a.state.startedAt.localeCompare(b.state.startedAt) || a.id.localeCompare(b.id));
}

/**
 * The preview of a migration (writes nothing): the steps to map with suggestions, and per instance
 * the moves or the refusal `workflows/definitions/migrate-instances` would give it.
 */
export async function planMigrationView(db: LabDatabase, definitions: DefinitionStore, choice: MigrationChoice): Promise<Result<MigrationPlanView>> {
  const versions = await definitions.versions(choice.code);
  if (versions.length === 0) return fail('not_found', `There is no workflow ${choice.code}.`, { field: 'code' });
  const target = versions.find((v) => v.version === choice.toVersion);
  if (!target) return fail('not_found', `${choice.code} has no version ${choice.toVersion}.`, { field: 'toVersion' });
  const byVersion = new Map<number, WorkflowDefinition>(versions.map((v) => [v.version, v.definition]));
  const definitionOf = (version: number) => byVersion.get(version);

  const all = await runningInstancesToMove(db, { code: choice.code, toVersion: choice.toVersion });
  const counts = new Map<number, number>();
  for (const doc of all) counts.set(doc.version, (counts.get(doc.version) ?? 0) + 1);
  const wanted = choice.instanceIds ? new Set(choice.instanceIds) : undefined;
  const chosen = all.filter((doc) => (choice.fromVersion === undefined || doc.version === choice.fromVersion) && (!wanted || wanted.has(doc.id)));

  const states = chosen.map((doc) => doc.state);
  const steps = stepsToMap(states, definitionOf, target.definition);
  const suggested = suggestedMapping(steps);
  const stepMapping = Object.fromEntries(Object.entries({ ...(choice.suggest ? suggested : {}), ...choice.stepMapping }).filter(([, to]) => to !== ''));
  const plans = previewMigration(states, definitionOf, target.definition, stepMapping);
  const bindings = await loadBindings(db, chosen);
  const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
  return ok({
    code: choice.code,
    name: latest.definition.name,
    toVersion: choice.toVersion,
    publishedVersions: versions.filter((v) => v.status === 'published').map((v) => v.version).sort((a, b) => b - a),
    runningByVersion: [...counts].map(([version, count]) => ({ version, count })).sort((a, b) => a.version - b.version),
    stepsToMap: steps,
    suggestedMapping: suggested,
    stepMapping,
    instances: plans.map((plan, i) => {
      const doc = chosen[i] as InstanceDocument;
      const record = recordRefFor(bindings.get(bindingKey(doc)));
      const label = record ? [record.number, record.title].filter(Boolean).join(' · ') || record.kindLabel : `${doc.entityType} ${doc.entityId}`;
      return { ...plan, label, startedAt: doc.state.startedAt };
    }),
  });
}

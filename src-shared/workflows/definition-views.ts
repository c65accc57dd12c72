import type { DefinitionStatus, WorkflowDefinition } from './definition-schema';
import { validateDefinition } from './validate-definition';
import { currentPublished, latestVersion } from './versions';
import type { DefinitionSummaryView, DefinitionVersionView, TemplateView } from './workflow-contract';
import { personRef, type NameOf } from './workflow-views';

/** Pure mappings from stored definition versions to the contract's views. */

export interface StoredVersion {
  id: string;
  code: string;
  version: number;
  status: DefinitionStatus;
  definition: WorkflowDefinition;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export function definitionVersionView(stored: StoredVersion, nameOf: NameOf): DefinitionVersionView {
  const { definition } = stored;
  return {
    id: stored.id,
    code: stored.code,
    version: stored.version,
    status: stored.status,
    name: definition.name,
    ...(definition.category ? { category: definition.category } : {}),
    ...(definition.description ? { description: definition.description } : {}),
    definition,
    // Published versions were validated when published; drafts show what still stands in the way.
    problems: stored.status === 'draft' ? validateDefinition(definition) : [],
    createdAt: stored.createdAt,
    createdBy: personRef(nameOf, stored.createdBy),
    updatedAt: stored.updatedAt,
    updatedBy: personRef(nameOf, stored.updatedBy),
  };
}

/** One row per code: named after the version new instances start from, else the newest. */
export function definitionSummaries(stored: readonly StoredVersion[]): DefinitionSummaryView[] {
  const byCode = new Map<string, StoredVersion[]>();
  for (const version of stored) byCode.set(version.code, [...(byCode.get(version.code) ?? []), version]);
  const rows: DefinitionSummaryView[] = [];
  for (const [code, versions] of byCode) {
    const definitions = versions.map((v) => ({ ...v.definition, version: v.version, status: v.status }));
    const published = currentPublished(definitions);
    const latest = latestVersion(definitions) as WorkflowDefinition;
    const shown = published ?? latest;
    const draft = versions.find((v) => v.status === 'draft');
    const status: DefinitionStatus = published ? 'published' : versions.some((v) => v.status === 'retired') ? 'retired' : 'draft';
    rows.push({
      code,
      name: shown.name,
      ...(shown.category ? { category: shown.category } : {}),
      ...(shown.description ? { description: shown.description } : {}),
      ...(shown.record_kind ? { recordKind: shown.record_kind } : {}),
      status,
      publishedVersion: published?.version ?? null,
      latestVersion: latest.version ?? 1,
      draftVersion: draft?.version ?? null,
      stepCount: shown.steps.length,
      updatedAt: versions.reduce((max, v) => (v.updatedAt > max ? v.updatedAt : max), ''),
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
}

export const templateView = (definition: WorkflowDefinition): TemplateView => ({
  code: definition.workflow_code,
  name: definition.name,
  ...(definition.category ? { category: definition.category } : {}),
  ...(definition.description ? { description: definition.description } : {}),
  stepCount: definition.steps.length,
  definition,
});

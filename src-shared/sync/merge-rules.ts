import type { DocumentRule } from '../core/document-rule';
import { planItemRules } from '../projects/plan-item-model';
import { projectRules } from '../projects/project-model';
import { taskRules } from '../tasks/task-rules';
import { validateDefinition } from '../workflows/validate-definition';

type Doc = Record<string, unknown>;

/**
 * A definition merges field by field (`definition.steps`, `definition.initial_step` …): a published
 * one must still validate as a whole. Drafts may be incomplete (their problems are shown, not refused)
 * and retired ones only change status.
 */
const definitionRules: readonly DocumentRule[] = [
  {
    fields: ['status', 'definition'],
    path: 'definition',
    message: 'A published workflow definition must be valid.',
    holds: (doc) => doc.status !== 'published' || validateDefinition(doc.definition).length === 0,
  },
];

/**
 * The cross-field rules of each collection, as its commands keep them (declared beside each model).
 * The sync server refuses a pushed document that breaks one its stored version kept, and a merge
 * keeps them all (`keepRules`). Collections without rules merge field by field alone.
 */
export const rulesOfCollection: Readonly<Record<string, readonly DocumentRule[]>> = {
  tasks: taskRules,
  projects: projectRules,
  plan_items: planItemRules,
  workflow_definitions: definitionRules,
};

export const rulesOf = (collection: string): readonly DocumentRule[] => rulesOfCollection[collection] ?? [];

/**
 * The first rule `doc` breaks that `before` (the server's version, null for a new document) kept:
 * what a write must not do. A rule the stored version already broke (written before the rule
 * existed) does not refuse unrelated edits.
 */
export function newlyBrokenRule(collection: string, doc: Doc, before: Doc | null): DocumentRule | null {
  return rulesOf(collection).find((rule) => !rule.holds(doc) && (before === null || before._deleted === true || rule.holds(before))) ?? null;
}

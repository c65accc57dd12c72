import { organisationReferences, kindsReferencingOrganisations, mergeProblem, repointedData } from '../../src-shared/crm/organisation-merge';
import type { MergePreview } from '../../src-shared/crm/organisation-merge-contract';
import { organisationKind } from '../../src-shared/crm/organisation-kind';
import { salesManager } from '../../src-shared/crm/crm-who';
import { parseData } from '../../src-shared/records/record-data';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { checkRecordWrite } from '../../src-shared/records/record-rules';
import { isWho, type RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { recordOf, type StoredDoc } from '../records/module-records';
import { readStored } from '../records/record-store';

/**
 * What merging one organisation into another would write, worked out before anything is written
 * (the host has no multi-document transaction): every live record naming the loser — whoever may
 * read it, so that nothing is stranded because the person merging cannot see invoices — with its
 * re-linked data, and each write judged by its kind's rules for this person. A record that cannot
 * move (an issued invoice keeps the customer it was issued to) is a blocker and stops the merge.
 */
export interface Repoint {
  kind: AnyRecordKind;
  before: RecordDocument;
  data: Record<string, unknown>;
}

export interface MergePlan {
  survivor: StoredDoc | null;
  loser: StoredDoc | null;
  repoints: Repoint[];
  blockers: string[];
  problem: string | null;
}

const nameOf = (doc: RecordDocument) => (doc.number ? `${doc.number} ${doc.title}` : doc.title);

/** Live records (any reader's) whose data names `organisationId`, upgraded to their kind's version. */
async function recordsNaming(db: LabDatabase, organisationId: string) {
  const found = [];
  for (const kind of kindsReferencingOrganisations) {
    // Kinds filed under the organisation are found by their parent column; the rest by their data.
    const selector = organisationReferences[kind]?.isChild ? { kind, parentId: organisationId } : { kind };
    for (const doc of await db.records.find({ selector }).exec()) {
      const stored = readStored(doc.toJSON() as RecordDocument);
      if (repointedData(kind, stored.doc.data, organisationId, organisationId) !== null) found.push(stored);
    }
  }
  return found;
}

export async function planMerge(db: LabDatabase, actor: RecordActor, survivorId: string, loserId: string): Promise<MergePlan> {
  const survivor = (await recordOf(db, organisationKind, survivorId, actor)).value ?? null;
  const loser = (await recordOf(db, organisationKind, loserId, actor)).value ?? null;
  const problem = mergeProblem(survivor, loser) ?? (survivor && !isWho(salesManager, actor, survivor) ? 'Only sales managers and administrators merge organisations.' : null);
  if (problem || !survivor || !loser) return { survivor, loser, repoints: [], blockers: [], problem };
  const repoints: Repoint[] = [];
  const blockers: string[] = [];
  for (const stored of await recordsNaming(db, loserId)) {
    const { doc, kind } = stored;
    const data = kind ? repointedData(kind.kind, doc.data, loserId, survivorId) : null;
    if (!kind || stored.isFromNewerVersion || !data) {
      blockers.push(`${nameOf(doc)} was written by a newer version of LabFlow; update LabFlow on this PC first.`);
      continue;
    }
    const parsed = parseData(kind, data);
    const allowed = parsed.ok ? checkRecordWrite({ kind, actor, before: doc, after: { ...doc, data: parsed.value } }) : parsed;
    if (!allowed.ok) blockers.push(`${kind.label} ${nameOf(doc)}: ${allowed.error.message}`);
    else repoints.push({ kind, before: doc, data: parsed.ok ? parsed.value : data });
  }
  return { survivor, loser, repoints, blockers, problem: null };
}

/** The plan as the merge dialog previews it: counts per kind, blockers, or why not at all. */
export function previewOf(plan: MergePlan): MergePreview {
  const counts = new Map<string, { kind: string; label: string; count: number }>();
  for (const { kind } of plan.repoints) {
    const entry = counts.get(kind.kind) ?? { kind: kind.kind, label: kind.pluralLabel, count: 0 };
    entry.count += 1;
    counts.set(kind.kind, entry);
  }
  return { moves: [...counts.values()].sort((a, b) => a.label.localeCompare(b.label)), blockers: plan.blockers, problem: plan.problem };
}

import { fail, ok } from '../../src-shared/core/result';
import { duplicateGroups, findDuplicates, type DuplicateReason } from '../../src-shared/crm/duplicates';
import { mergedOrganisationData } from '../../src-shared/crm/organisation-merge';
import type { DuplicateGroup } from '../../src-shared/crm/organisation-merge-contract';
import { organisationKind, type OrganisationData } from '../../src-shared/crm/organisation-kind';
import { parseData } from '../../src-shared/records/record-data';
import { checkRecordWrite } from '../../src-shared/records/record-rules';
import type { LabDatabase } from '../database/open-database';
import { onRecordChanges } from '../equipment/instrument-states';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { reread } from '../records/module-records';
import { recordActorOf } from '../records/record-actor';
import { noteStatusChange, writeRecord } from '../records/record-handlers';
import { planMerge, previewOf } from './organisation-merge-plan';

/**
 * Duplicate organisations (crm/organisations/*): the register's likely duplicates, the preview of a
 * merge and the merge. The merge checks everything first (organisation-merge-plan.ts), then writes
 * through the records platform, each write audited and judged again by the sync server: every
 * linked record re-linked, the survivor with the chosen details, the loser kept as Merged pointing
 * to it (the organisation kind's invariant refuses that while anything is still filed under it).
 */
async function duplicates(db: LabDatabase): Promise<DuplicateGroup[]> {
  const docs = (await db.records.find({ selector: { kind: 'organisation' } }).exec()).map((d) => d.toJSON() as { id: string; number: string; status: string; data: OrganisationData });
  const live = docs.filter((d) => d.status !== 'merged');
  const byId = new Map(live.map((d) => [d.id, d]));
  const groups: DuplicateGroup[] = [];
  for (const ids of duplicateGroups(live.map((d) => ({ id: d.id, name: d.data.name, email: d.data.email ?? '' })))) {
    const members = ids.map((id) => byId.get(id)!);
    const [first, ...rest] = members;
    const reasons = new Set<DuplicateReason>(findDuplicates({ id: first!.id, name: first!.data.name, email: first!.data.email ?? '' }, rest.map((d) => ({ id: d.id, name: d.data.name, email: d.data.email ?? '' }))).flatMap((m) => m.reasons));
    const organisations = await Promise.all(
      members.map(async (d) => ({ id: d.id, number: d.number, name: d.data.name, email: d.data.email ?? '', roles: [...d.data.roles], linkedCount: await db.records.count({ selector: { parentId: d.id } }).exec() })),
    );
    groups.push({ organisations, reasons: [...reasons] });
  }
  return groups;
}

export const organisationMergeQueryHandlers: QueryHandlers<'crm/organisations/duplicates' | 'crm/organisations/merge-preview'> = {
  'crm/organisations/duplicates': (_input, context) => onRecordChanges(context.db, async () => ok(await duplicates(context.db))),
  'crm/organisations/merge-preview': (input, context) =>
    onRecordChanges(context.db, async () => ok(previewOf(await planMerge(context.db, await recordActorOf(context.db, context.actor.id), input.survivorId, input.loserId)))),
};

export const organisationMergeHandlers: CommandHandlers<'crm/organisations/merge'> = {
  async 'crm/organisations/merge'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const plan = await planMerge(context.db, actor, input.survivorId, input.loserId);
    const { survivor, loser } = plan;
    if (plan.problem || !survivor || !loser) return fail(plan.problem?.startsWith('Only') ? 'forbidden' : 'invalid_input', plan.problem ?? 'Pick two organisations to merge.', { field: 'loserId' });
    const loserName = (loser.data as OrganisationData).name;
    if (plan.blockers.length > 0) {
      return fail('invalid_state', `${loserName} cannot be merged into ${(survivor.data as OrganisationData).name}: ${plan.blockers.join(' ')} Keep ${loserName} and merge the other one into it instead.`);
    }
    // The survivor's new details and the loser's retirement are judged before the first write too.
    const survivorData = parseData(organisationKind, mergedOrganisationData(survivor.data, loser.data, input.choices));
    if (!survivorData.ok) return survivorData;
    const retired = parseData(organisationKind, { ...loser.data, mergedIntoId: survivor.id });
    if (!retired.ok) return retired;
    for (const [before, after] of [[survivor, { ...survivor, data: survivorData.value }], [loser, { ...loser, status: 'merged', data: retired.value }]] as const) {
      const allowed = checkRecordWrite({ kind: organisationKind, actor, before, after });
      if (!allowed.ok) return allowed;
    }
    for (const { kind, before, data } of plan.repoints) {
      const moved = await writeRecord(context, kind, actor, before, { ...before, data });
      if (!moved.ok) return moved;
    }
    const kept = await writeRecord(context, organisationKind, actor, survivor, { ...survivor, data: survivorData.value });
    if (!kept.ok) return kept;
    const merged = await writeRecord(context, organisationKind, actor, await reread(context.db, loser.id), { ...loser, status: 'merged', data: retired.value });
    if (!merged.ok) return merged;
    await noteStatusChange(context, loser, loser.status, 'merged', `Merged into ${kept.value.number ? `${kept.value.number} ` : ''}${(survivorData.value as OrganisationData).name}`);
    return ok({ survivor: kept.value, moved: plan.repoints.length });
  },
};

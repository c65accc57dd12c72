import { fail, ok, type AppError } from '../../src-shared/core/result';
import { allocationReads, checkAllocation } from '../../src-shared/equipment/allocation-gate';
import { loadLookup } from '../records/record-lookup';
import type { Deliverable, Milestone } from '../../src-shared/projects/plan-item-model';
import type { PlanItemCreateInput } from '../../src-shared/projects/plan-contract';
import type { PlanItemDocument } from '../../src-shared/projects/plan-views';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { softDelete } from '../tasks/soft-delete';
import { askerOf, canManageProject, isProjectMember, managedProject, notManager, readProject, writeContextOf } from './project-access';

type PlanCommands = 'plan-items/create' | 'plan-items/update' | 'plan-items/remove' | 'milestones/set-criterion' | 'milestones/link-task' | 'deliverables/set-status';
type Refusal = { ok: false; error: AppError };
type ParsedItem = { kind: PlanItemDocument['kind']; title: string; data: Record<string, unknown> };

async function readItem(context: CommandContext, id: string): Promise<PlanItemDocument | null> {
  const doc = await context.db.plan_items.findOne(id).exec();
  return doc ? (doc.toJSON() as PlanItemDocument) : null;
}

const itemGone = () => fail('not_found', 'That item no longer exists. It may have been removed on another PC.');

/** Checks what the schemas cannot: people exist, linked tasks belong to the project, money is in the project's currency. */
async function checkReferences(context: CommandContext, project: ProjectDocument, item: ParsedItem): Promise<Refusal | null> {
  const data = item.data;
  const personIds = [data.ownerId, data.resourceType === 'person' ? data.personId : undefined].filter((p): p is string => typeof p === 'string');
  if (personIds.length > 0) {
    const found = await context.db.people.findByIds(personIds).exec();
    const field = data.resourceType === 'person' ? 'data.personId' : 'data.ownerId';
    if (personIds.some((id) => found.get(id)?.get('kind') !== 'person')) return fail('invalid_input', 'Choose a person from the directory.', { field });
  }
  const linked = Array.isArray(data.linkedTaskIds) ? (data.linkedTaskIds as string[]) : [];
  if (linked.length > 0) {
    const tasks = await context.db.tasks.findByIds(linked).exec();
    if (linked.some((id) => tasks.get(id)?.get('projectId') !== project.id)) return fail('invalid_input', 'Link only tasks of this project.', { field: 'data.linkedTaskIds' });
  }
  const currency = project.budget?.currency;
  const planned = data.planned as { currency?: string } | undefined;
  if (item.kind === 'budget_line' && currency && planned?.currency !== currency) {
    return fail('invalid_input', `Budget lines of ${project.code} are in ${currency}.`, { field: 'data.planned.currency' });
  }
  return null;
}

/** Allocating an instrument that is not fit for use is refused with the reason (usage gating, src-shared/equipment/allocation-gate.ts). */
async function checkInstrumentFitness(context: CommandContext, item: ParsedItem, before: PlanItemDocument | null): Promise<Refusal | null> {
  const doc = { kind: item.kind, data: item.data };
  const previous = before as unknown as Record<string, unknown> | null;
  const reads = allocationReads(doc, previous);
  if (!reads) return null;
  const unfit = checkAllocation(doc, previous, await loadLookup(context.db, reads), context.clock().toISOString());
  return unfit ? fail('invalid_state', unfit, { field: 'data.equipmentId' }) : null;
}

/** New completion criteria get ids; existing ones keep theirs. */
function withCriterionIds(context: CommandContext, item: ParsedItem): ParsedItem {
  if (item.kind !== 'milestone') return item;
  const criteria = (item.data.completionCriteria as Array<{ id?: string; text: string; isMet: boolean }>) ?? [];
  return { ...item, data: { ...item.data, completionCriteria: criteria.map((c) => ({ ...c, id: c.id ?? context.newId() })) } };
}

export const planItemCommandHandlers: CommandHandlers<PlanCommands> = {
  async 'plan-items/create'(input, context) {
    const { project, error } = await managedProject(context, input.projectId);
    if (error) return error;
    const item = withCriterionIds(context, input as ParsedItem & PlanItemCreateInput);
    const refused = (await checkReferences(context, project, item)) ?? (await checkInstrumentFitness(context, item, null));
    if (refused) return refused;
    const created = await context.writer.insert<PlanItemDocument>('plan_items', { kind: item.kind, projectId: project.id, title: item.title, data: item.data }, writeContextOf(context));
    return ok(created);
  },

  async 'plan-items/update'(input, context) {
    const before = await readItem(context, input.id);
    if (!before) return itemGone();
    if (before.kind !== input.kind) return fail('invalid_input', `That item is a ${before.kind.replace('_', ' ')}, not a ${input.kind.replace('_', ' ')}.`, { field: 'kind' });
    const { project, error } = await managedProject(context, before.projectId);
    if (error) return error;
    const item = withCriterionIds(context, input as ParsedItem);
    const refused = (await checkReferences(context, project, item)) ?? (await checkInstrumentFitness(context, item, before));
    if (refused) return refused;
    const updated = await context.writer.update<PlanItemDocument>('plan_items', before.id, { title: item.title, data: item.data }, writeContextOf(context));
    return updated ? ok(updated) : itemGone();
  },

  async 'plan-items/remove'(input, context) {
    const before = await readItem(context, input.id);
    if (!before) return itemGone();
    const { error } = await managedProject(context, before.projectId);
    if (error) return error;
    await softDelete(context, 'plan_items', before);
    return ok({ id: before.id });
  },

  async 'milestones/set-criterion'(input, context) {
    const before = await readItem(context, input.id);
    if (!before || before.kind !== 'milestone') return itemGone();
    const project = await readProject(context.db, before.projectId);
    if (!project) return itemGone();
    if (!isProjectMember(project, askerOf(context))) return fail('forbidden', `Only the ${project.code} team can tick milestone criteria.`);
    const criteria = before.data.completionCriteria;
    if (!criteria.some((c) => c.id === input.criterionId)) return fail('not_found', 'That criterion no longer exists.', { field: 'criterionId' });
    const data = { ...before.data, completionCriteria: criteria.map((c) => (c.id === input.criterionId ? { ...c, isMet: input.isMet } : c)) };
    return ok(((await context.writer.update<Milestone>('plan_items', before.id, { data }, writeContextOf(context))) ?? before) as Milestone);
  },

  async 'milestones/link-task'(input, context) {
    const before = await readItem(context, input.id);
    if (!before || before.kind !== 'milestone') return itemGone();
    const { error } = await managedProject(context, before.projectId);
    if (error) return error;
    const task = await context.db.tasks.findOne(input.taskId).exec();
    if (!task || task.get('projectId') !== before.projectId) return fail('invalid_input', 'Link only tasks of this project.', { field: 'taskId' });
    const others = before.data.linkedTaskIds.filter((t) => t !== input.taskId);
    const data = { ...before.data, linkedTaskIds: input.isLinked ? [...others, input.taskId] : others };
    return ok(((await context.writer.update<Milestone>('plan_items', before.id, { data }, writeContextOf(context))) ?? before) as Milestone);
  },

  async 'deliverables/set-status'(input, context) {
    const before = await readItem(context, input.id);
    if (!before || before.kind !== 'deliverable') return itemGone();
    const project = await readProject(context.db, before.projectId);
    if (!project) return itemGone();
    const asker = askerOf(context);
    if (!canManageProject(project, asker) && before.data.ownerId !== asker.id) return notManager(project);
    const data = { ...before.data, status: input.status };
    return ok(((await context.writer.update<Deliverable>('plan_items', before.id, { data }, writeContextOf(context))) ?? before) as Deliverable);
  },
};

import { map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { daysBetween } from '../../src-shared/projects/plan-dates';
import type { Milestone } from '../../src-shared/projects/plan-item-model';
import { copyProjectStructure } from '../../src-shared/projects/project-template';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import type { Project } from '../../src-shared/projects/project-model';
import type { Task } from '../../src-shared/tasks/task-model';
import type { CommandContext, CommandHandlers, QueryHandlers } from '../host/handler-types';
import { askerOf, canManageProject, notManager, projectGone, readProject, writeContextOf } from './project-access';

type ProjectCommands = 'projects/create' | 'projects/rename' | 'projects/set-archived' | 'projects/update' | 'projects/set-status' | 'projects/create-from-template';

const datesOutOfOrder = () => fail('invalid_input', 'The end date cannot be before the start date.', { field: 'endDate' });

async function codeClash(context: CommandContext, code: string) {
  const clash = await context.db.projects.findOne({ selector: { code } }).exec();
  return clash ? fail('already_exists', `The code ${code} is already used by “${clash.get('name')}”.`, { field: 'code' }) : null;
}

/** Reads the project and checks the signed-in person manages it, then applies `changes`. */
async function changeProject(context: CommandContext, id: string, changes: (project: ProjectDocument) => Record<string, unknown> | { error: ReturnType<typeof fail> }) {
  const project = await readProject(context.db, id);
  if (!project) return projectGone();
  if (!canManageProject(project, askerOf(context))) return notManager(project);
  const next = changes(project);
  if ('error' in next) return next.error as ReturnType<typeof fail>;
  const updated = await context.writer.update<ProjectDocument>('projects', id, next, writeContextOf(context));
  return updated ? ok(updated) : projectGone();
}

export const projectCommandHandlers: CommandHandlers<ProjectCommands> = {
  async 'projects/create'(input, context) {
    const clash = await codeClash(context, input.code);
    if (clash) return clash;
    if (input.startDate && input.endDate && input.endDate < input.startDate) return datesOutOfOrder();
    const project = await context.writer.insert<ProjectDocument>(
      'projects',
      { ...input, status: 'planned', isArchived: false, ownerId: context.actor.id },
      writeContextOf(context),
    );
    return ok(project);
  },

  'projects/rename': (input, context) => changeProject(context, input.id, () => ({ name: input.name })),

  'projects/set-archived': (input, context) => changeProject(context, input.id, () => ({ isArchived: input.isArchived })),

  'projects/set-status': (input, context) => changeProject(context, input.id, () => ({ status: input.status })),

  async 'projects/update'(input, context) {
    const { id, ...fields } = input;
    if (fields.ownerId !== undefined) {
      const owner = await context.db.people.findOne(fields.ownerId).exec();
      if (!owner || owner.get('kind') !== 'person' || !owner.get('isActive')) return fail('invalid_input', 'Choose an active person as the owner.', { field: 'ownerId' });
    }
    return changeProject(context, id, (project) => {
      const start = fields.startDate === undefined ? project.startDate : (fields.startDate ?? undefined);
      const end = fields.endDate === undefined ? project.endDate : (fields.endDate ?? undefined);
      if (start && end && end < start) return { error: datesOutOfOrder() };
      const currency = fields.budget?.currency ?? project.budget?.currency;
      const foreign = (fields.costRates ?? []).find((r) => currency !== undefined && r.currency !== currency);
      if (foreign) return { error: fail('invalid_input', `Cost rates must be in the budget's currency (${currency}).`, { field: 'costRates' }) };
      // `null` clears a field: stored as absent (undefined is dropped when the record is written).
      return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v ?? undefined]));
    });
  },

  async 'projects/create-from-template'(input, context) {
    const template = await readProject(context.db, input.templateId);
    if (!template) return fail('not_found', 'The template project no longer exists.', { field: 'templateId' });
    const clash = await codeClash(context, input.code);
    if (clash) return clash;
    const [taskDocs, milestoneDocs] = await Promise.all([
      context.db.tasks.find({ selector: { projectId: template.id } }).exec(),
      context.db.plan_items.find({ selector: { projectId: template.id, kind: 'milestone' } }).exec(),
    ]);
    const tasks = taskDocs.map((d) => d.toJSON() as Task);
    const milestones = milestoneDocs.map((d) => d.toJSON() as Milestone);
    const templateStart = template.startDate ?? [...tasks.flatMap((t) => (t.startDate ? [t.startDate] : [])), ...milestones.map((m) => m.data.dueDate)].sort()[0];
    const shiftDays = input.shiftDays ?? (input.startDate && templateStart ? daysBetween(templateStart, input.startDate) : 0);
    const now = context.clock().toISOString();
    const copy = copyProjectStructure({
      project: { ...template, teamIds: template.teamIds ?? [], tags: template.tags ?? [] } as Project,
      tasks,
      milestones,
      code: input.code,
      name: input.name,
      shiftDays,
      newId: context.newId,
      stamp: { at: now, by: context.actor.id, auditId: '' },
    });
    if (!copy.ok) return copy;
    const write = writeContextOf(context);
    const project = await context.writer.insert<ProjectDocument>('projects', { ...copy.value.project, ownerId: context.actor.id }, write);
    for (const task of copy.value.tasks) await context.writer.insert('tasks', task, write);
    for (const milestone of copy.value.milestones) await context.writer.insert('plan_items', milestone, write);
    return ok(project);
  },
};

export const projectQueryHandlers: QueryHandlers<'projects/list'> = {
  'projects/list': (input, context) =>
    context.db.projects
      .find({ selector: input.includeArchived ? {} : { isArchived: false }, sort: [{ name: 'asc' }] })
      .$.pipe(map((docs) => ok(docs.map((d) => d.toJSON() as ProjectDocument)))),
};

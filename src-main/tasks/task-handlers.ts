import { fail, ok } from '../../src-shared/core/result';
import { taskSchema, type ChecklistItem, type Task } from '../../src-shared/tasks/task-model';
import { taskRules } from '../../src-shared/tasks/task-rules';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { isInboxTaskFor } from '../../src-shared/projects/project-access';
import { askerOf, isProjectMember, readProject, writeContextOf } from '../projects/project-access';
import { softDelete } from './soft-delete';
import { noticeAssigned, noticeWatchedChanges } from './task-notices';
import { bottomRank } from './task-ranks';
import { editableTask, readProjectTasks, readTask, saveTask, saveTasks, taskGone } from './task-store';

type TaskCommands = 'tasks/create' | 'tasks/update' | 'tasks/assign' | 'tasks/set-watchers' | 'tasks/watch' | 'tasks/set-progress' | 'tasks/edit-checklist' | 'tasks/remove';

async function checkPeople(context: CommandContext, ids: readonly string[], field: string) {
  if (ids.length === 0) return null;
  const found = await context.db.people.findByIds([...ids]).exec();
  const missing = ids.filter((id) => found.get(id)?.get('kind') !== 'person' || !found.get(id)?.get('isActive'));
  return missing.length > 0 ? fail('invalid_input', 'Choose active people from the directory.', { field, details: { missing } }) : null;
}

const datesOutOfOrder = () => fail('invalid_input', 'The due date cannot be before the start date.', { field: 'dueDate' });

/** True when `candidateParentId` is `taskId` or lies under it (moving the task there would loop). */
function isInSubtree(taskId: string, candidateParentId: string, tasks: readonly Task[]): boolean {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const seen = new Set<string>();
  for (let at = byId.get(candidateParentId); at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    if (at.id === taskId) return true;
    seen.add(at.id);
  }
  return false;
}

export const taskCommandHandlers: CommandHandlers<TaskCommands> = {
  async 'tasks/create'(input, context) {
    const project = await readProject(context.db, input.projectId);
    if (!project) return fail('not_found', 'That project no longer exists.', { field: 'projectId' });
    const asker = askerOf(context);
    const parent = input.parentId ? await readTask(context.db, input.parentId) : null;
    if (input.parentId && (!parent || parent.projectId !== project.id)) return fail('invalid_input', 'The parent task is not in this project.', { field: 'parentId' });
    const mayCreate =
      isProjectMember(project, asker) || (parent !== null && (parent.assigneeId === asker.id || parent.watcherIds.includes(asker.id))) || (!parent && isInboxTaskFor(project, input.assigneeId));
    if (!mayCreate) return fail('forbidden', `Only the ${project.code} team can add tasks to it.`);
    if (input.startDate && input.dueDate && input.dueDate < input.startDate) return datesOutOfOrder();
    const refused = (await checkPeople(context, input.assigneeId ? [input.assigneeId] : [], 'assigneeId')) ?? (await checkPeople(context, input.watcherIds, 'watcherIds'));
    if (refused) return refused;
    if (input.dependsOn.length > 0) {
      const predecessors = await context.db.tasks.findByIds(input.dependsOn).exec();
      if (input.dependsOn.some((id) => predecessors.get(id)?.get('projectId') !== project.id)) {
        return fail('invalid_input', 'A task can only depend on tasks of its own project.', { field: 'dependsOn' });
      }
    }
    const { checklist, ...fields } = input;
    const draft = {
      ...fields,
      id: context.newId(),
      watcherIds: [...new Set(input.watcherIds)],
      dependsOn: [...new Set(input.dependsOn)],
      progress: 0,
      checklist: checklist.map((text): ChecklistItem => ({ id: context.newId(), text, isDone: false })),
      kanbanRank: await bottomRank(context.db, project.id, input.status),
    };
    const task = await context.writer.insert<Task>('tasks', draft, writeContextOf(context));
    const valid = taskSchema.safeParse(task);
    if (!valid.success) context.log.warn('a created task does not match the task model', { taskId: task.id, issue: valid.error.issues[0]?.message });
    if (task.assigneeId) await noticeAssigned(context, task);
    return ok(task);
  },

  async 'tasks/update'(input, context) {
    const { task, project, refusal } = await editableTask(context, input.id);
    if (refusal) return refusal;
    const { id, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v ?? undefined])) as Partial<Task>;
    const start = 'startDate' in changes ? changes.startDate : task.startDate;
    const due = 'dueDate' in changes ? changes.dueDate : task.dueDate;
    if (start && due && due < start) return datesOutOfOrder();
    if (changes.parentId !== undefined) {
      if (changes.parentId === id) return fail('invalid_input', 'A task cannot be its own parent.', { field: 'parentId' });
      const tasks = await readProjectTasks(context.db, project.id);
      if (!tasks.some((t) => t.id === changes.parentId)) return fail('invalid_input', 'The parent task is not in this project.', { field: 'parentId' });
      if (isInSubtree(id, changes.parentId, tasks)) return fail('invalid_input', `“${task.title}” cannot go under one of its own subtasks.`, { field: 'parentId' });
    }
    const saved = await saveTask(context, task, changes);
    await noticeWatchedChanges(context, [[task, saved]]);
    return ok(saved);
  },

  async 'tasks/assign'(input, context) {
    const { task, refusal } = await editableTask(context, input.id);
    if (refusal) return refusal;
    const refused = await checkPeople(context, input.assigneeId ? [input.assigneeId] : [], 'assigneeId');
    if (refused) return refused;
    if ((task.assigneeId ?? null) === input.assigneeId) return ok(task);
    const saved = await saveTask(context, task, { assigneeId: input.assigneeId ?? undefined });
    if (saved.assigneeId) await noticeAssigned(context, saved);
    await noticeWatchedChanges(context, [[task, saved]]);
    return ok(saved);
  },

  async 'tasks/set-watchers'(input, context) {
    const { task, refusal } = await editableTask(context, input.id);
    if (refusal) return refusal;
    const watcherIds = [...new Set(input.watcherIds)];
    const refused = await checkPeople(context, watcherIds.filter((w) => !task.watcherIds.includes(w)), 'watcherIds');
    if (refused) return refused;
    return ok(await saveTask(context, task, { watcherIds }));
  },

  async 'tasks/watch'(input, context) {
    // Anyone who can see a task may follow it; only unwatching needs nothing else.
    const task = await readTask(context.db, input.id);
    if (!task) return taskGone();
    const me = context.actor.id;
    const watcherIds = input.isWatching ? [...new Set([...task.watcherIds, me])] : task.watcherIds.filter((w) => w !== me);
    return ok(await saveTask(context, task, { watcherIds }));
  },

  async 'tasks/set-progress'(input, context) {
    const { task, refusal } = await editableTask(context, input.id);
    if (refusal) return refusal;
    // The task model's own rule (a done task is 100% complete), the one the sync server's merge keeps too.
    const broken = taskRules.find((rule) => !rule.holds({ ...task, progress: input.progress }));
    if (broken) return fail('invalid_state', `“${task.title}”: ${broken.message}`, { field: broken.path });
    return ok(await saveTask(context, task, { progress: input.progress }));
  },

  async 'tasks/edit-checklist'(input, context) {
    const { task, refusal } = await editableTask(context, input.taskId);
    if (refusal) return refusal;
    const change = input.change;
    if (change.action === 'add') {
      if (task.checklist.length >= 500) return fail('invalid_input', 'A checklist has at most 500 items.', { field: 'text' });
      return ok(await saveTask(context, task, { checklist: [...task.checklist, { id: context.newId(), text: change.text, isDone: false }] }));
    }
    const index = task.checklist.findIndex((c) => c.id === change.itemId);
    if (index < 0) return fail('not_found', 'That checklist item no longer exists.', { field: 'itemId' });
    const checklist = [...task.checklist];
    const item = checklist[index] as ChecklistItem;
    if (change.action === 'rename') checklist[index] = { ...item, text: change.text };
    else if (change.action === 'toggle') checklist[index] = { ...item, isDone: change.isDone };
    else if (change.action === 'remove') checklist.splice(index, 1);
    else {
      checklist.splice(index, 1);
      checklist.splice(Math.min(change.index, checklist.length), 0, item);
    }
    return ok(await saveTask(context, task, { checklist }));
  },

  async 'tasks/remove'(input, context) {
    const { task, project, refusal } = await editableTask(context, input.id);
    if (refusal) return refusal;
    const tasks = await readProjectTasks(context.db, project.id);
    const children = tasks.filter((t) => t.parentId === task.id);
    if (children.length > 0) {
      return fail('invalid_state', `“${task.title}” has ${children.length} subtask${children.length > 1 ? 's' : ''}; remove or move ${children.length > 1 ? 'them' : 'it'} first.`);
    }
    const before = new Map(tasks.map((t) => [t.id, t]));
    const successors = tasks.filter((t) => t.dependsOn.includes(task.id)).map((t) => ({ ...t, dependsOn: t.dependsOn.filter((d) => d !== task.id) }));
    await saveTasks(context, before, successors);
    const milestones = await context.db.plan_items.find({ selector: { projectId: project.id, kind: 'milestone' } }).exec();
    for (const m of milestones) {
      const data = m.get('data') as { linkedTaskIds?: string[] };
      if (!data.linkedTaskIds?.includes(task.id)) continue;
      await context.writer.update('plan_items', m.id, { data: { ...data, linkedTaskIds: data.linkedTaskIds.filter((id) => id !== task.id) } }, writeContextOf(context));
    }
    await softDelete(context, 'tasks', task);
    return ok({ id: task.id });
  },
};

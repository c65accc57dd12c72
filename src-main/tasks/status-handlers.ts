import { fail, ok } from '../../src-shared/core/result';
import { addDependency } from '../../src-shared/tasks/dependencies';
import { moveTask, type KanbanMove } from '../../src-shared/tasks/kanban-move';
import { shiftSuccessors } from '../../src-shared/projects/shift-successors';
import type { Task } from '../../src-shared/tasks/task-model';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { noticeStatusChanged, noticeWatchedChanges } from './task-notices';
import { editableTask, readProjectTasks, saveTask, saveTasks } from './task-store';

type StatusCommands = 'tasks/set-status' | 'tasks/move' | 'tasks/add-dependency' | 'tasks/remove-dependency' | 'tasks/reschedule';

/** Runs a Kanban move (or a plain status change) through the dependency rules and writes what changed. */
async function applyMove(context: CommandContext, move: KanbanMove) {
  const { task, project, refusal } = await editableTask(context, move.taskId);
  if (refusal) return refusal;
  const tasks = await readProjectTasks(context.db, project.id);
  const result = moveTask(tasks, move, project.wipLimits ?? {});
  if (!result.ok) return result;
  const [moved, ...respread] = await saveTasks(context, new Map(tasks.map((t) => [t.id, t])), result.value.changed);
  const saved = moved as Task;
  if (saved.status !== task.status) await noticeStatusChanged(context, saved, task.status);
  return ok({ task: saved, respreadIds: respread.map((t) => t.id), isOverWipLimit: result.value.isOverWipLimit });
}

export const statusCommandHandlers: CommandHandlers<StatusCommands> = {
  async 'tasks/set-status'(input, context) {
    const moved = await applyMove(context, { taskId: input.id, toStatus: input.status });
    return moved.ok ? ok(moved.value.task) : moved;
  },

  'tasks/move': (input, context) =>
    applyMove(context, { taskId: input.id, toStatus: input.toStatus, ...(input.aboveId ? { aboveId: input.aboveId } : {}), ...(input.belowId ? { belowId: input.belowId } : {}) }),

  async 'tasks/add-dependency'(input, context) {
    const { task, project, refusal } = await editableTask(context, input.taskId);
    if (refusal) return refusal;
    const tasks = await readProjectTasks(context.db, project.id);
    if (!tasks.some((t) => t.id === input.dependsOnId)) return fail('invalid_input', 'A task can only depend on tasks of its own project.', { field: 'dependsOn' });
    const added = addDependency(task.id, input.dependsOnId, tasks);
    if (!added.ok) return added;
    return ok(await saveTask(context, task, { dependsOn: added.value.dependsOn }));
  },

  async 'tasks/remove-dependency'(input, context) {
    const { task, refusal } = await editableTask(context, input.taskId);
    if (refusal) return refusal;
    return ok(await saveTask(context, task, { dependsOn: task.dependsOn.filter((d) => d !== input.dependsOnId) }));
  },

  async 'tasks/reschedule'(input, context) {
    const { project, refusal } = await editableTask(context, input.id);
    if (refusal) return refusal;
    const tasks = await readProjectTasks(context.db, project.id);
    const shifted = shiftSuccessors(tasks, input.id, input.startDate, input.dueDate);
    if (!shifted.ok) return shifted;
    const before = new Map(tasks.map((t) => [t.id, t]));
    const changed = await saveTasks(context, before, shifted.value);
    await noticeWatchedChanges(context, changed.flatMap((after) => { const was = before.get(after.id); return was ? [[was, after] as const] : []; }));
    return ok({ changed });
  },
};

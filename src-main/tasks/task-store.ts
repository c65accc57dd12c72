import type { RxDocument } from 'rxdb';
import { fail, type AppError } from '../../src-shared/core/result';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import type { Task } from '../../src-shared/tasks/task-model';
import type { LabDatabase } from '../database/open-database';
import type { CommandContext } from '../host/handler-types';
import { canEditTask } from '../../src-shared/projects/project-access';
import { askerOf, readProject } from '../projects/project-access';
import { writeContextOf } from '../projects/project-access';

// RxDB hands out one document object per stored revision, so converting once per object is
// converting once per change: a board over thousands of tasks re-reads only what changed.
const converted = new WeakMap<object, Task>();

/** The stored task as task-model's `Task`. */
export function toTask(doc: RxDocument<unknown>): Task {
  const cached = converted.get(doc);
  if (cached) return cached;
  const task = doc.toJSON() as Task;
  converted.set(doc, task);
  return task;
}

export async function readTask(db: LabDatabase, id: string): Promise<Task | null> {
  const doc = await db.tasks.findOne(id).exec();
  return doc ? toTask(doc) : null;
}

export async function readProjectTasks(db: LabDatabase, projectId: string): Promise<Task[]> {
  return (await db.tasks.find({ selector: { projectId } }).exec()).map(toTask);
}

export const taskGone = (): { ok: false; error: AppError } => fail('not_found', 'That task no longer exists. It may have been removed on another PC.');

export { canEditTask };

export type Refusal = { ok: false; error: AppError };

/** The task and its project, when the signed-in person may change the task; otherwise the refusal. */
export async function editableTask(context: CommandContext, id: string): Promise<{ task: Task; project: ProjectDocument; refusal?: undefined } | { refusal: Refusal; task?: undefined; project?: undefined }> {
  const task = await readTask(context.db, id);
  if (!task) return { refusal: taskGone() };
  const project = await readProject(context.db, task.projectId);
  if (!project) return { refusal: fail('not_found', 'The task\'s project no longer exists.') };
  if (!canEditTask(task, project, askerOf(context))) {
    return { refusal: fail('forbidden', `Only the assignee, watchers and the ${project.code} team can change “${task.title}”.`) };
  }
  return { task, project };
}

/**
 * Writes changed tasks through the audited writer. `before` holds the stored versions (read in this
 * command); a task equal to its stored version is not written.
 */
export async function saveTasks(context: CommandContext, before: ReadonlyMap<string, Task>, changed: readonly Task[]): Promise<Task[]> {
  const write = writeContextOf(context);
  const saved: Task[] = [];
  for (const task of changed) {
    const stored = before.get(task.id) ?? null;
    if (stored && JSON.stringify(stored) === JSON.stringify(task)) {
      saved.push(stored);
      continue;
    }
    const { createdAt, updatedAt, createdBy, updatedBy, auditId, ...fields } = task;
    void createdAt; void updatedAt; void createdBy; void updatedBy; void auditId;
    saved.push(await context.writer.replace<Task>('tasks', stored, fields, write));
  }
  return saved;
}

/** One task's new fields written through the writer; `undefined` values clear a field. */
export async function saveTask(context: CommandContext, before: Task, changes: Partial<Task>): Promise<Task> {
  const updated = await context.writer.update<Task>('tasks', before.id, changes, writeContextOf(context));
  return updated ?? before;
}

import { ErrorCode } from '../core/error-codes';
import { fail, ok, type Result } from '../core/result';
import type { Task } from '../tasks/task-model';
import { addDays } from './plan-dates';
import type { Milestone } from './plan-item-model';
import { projectCodeSchema, type Project } from './project-model';

/** Who makes the copy and when, for the stored-document fields of everything created. */
export interface CopyStamp {
  at: string;
  by: string;
  auditId: string;
}

export interface ProjectCopyInput {
  project: Project;
  tasks: readonly Task[];
  milestones: readonly Milestone[];
  code: string;
  name: string;
  /** Whole days to move every date by (negative moves earlier). */
  shiftDays: number;
  /** Supplies a fresh id per created record (project, each task, milestone, checklist item and criterion). */
  newId: () => string;
  stamp: CopyStamp;
}

export interface ProjectCopy {
  project: Project;
  tasks: Task[];
  milestones: Milestone[];
  /** Old task and milestone id → new id. */
  idMap: Map<string, string>;
}

/**
 * Copies a project's structure as a template: its tasks and subtasks with their dependencies, and
 * its milestones with their criteria and linked tasks, every date moved by `shiftDays` and every id
 * fresh. The copy is a plan, not a history: statuses go back to the start (project planned, tasks
 * to do, milestones pending), progress to 0, checklist items and criteria to unmet.
 * Cancelled tasks (and their subtasks) are not copied; links to anything not copied are dropped.
 */
export function copyProjectStructure(input: ProjectCopyInput): Result<ProjectCopy> {
  if (!Number.isInteger(input.shiftDays)) return fail(ErrorCode.invalid_input, 'Shift dates by whole days.', { field: 'shiftDays' });
  const code = projectCodeSchema.safeParse(input.code);
  if (!code.success) return fail(ErrorCode.invalid_input, code.error.issues[0]?.message ?? 'Invalid project code.', { field: 'code' });
  const name = input.name.trim();
  if (name === '' || name.length > 200) return fail(ErrorCode.invalid_input, 'Enter a project name of at most 200 characters.', { field: 'name' });

  const { stamp, newId } = input;
  const meta = { createdAt: stamp.at, updatedAt: stamp.at, createdBy: stamp.by, updatedBy: stamp.by, auditId: stamp.auditId };
  // Absent dates stay absent (no `key: undefined`), so copies serialise exactly like hand-made records.
  const shiftDates = <K extends string>(record: Partial<Record<K, string>>, keys: readonly K[]) =>
    Object.fromEntries(keys.flatMap((k) => (record[k] === undefined ? [] : [[k, addDays(record[k] as string, input.shiftDays)]]))) as Partial<Record<K, string>>;

  const project: Project = {
    ...input.project,
    ...meta,
    id: newId(),
    code: code.data,
    name,
    status: 'planned',
    isArchived: false,
    ...shiftDates(input.project, ['startDate', 'endDate']),
  };

  const kept = withoutCancelled(input.tasks.filter((t) => t.projectId === input.project.id));
  const idMap = new Map<string, string>();
  for (const t of kept) idMap.set(t.id, newId());
  const remap = (ids: readonly string[]) => ids.flatMap((id) => (idMap.has(id) ? [idMap.get(id) as string] : []));

  const tasks = kept.map(
    ({ parentId, ...t }): Task => ({
      ...t,
      // A parent that was not copied (another project's task) leaves the subtask top-level.
      ...(parentId !== undefined && idMap.has(parentId) ? { parentId: idMap.get(parentId) } : {}),
      ...meta,
      id: idMap.get(t.id) as string,
      projectId: project.id,
      status: 'todo',
      progress: 0,
      ...shiftDates(t, ['startDate', 'dueDate']),
      checklist: t.checklist.map((c) => ({ ...c, id: newId(), isDone: false })),
      dependsOn: remap(t.dependsOn),
    }),
  );

  const milestones = input.milestones
    .filter((m) => m.projectId === input.project.id)
    .map((m): Milestone => {
      const id = newId();
      idMap.set(m.id, id);
      return {
        ...m,
        ...meta,
        id,
        projectId: project.id,
        data: {
          ...m.data,
          status: 'pending',
          dueDate: addDays(m.data.dueDate, input.shiftDays),
          completionCriteria: m.data.completionCriteria.map((c) => ({ ...c, id: newId(), isMet: false })),
          linkedTaskIds: remap(m.data.linkedTaskIds),
        },
      };
    });

  return ok({ project, tasks, milestones, idMap });
}

/** The tasks minus cancelled ones and everything under them. */
function withoutCancelled(tasks: readonly Task[]): Task[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const isDropped = (t: Task): boolean => {
    const seen = new Set<string>();
    for (let at: Task | undefined = t; at && !seen.has(at.id); at = at.parentId === undefined ? undefined : byId.get(at.parentId)) {
      if (at.status === 'cancelled') return true;
      seen.add(at.id);
    }
    return false;
  };
  return tasks.filter((t) => !isDropped(t));
}

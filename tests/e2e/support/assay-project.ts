import { planDate } from './plan-date';

/** A task of the specs' usual project, its dates in days from today and its predecessor by title. */
export interface PlannedTask {
  title: string;
  from: number;
  to: number;
  after?: string;
  priority?: 'low' | 'medium' | 'high';
  status?: 'backlog' | 'todo';
}

/**
 * The commands that create the project most board, Gantt and accessibility specs start from —
 * "Assay validation" (ASSAY-7) — with `tasks` in it, for `runCommands`. The project is `$0`, the
 * tasks `$1`, `$2`, … in order; `extra` commands follow and may name them the same way.
 */
export function assayValidationProject(tasks: readonly PlannedTask[], extra: ReadonlyArray<{ name: string; input: unknown }> = []): Array<{ name: string; input: unknown }> {
  const ref = (title: string) => {
    const index = tasks.findIndex((t) => t.title === title);
    if (index < 0) throw new Error(`"${title}" is not a task of the project`);
    return `$${index + 1}`;
  };
  return [
    { name: 'projects/create', input: { code: 'ASSAY-7', name: 'Assay validation' } },
    ...tasks.map(({ title, from, to, after, priority, status }) => ({
      name: 'tasks/create',
      input: { projectId: '$0', title, startDate: planDate(from), dueDate: planDate(to), ...(after ? { dependsOn: [ref(after)] } : {}), ...(priority ? { priority } : {}), ...(status ? { status } : {}) },
    })),
    ...extra,
  ];
}

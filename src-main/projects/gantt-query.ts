import { combineLatest, map, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { criticalPath } from '../../src-shared/projects/critical-path';
import { exportGanttCsv } from '../../src-shared/projects/gantt-csv';
import { evaluateMilestone } from '../../src-shared/projects/milestone-status';
import { exportToMermaidGantt } from '../../src-shared/projects/mermaid-gantt';
import type { ExportView, GanttTask, GanttView } from '../../src-shared/projects/plan-views';
import type { Task } from '../../src-shared/tasks/task-model';
import type { QueryHandler } from '../host/handler-types';
import { people$, project$, projectTasks$, settle } from '../tasks/live-sources';
import { taskIndex } from '../tasks/task-rows';
import { askerOf, isProjectMember, localToday } from './project-access';
import { ofKind, planItems$ } from './plan-sources';

/** Tasks in outline order (each task, then its subtasks), siblings by start date then board rank. */
function outline(tasks: readonly Task[]): Array<{ task: Task; depth: number; hasChildren: boolean }> {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string, Task[]>();
  const top: Task[] = [];
  for (const t of tasks) {
    if (t.parentId === undefined || !ids.has(t.parentId)) top.push(t);
    else {
      const siblings = children.get(t.parentId);
      if (siblings) siblings.push(t);
      else children.set(t.parentId, [t]);
    }
  }
  const order = (a: Task, b: Task) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || (a.kanbanRank < b.kanbanRank ? -1 : a.kanbanRank > b.kanbanRank ? 1 : 0);
  const rows: Array<{ task: Task; depth: number; hasChildren: boolean }> = [];
  const seen = new Set<string>();
  const visit = (t: Task, depth: number) => {
    if (seen.has(t.id)) return;
    seen.add(t.id);
    const kids = (children.get(t.id) ?? []).sort(order);
    rows.push({ task: t, depth, hasChildren: kids.length > 0 });
    for (const k of kids) visit(k, depth + 1);
  };
  top.sort(order).forEach((t) => visit(t, 0));
  for (const t of tasks) visit(t, 0); // tasks caught in a parent loop still get a row
  return rows;
}

/**
 * The critical path of the last schedule seen by one subscription. Most changes on a busy board
 * (status, rank, progress, assignee) leave every date and link alone, so the CPM passes — the
 * costliest step at thousands of tasks — run only when a date, a link or the set of tasks changed.
 */
function memoisedCriticalPath() {
  let lastKey = '';
  let last: ReturnType<typeof criticalPath> | null = null;
  return (tasks: readonly Task[]) => {
    const key = tasks.map((t) => `${t.id}|${t.startDate ?? ''}|${t.dueDate ?? ''}|${t.dependsOn.join(',')}`).join(';');
    if (last === null || key !== lastKey) {
      last = criticalPath(tasks);
      lastKey = key;
    }
    return last;
  };
}

/**
 * The Gantt row of each task, kept from one push to the next while its task document (the same
 * object while unchanged, see task-store's toTask) and its derived fields are the same. Unchanged rows
 * are then the same objects, which makes the rebuild cheap and lets the live-query diff skip them
 * by identity instead of comparing them field by field.
 */
function memoisedRows() {
  let last = new Map<string, GanttTask>();
  const sources = new WeakMap<GanttTask, Task>();
  return (entries: ReturnType<typeof outline>, fieldsOf: (t: Task) => Pick<GanttTask, 'progress' | 'isCritical' | 'slackDays'>): GanttTask[] => {
    const next = new Map<string, GanttTask>();
    const rows = entries.map(({ task: t, depth, hasChildren }): GanttTask => {
      const { progress, isCritical, slackDays } = fieldsOf(t);
      const old = last.get(t.id);
      if (old && sources.get(old) === t && old.depth === depth && old.hasChildren === hasChildren && old.progress === progress && old.isCritical === isCritical && old.slackDays === slackDays) {
        next.set(t.id, old);
        return old;
      }
      const row: GanttTask = {
        id: t.id, title: t.title, depth, hasChildren, status: t.status, priority: t.priority, progress, dependsOn: t.dependsOn, isCritical, slackDays,
        ...(t.parentId ? { parentId: t.parentId } : {}), ...(t.assigneeId ? { assigneeId: t.assigneeId } : {}),
        ...(t.startDate ? { startDate: t.startDate } : {}), ...(t.dueDate ? { dueDate: t.dueDate } : {}),
      };
      sources.set(row, t);
      next.set(t.id, row);
      return row;
    });
    last = next;
    return rows;
  };
}

/** `projects/gantt`: the spec's generate_project_gantt, live. Cancelled tasks are left off the chart. */
export const ganttQuery: QueryHandler<'projects/gantt'> = (input, context): Observable<Result<GanttView>> => {
  const pathOf = memoisedCriticalPath();
  const rowsOf = memoisedRows();
  return combineLatest([project$(context.db, input.projectId), projectTasks$(context.db, input.projectId), planItems$(context.db, input.projectId, 'milestone')]).pipe(
    settle(),
    map(([project, all, items]) => {
      if (!project) return fail('not_found', 'That project no longer exists.');
      const tasks = all.filter((t) => t.status !== 'cancelled');
      const index = taskIndex(all);
      const path = pathOf(tasks);
      const schedule = new Map(path.ok ? path.value.schedule.map((s) => [s.taskId, s]) : []);
      const today = localToday(context.clock());
      const rows = rowsOf(outline(tasks), (t) => ({ progress: index.progressOf(t), isCritical: schedule.get(t.id)?.isCritical ?? false, slackDays: schedule.get(t.id)?.slackDays ?? null }));
      const live = new Set(tasks.map((t) => t.id));
      return ok({
        projectId: project.id,
        projectStart: path.ok ? path.value.projectStart : null,
        projectFinish: path.ok ? path.value.projectFinish : null,
        tasks: rows,
        milestones: ofKind(items, 'milestone').map((m) => ({ id: m.id, title: m.title, dueDate: m.data.dueDate, status: evaluateMilestone(m, all, today).status })),
        dependencies: tasks.flatMap((t) => t.dependsOn.filter((d) => live.has(d)).map((fromId) => ({ fromId, toId: t.id }))),
        criticalPath: path.ok ? path.value.criticalPath : [],
        criticalTaskIds: path.ok ? path.value.criticalTaskIds : [],
        unscheduledTaskIds: path.ok ? path.value.unscheduledTaskIds : [],
        problem: path.ok ? null : path.error.message,
        canEdit: isProjectMember(project, askerOf(context)),
      });
    }),
  );
};

/** `projects/export`: Mermaid gantt text or CSV of the plan, live so a preview stays current. */
export const exportQuery: QueryHandler<'projects/export'> = (input, context): Observable<Result<ExportView>> =>
  combineLatest([project$(context.db, input.projectId), projectTasks$(context.db, input.projectId), planItems$(context.db, input.projectId, 'milestone'), people$(context.db)]).pipe(
    settle(),
    map(([project, tasks, items, people]) => {
      if (!project) return fail('not_found', 'That project no longer exists.');
      if (input.format === 'mermaid') {
        const text = exportToMermaidGantt({ project, tasks, milestones: ofKind(items, 'milestone') });
        return ok({ fileName: `${project.code}-gantt.mmd`, mimeType: 'text/plain' as const, text });
      }
      const text = exportGanttCsv({ tasks, people: [...people.values()].map((p) => ({ id: p.id, name: p.name })) });
      return ok({ fileName: `${project.code}-plan.csv`, mimeType: 'text/csv' as const, text });
    }),
  );

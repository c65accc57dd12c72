import { createProgressRollup } from '../tasks/rollup';
import type { Task } from '../tasks/task-model';
import { daysBetween } from './plan-dates';

export interface GanttCsvInput {
  tasks: readonly Task[];
  /** To write names instead of ids in the assignee column. */
  people?: ReadonlyArray<{ id: string; name: string }>;
}

const HEADER = ['id', 'title', 'parent_id', 'assignee', 'status', 'priority', 'start_date', 'due_date', 'duration_days', 'progress', 'estimate_hours', 'depends_on'];

/**
 * The plan as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line
 * break in double quotes, quotes doubled). Tasks come in outline order: each task followed by its
 * subtasks, siblings by start date. Progress is rolled up from subtasks. `depends_on` lists
 * predecessor ids separated by ';'.
 *
 * A cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading apostrophe, so opening an export cannot execute text someone typed into a task title.
 */
export function exportGanttCsv({ tasks, people = [] }: GanttCsvInput): string {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const progress = createProgressRollup(tasks);
  const rows = outlineOrder(tasks).map((t) => [
    t.id,
    t.title,
    t.parentId ?? '',
    t.assigneeId === undefined ? '' : (names.get(t.assigneeId) ?? t.assigneeId),
    t.status,
    t.priority,
    t.startDate ?? '',
    t.dueDate ?? '',
    t.startDate !== undefined && t.dueDate !== undefined ? String(daysBetween(t.startDate, t.dueDate) + 1) : '',
    String(Math.round(progress.progressOf(t))),
    t.estimateHours === undefined ? '' : String(t.estimateHours),
    t.dependsOn.join(';'),
  ]);
  return [HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One CSV field, quoted when RFC 4180 requires it and defused when a spreadsheet would run it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function outlineOrder(tasks: readonly Task[]): Task[] {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string, Task[]>();
  const top: Task[] = [];
  for (const t of tasks) {
    if (t.parentId === undefined || !ids.has(t.parentId)) top.push(t);
    else {
      const list = children.get(t.parentId);
      if (list) list.push(t);
      else children.set(t.parentId, [t]);
    }
  }
  const byPlan = (a: Task, b: Task) => order(a.startDate ?? '9999', b.startDate ?? '9999') || order(a.kanbanRank, b.kanbanRank) || order(a.id, b.id);
  const out: Task[] = [];
  const seen = new Set<string>();
  const visit = (t: Task) => {
    if (seen.has(t.id)) return;
    seen.add(t.id);
    out.push(t);
    for (const c of (children.get(t.id) ?? []).sort(byPlan)) visit(c);
  };
  top.sort(byPlan).forEach(visit);
  // Tasks caught in a parent loop are reachable from no top-level task; they still belong in the export.
  for (const t of tasks) visit(t);
  return out;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

import type { Task } from '../tasks/task-model';
import { criticalPath } from './critical-path';
import { daysBetween } from './plan-dates';
import type { Milestone } from './plan-item-model';
import type { Project } from './project-model';

export interface MermaidGanttInput {
  project: Pick<Project, 'code' | 'name'>;
  tasks: readonly Task[];
  milestones?: readonly Milestone[];
}

/**
 * The spec's `export_to_mermaid_gantt(project_id)`: the project plan as Mermaid gantt text.
 * The spec names the export but shows no output, so this follows Mermaid's documented gantt
 * syntax: `title`, `dateFormat YYYY-MM-DD`, sections, and task lines `Title :tags, id, start, Nd`.
 *
 * - Top-level tasks without subtasks go in a "Tasks" section; each task with subtasks gets its own
 *   section (itself, then its subtasks depth-first). Milestones close the chart in "Milestones".
 * - Durations are written in days (`3d`) because Mermaid reads an end date as exclusive while our
 *   due dates are inclusive.
 * - Tags: `crit` on the critical path, `done` for done tasks, `active` for tasks in progress or review.
 * - Cancelled tasks are left out; tasks without both dates are counted in a comment.
 * - Ids are `t1`, `t2`… in output order, so the text does not leak record ids and stays stable.
 */
export function exportToMermaidGantt({ project, tasks, milestones = [] }: MermaidGanttInput): string {
  const live = tasks.filter((t) => t.status !== 'cancelled');
  const dated = live.filter((t) => t.startDate !== undefined && t.dueDate !== undefined);
  const path = criticalPath(live);
  const critical = new Set(path.ok ? path.value.criticalTaskIds : []);

  const ids = new Set(live.map((t) => t.id));
  const children = new Map<string, Task[]>();
  for (const t of live) {
    if (t.parentId === undefined || !ids.has(t.parentId)) continue;
    const list = children.get(t.parentId);
    if (list) list.push(t);
    else children.set(t.parentId, [t]);
  }
  const byPlan = (a: Task, b: Task) => compare(a.startDate ?? '9999', b.startDate ?? '9999') || compare(a.kanbanRank, b.kanbanRank) || compare(a.id, b.id);
  const topLevel = live.filter((t) => t.parentId === undefined || !ids.has(t.parentId)).sort(byPlan);

  const lines = ['gantt', `    title ${mermaidText(`${project.code} – ${project.name}`)}`, '    dateFormat YYYY-MM-DD'];
  const hidden = live.length - dated.length;
  if (hidden > 0) lines.push(`    %% ${hidden} task${hidden > 1 ? 's' : ''} without start and due dates not shown`);

  let next = 0;
  const taskLine = (t: Task) => {
    if (t.startDate === undefined || t.dueDate === undefined) return;
    const tags = [critical.has(t.id) ? 'crit' : '', t.status === 'done' ? 'done' : t.status === 'in_progress' || t.status === 'in_review' ? 'active' : ''].filter(Boolean);
    lines.push(`    ${mermaidText(t.title)} :${[...tags, `t${++next}`, t.startDate, `${daysBetween(t.startDate, t.dueDate) + 1}d`].join(', ')}`);
  };
  const subtree = (t: Task, seen: Set<string>) => {
    if (seen.has(t.id)) return; // a parent loop in bad data must not recurse forever
    seen.add(t.id);
    taskLine(t);
    for (const c of (children.get(t.id) ?? []).sort(byPlan)) subtree(c, seen);
  };

  const leaves = topLevel.filter((t) => !children.has(t.id) && t.startDate !== undefined && t.dueDate !== undefined);
  if (leaves.length > 0) {
    lines.push('    section Tasks');
    leaves.forEach(taskLine);
  }
  const seen = new Set<string>();
  for (const summary of topLevel.filter((t) => children.has(t.id))) {
    const before = lines.length;
    lines.push(`    section ${mermaidText(summary.title)}`);
    subtree(summary, seen);
    if (lines.length === before + 1) lines.pop(); // nothing in it had dates
  }

  const dueMilestones = [...milestones].sort((a, b) => compare(a.data.dueDate, b.data.dueDate) || compare(a.id, b.id));
  if (dueMilestones.length > 0) {
    lines.push('    section Milestones');
    dueMilestones.forEach((m, i) => {
      const tags = ['milestone', ...(m.data.status === 'reached' ? ['done'] : [])];
      lines.push(`    ${mermaidText(m.title)} :${[...tags, `m${i + 1}`, m.data.dueDate, '0d'].join(', ')}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Words Mermaid's gantt lexer takes as statements when a line starts with them (case-insensitive).
const KEYWORD_START =
  /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|title|accdescription|acctitle|accdescr|section|click|href|call|\d{4}-\d\d-\d\d)/i;

/**
 * Makes free text safe inside one gantt statement. Mermaid decodes `#<code>;` entity codes before
 * parsing, so ':' (separates title from data), ';' (ends a statement), '#' and '%' (start comments)
 * are written as codes and still render as themselves. Line breaks become spaces, and a first
 * word the lexer would read as a keyword gets its first letter encoded.
 */
export function mermaidText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim() || '(untitled)';
  const escaped = flat.replace(/[#:;%]/g, (c) => `#${c.charCodeAt(0)};`);
  return KEYWORD_START.test(escaped) ? `#${escaped.charCodeAt(0)};${escaped.slice(1)}` : escaped;
}

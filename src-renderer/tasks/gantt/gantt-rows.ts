import type { Task as BarTask } from 'gantt-task-react';
import type { GanttTask, GanttView } from '../../../src-shared/projects/plan-views';
import { dueToBarEnd, planDateToLocal } from './gantt-geometry';
import type { GanttPalette } from './gantt-theme';

export type GanttMilestone = GanttView['milestones'][number];

/** One row of the chart: a task (with or without dates) or a milestone, with what gantt-task-react draws for it. */
export interface GanttRow {
  id: string;
  /** `group`: the heading row above the milestones (collapsible like a task with subtasks). */
  kind: 'task' | 'milestone' | 'group';
  title: string;
  depth: number;
  hasChildren: boolean;
  /** Plan dates ('YYYY-MM-DD'); a milestone has its due date in both. */
  start: string | undefined;
  due: string | undefined;
  progress: number;
  isCritical: boolean;
  task: GanttTask | null;
  milestone: GanttMilestone | null;
  /** What the library draws; null for a task without dates (the chart puts an invisible placeholder in its row). */
  bar: BarTask | null;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The host sends a fresh view on every change; equal rows keep their old objects so nothing downstream redraws them. */
function sameTask(a: GanttTask, b: GanttTask): boolean {
  return a.title === b.title && a.depth === b.depth && a.hasChildren === b.hasChildren && a.status === b.status && a.priority === b.priority
    && a.startDate === b.startDate && a.dueDate === b.dueDate && a.progress === b.progress && a.isCritical === b.isCritical
    && a.slackDays === b.slackDays && a.assigneeId === b.assigneeId && a.parentId === b.parentId && sameList(a.dependsOn, b.dependsOn);
}

const sameMilestone = (a: GanttMilestone, b: GanttMilestone) => a.title === b.title && a.dueDate === b.dueDate && a.status === b.status;

const transparent = { backgroundColor: 'transparent', backgroundSelectedColor: 'transparent', progressColor: 'transparent', progressSelectedColor: 'transparent' };

function taskBar(t: GanttTask, palette: GanttPalette): BarTask | null {
  if (t.startDate === undefined || t.dueDate === undefined) return null;
  const colours = t.isCritical && palette.isCriticalShown ? palette.critical : t.status === 'done' ? palette.done : palette.normal;
  return {
    id: t.id,
    type: t.hasChildren ? 'project' : 'task',
    name: t.title,
    start: planDateToLocal(t.startDate),
    end: dueToBarEnd(t.dueDate),
    progress: t.progress,
    dependencies: t.dependsOn,
    isDisabled: !palette.canEdit,
    styles: t.hasChildren ? palette.summary : colours,
  };
}

function milestoneBar(m: GanttMilestone, palette: GanttPalette): BarTask {
  const day = planDateToLocal(m.dueDate);
  // In the middle of its day, so the diamond sits in the due date's column in every zoom.
  const at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 12);
  const colours = m.status === 'reached' ? palette.done : m.status === 'missed' ? palette.critical : palette.milestone;
  return { id: m.id, type: 'milestone', name: m.title, start: at, end: at, progress: 0, isDisabled: true, styles: colours };
}

/** Id of the heading row above the milestones. */
export const MILESTONE_GROUP = '__milestones__';

interface Cached {
  source: GanttTask | GanttMilestone;
  row: GanttRow;
  /** The build that last saw this id; older entries are dropped. */
  seen: number;
}

/**
 * Turns each pushed view into rows, reusing the row object of every task that did not change, so a
 * change to one task produces one new row. A new palette (theme, critical-path toggle, editing
 * rights) starts the cache afresh. Entries are updated in place: at 10,000 tasks a push should
 * allocate for what changed, not for every row.
 */
export function createRowBuilder() {
  const cache = new Map<string, Cached>();
  let cachedPalette: GanttPalette | null = null;
  let build = 0;

  return function buildRows(view: GanttView, palette: GanttPalette): GanttRow[] {
    if (palette !== cachedPalette) {
      cache.clear();
      cachedPalette = palette;
    }
    build++;
    const rows: GanttRow[] = [];
    const keep = <S extends GanttTask | GanttMilestone>(id: string, source: S, isSame: (old: S) => boolean, make: () => GanttRow) => {
      const entry = cache.get(id);
      if (entry && isSame(entry.source as S)) {
        entry.seen = build;
      } else if (entry) {
        entry.source = source;
        entry.row = make();
        entry.seen = build;
      } else {
        cache.set(id, { source, row: make(), seen: build });
      }
      rows.push((cache.get(id) as Cached).row);
    };

    if (view.milestones.length > 0) {
      const title = `Milestones (${view.milestones.length})`;
      keep(MILESTONE_GROUP, view.milestones[0] as GanttMilestone, () => cache.get(MILESTONE_GROUP)?.row.title === title, () => ({
        id: MILESTONE_GROUP, kind: 'group', title, depth: 0, hasChildren: true, start: undefined, due: undefined, progress: 0,
        isCritical: false, task: null, milestone: null, bar: null,
      }));
    }
    for (const m of [...view.milestones].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))) {
      keep(m.id, m, (old) => sameMilestone(old, m), () => ({
        id: m.id, kind: 'milestone', title: m.title, depth: 1, hasChildren: false, start: m.dueDate, due: m.dueDate, progress: 0,
        isCritical: false, task: null, milestone: m, bar: milestoneBar(m, palette),
      }));
    }
    // The hot loop (every task on every push) without the helper's closures.
    for (const t of view.tasks) {
      const entry = cache.get(t.id);
      // Live-query patches hand back the very object of a task that did not change: no field compare.
      if (entry && entry.row.kind === 'task' && (entry.source === t || sameTask(entry.source as GanttTask, t))) {
        entry.seen = build;
        rows.push(entry.row);
        continue;
      }
      const row: GanttRow = {
        id: t.id, kind: 'task', title: t.title, depth: t.depth, hasChildren: t.hasChildren, start: t.startDate, due: t.dueDate,
        progress: t.progress, isCritical: t.isCritical, task: t, milestone: null, bar: taskBar(t, palette),
      };
      cache.set(t.id, { source: t, row, seen: build });
      rows.push(row);
    }
    if (cache.size > rows.length) for (const [id, entry] of cache) if (entry.seen !== build) cache.delete(id);
    return rows;
  };
}

/** The plan's first and last day over every row (milestones included); null when nothing has dates. */
export function planRange(view: GanttView): { start: string; end: string } | null {
  let start: string | null = null;
  let end: string | null = null;
  const take = (from: string | undefined, to: string | undefined) => {
    if (from === undefined || to === undefined) return;
    if (start === null || from < start) start = from;
    if (end === null || to > end) end = to;
  };
  for (const t of view.tasks) take(t.startDate, t.dueDate);
  for (const m of view.milestones) take(m.dueDate, m.dueDate);
  return start !== null && end !== null ? { start, end } : null;
}

// Per tile anchor (a tile whose dates change gets a new one): the same placeholder object for a row every time.
const placeholders = new WeakMap<BarTask, Map<string, BarTask>>();

/**
 * An invisible bar for a row without dates: the library lays rows out by position, so every row
 * needs a bar. It sits on its tile's first day (inside that instance's column grid) and has an id
 * of its own, so no dependency arrow is drawn to it.
 */
export function placeholderBar(rowId: string, anchor: BarTask): BarTask {
  let forAnchor = placeholders.get(anchor);
  if (!forAnchor) placeholders.set(anchor, (forAnchor = new Map()));
  let bar = forAnchor.get(rowId);
  if (!bar) {
    bar = { id: `${rowId}:placeholder`, type: 'task', name: '', start: anchor.start, end: anchor.start, progress: 0, isDisabled: true, styles: transparent };
    forAnchor.set(rowId, bar);
  }
  return bar;
}

/** Rows minus the subtasks of collapsed tasks (rows come in outline order). */
export function visibleRows(rows: readonly GanttRow[], collapsed: ReadonlySet<string>): GanttRow[] {
  if (collapsed.size === 0) return rows as GanttRow[];
  const out: GanttRow[] = [];
  let hideDeeperThan = Infinity;
  for (const row of rows) {
    if (row.depth > hideDeeperThan) continue;
    hideDeeperThan = row.hasChildren && collapsed.has(row.id) ? row.depth : Infinity;
    out.push(row);
  }
  return out;
}

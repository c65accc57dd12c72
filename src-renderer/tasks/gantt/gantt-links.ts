import type { Task as BarTask } from 'gantt-task-react';
import type { ChartScale } from './gantt-geometry';
import type { GanttRow } from './gantt-rows';

/** Layout constants shared with the props given to gantt-task-react. */
export const ROW_HEIGHT = 36;
export const BAR_FILL = 60;
export const TASK_HEIGHT = (ROW_HEIGHT * BAR_FILL) / 100;
export const HANDLE_WIDTH = 8;
export const ARROW_INDENT = 20;

export interface LinkPath {
  key: string;
  path: string;
  triangle: string;
}

interface BarBox {
  x1: number;
  x2: number;
  y: number;
  index: number;
}

// Bars keep their objects while unchanged, so their x extent is worked out once per scale.
const extents = new WeakMap<ChartScale, WeakMap<BarTask, [number, number]>>();

/** x extent of a bar as the library computes it (short bars are widened to hold both handles). */
function xExtent(bar: BarTask, scale: ChartScale): [number, number] {
  let forScale = extents.get(scale);
  if (!forScale) extents.set(scale, (forScale = new WeakMap()));
  const known = forScale.get(bar);
  if (known) return known;
  let x1 = scale.xOf(bar.start);
  let x2 = scale.xOf(bar.end);
  if (bar.type === 'milestone') {
    x1 -= TASK_HEIGHT / 2;
    x2 = x1 + TASK_HEIGHT;
  } else if (bar.type === 'task' && x2 - x1 < HANDLE_WIDTH * 2) {
    x2 = x1 + HANDLE_WIDTH * 2;
  }
  const extent: [number, number] = [x1, x2];
  forScale.set(bar, extent);
  return extent;
}

function box(bar: BarTask, index: number, scale: ChartScale, top: number): BarBox {
  const [x1, x2] = xExtent(bar, scale);
  return { x1, x2, y: (index - top) * ROW_HEIGHT + (ROW_HEIGHT - TASK_HEIGHT) / 2, index };
}

/** gantt-task-react's finish-to-start arrow (drownPathAndTriangle), so arrows drawn here match its own. */
function arrow(from: BarBox, to: BarBox): Omit<LinkPath, 'key'> {
  const direction = from.index > to.index ? -1 : 1;
  const toY = to.y + TASK_HEIGHT / 2;
  const fromEnd = from.x2 + ARROW_INDENT * 2;
  const across = fromEnd < to.x1 ? '' : `H ${to.x1 - ARROW_INDENT}`;
  const into = fromEnd > to.x1 ? ARROW_INDENT : to.x1 - from.x2 - ARROW_INDENT;
  return {
    path: `M ${from.x2} ${from.y + TASK_HEIGHT / 2} h ${ARROW_INDENT} v ${(direction * ROW_HEIGHT) / 2} ${across} V ${toY} h ${into}`,
    triangle: `${to.x1},${toY} ${to.x1 - 5},${toY - 5} ${to.x1 - 5},${toY + 5}`,
  };
}

/**
 * The arrows gantt-task-react cannot draw: each tile is its own instance and draws only links
 * between its own rows, so every other link with a dated task at each end whose span crosses the
 * rendered rows (`start` to `end`, exclusive) is drawn here. Coordinates are relative to row `start`.
 */
export function crossingLinks(
  links: ReadonlyArray<{ fromId: string; toId: string }>,
  rowIndex: ReadonlyMap<string, number>,
  rows: readonly GanttRow[],
  start: number,
  end: number,
  tileRows: number,
  scale: ChartScale,
): LinkPath[] {
  const out: LinkPath[] = [];
  for (const { fromId, toId } of links) {
    const fi = rowIndex.get(fromId);
    const ti = rowIndex.get(toId);
    if (fi === undefined || ti === undefined) continue;
    if (Math.max(fi, ti) < start || Math.min(fi, ti) >= end) continue; // nowhere near the rendered rows
    if (Math.floor(fi / tileRows) === Math.floor(ti / tileRows)) continue; // its tile draws it
    const from = rows[fi]?.bar;
    const to = rows[ti]?.bar;
    if (!from || !to) continue;
    out.push({ key: `${fromId}>${toId}`, ...arrow(box(from, fi, scale, start), box(to, ti, scale, start)) });
  }
  return out;
}

import type { Task as BarTask } from 'gantt-task-react';
import { columnDates, type ChartScale, type Zoom } from './gantt-geometry';

/** Rows per tile: each tile is one gantt-task-react instance, mounted when it nears the view. */
export const TILE_ROWS = 16;

/** Days of room on each side of a tile's bars, so a bar can be dragged a fair way within its tile. */
const PAD_DAYS: Record<Zoom, number> = { day: 28, week: 56, month: 92 };

const shift = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** The first and last moment of some bars, widened by the zoom's padding; null when there are none. */
export function paddedSpan(bars: ReadonlyArray<Pick<BarTask, 'start' | 'end'>>, zoom: Zoom): { start: Date; end: Date } | null {
  let start: Date | null = null;
  let end: Date | null = null;
  for (const bar of bars) {
    if (start === null || bar.start < start) start = bar.start;
    if (end === null || bar.end > end) end = bar.end;
  }
  if (start === null || end === null) return null;
  return { start: shift(start, -PAD_DAYS[zoom]), end: shift(end, PAD_DAYS[zoom]) };
}

const transparent = { backgroundColor: 'transparent', backgroundSelectedColor: 'transparent', progressColor: 'transparent', progressSelectedColor: 'transparent' };

/**
 * The invisible task fed last to a tile's library instance: its span fixes the instance's column
 * grid to the tile's own dates (plus padding), whichever rows change.
 */
export function tileAnchor(span: { start: Date; end: Date }): BarTask {
  return { id: '__tile_anchor__', type: 'task', name: '', start: span.start, end: span.end, progress: 0, isDisabled: true, styles: transparent };
}

/** Where a tile's own grid starts on the whole chart: its first column is one of the chart's columns. */
export function tileLeft(anchor: BarTask, zoom: Zoom, scale: ChartScale): number {
  return scale.xOf(columnDates(anchor.start, anchor.end, zoom)[0] as Date);
}

import { ViewMode } from 'gantt-task-react';

/**
 * Where things sit on the Gantt chart. gantt-task-react lays bars out on a column grid it derives
 * from the tasks it is given; the chart feeds it only the visible rows, so it also gives it one
 * invisible "anchor" task spanning the whole plan. The grid then depends on the plan's first and
 * last day only, and this module reproduces it (gantt-task-react 0.3.9's ganttDateRange, seedDates
 * and taskXCoordinate) to draw what the library does not see: the calendar header and the
 * dependency arrows that leave the visible rows.
 *
 * The library works in local time; planning dates have no zone, so a plan date is its local midnight.
 */

export type Zoom = 'day' | 'week' | 'month';

export const zoomSettings: Record<Zoom, { viewMode: ViewMode; columnWidth: number; label: string }> = {
  day: { viewMode: ViewMode.Day, columnWidth: 34, label: 'Day' },
  week: { viewMode: ViewMode.Week, columnWidth: 84, label: 'Week' },
  month: { viewMode: ViewMode.Month, columnWidth: 132, label: 'Month' },
};

/** Columns before the plan's first day, as gantt-task-react's `preStepsCount`. */
export const PRE_STEPS = 1;
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' as local midnight. */
export function planDateToLocal(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The planning day a chart time falls on, rounded to the nearest midnight (drags step in whole days, DST shifts an hour). */
export function localToPlanDate(time: Date): string {
  const rounded = new Date(time.getTime() + DAY_MS / 2);
  const y = rounded.getFullYear();
  const m = String(rounded.getMonth() + 1).padStart(2, '0');
  const d = String(rounded.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** A task's bar ends at the midnight after its inclusive due date. */
export const dueToBarEnd = (dueDate: string): Date => {
  const end = planDateToLocal(dueDate);
  return new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1);
};

/** The inclusive due date of a bar that ends at `end`. */
export const barEndToDue = (end: Date): string => localToPlanDate(new Date(end.getTime() - DAY_MS));

const addTo = (date: Date, quantity: number, scale: 'year' | 'month' | 'day') =>
  new Date(
    date.getFullYear() + (scale === 'year' ? quantity : 0),
    date.getMonth() + (scale === 'month' ? quantity : 0),
    date.getDate() + (scale === 'day' ? quantity : 0),
  );
const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
const mondayOf = (date: Date) => {
  const day = date.getDay();
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - day + (day === 0 ? -6 : 1));
};

/** The column boundaries gantt-task-react uses for a plan from `start` to `end` (its ganttDateRange + seedDates). */
export function columnDates(start: Date, end: Date, zoom: Zoom): Date[] {
  let first: Date;
  let last: Date;
  if (zoom === 'month') {
    first = addTo(start, -PRE_STEPS, 'month');
    first = new Date(first.getFullYear(), first.getMonth(), 1);
    last = new Date(end.getFullYear() + 1, 0, 1);
  } else if (zoom === 'week') {
    first = addTo(mondayOf(startOfDay(start)), -7 * PRE_STEPS, 'day');
    // The library adds "1.5 months"; Date truncates the fraction, so it is one month.
    last = addTo(startOfDay(end), 1, 'month');
  } else {
    first = addTo(startOfDay(start), -PRE_STEPS, 'day');
    last = addTo(startOfDay(end), 19, 'day');
  }
  const step = zoom === 'month' ? (d: Date) => addTo(d, 1, 'month') : (d: Date) => addTo(d, zoom === 'week' ? 7 : 1, 'day');
  const dates = [first];
  for (let current = first; current < last; ) {
    current = step(current);
    dates.push(current);
  }
  return dates;
}

export interface ChartScale {
  zoom: Zoom;
  dates: Date[];
  columnWidth: number;
  width: number;
  /** x of a moment, as the library computes it. */
  xOf(time: Date): number;
  /** The column a moment falls in. */
  columnOf(time: Date): number;
}

export function chartScale(start: Date, end: Date, zoom: Zoom): ChartScale {
  const dates = columnDates(start, end, zoom);
  const times = dates.map((d) => d.getTime());
  const { columnWidth } = zoomSettings[zoom];
  const columnOf = (time: Date) => {
    const t = time.getTime();
    // Binary search for the last boundary at or before t (the library scans linearly: same answer).
    let lo = 0;
    let hi = times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((times[mid] as number) < t) lo = mid;
      else hi = mid - 1;
    }
    return Math.min(lo, times.length - 2);
  };
  const xOf = (time: Date) => {
    const index = columnOf(time);
    const from = times[index] as number;
    const to = times[index + 1] as number;
    return index * columnWidth + ((time.getTime() - from) / (to - from)) * columnWidth;
  };
  return { zoom, dates, columnWidth, width: dates.length * columnWidth, xOf, columnOf };
}

/** The moment at x (the inverse of `xOf`), to keep the same date in view when the zoom changes. */
export function timeAt(scale: ChartScale, x: number): Date {
  const column = Math.max(0, Math.min(scale.dates.length - 2, Math.floor(x / scale.columnWidth)));
  const from = (scale.dates[column] as Date).getTime();
  const to = (scale.dates[column + 1] as Date).getTime();
  return new Date(from + ((x - column * scale.columnWidth) / scale.columnWidth) * (to - from));
}

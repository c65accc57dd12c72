import { alpha, type Theme } from '@mui/material/styles';
import type { ChartScale } from './gantt-geometry';
import { ROW_HEIGHT } from './gantt-links';

/**
 * The chart's grid — row stripes and lines, column lines, weekends in the day zoom — as CSS
 * backgrounds of the bar area: no elements, however many rows and days. gantt-task-react's own grid
 * is hidden (each tile's instance only spans its own dates, see gantt-tiles).
 */
export function gridBackground(theme: Theme, scale: ChartScale): { backgroundImage: string; backgroundPosition: string } {
  const line = alpha(theme.palette.text.primary, 0.07);
  const columnLine = alpha(theme.palette.text.primary, 0.06);
  const stripe = alpha(theme.palette.text.primary, theme.palette.mode === 'dark' ? 0.035 : 0.022);
  const weekend = alpha(theme.palette.text.primary, theme.palette.mode === 'dark' ? 0.045 : 0.035);
  const w = scale.columnWidth;
  const r = ROW_HEIGHT;
  const layers = [
    `repeating-linear-gradient(to right, ${columnLine} 0 1px, transparent 1px ${w}px)`,
    `repeating-linear-gradient(to bottom, transparent 0 ${r - 1}px, ${line} ${r - 1}px ${r}px, ${stripe} ${r}px ${2 * r - 1}px, ${line} ${2 * r - 1}px ${2 * r}px)`,
  ];
  const positions = ['0 0', '0 0'];
  if (scale.zoom === 'day') {
    // Saturday and Sunday: a band two columns wide every seven, shifted to the first Saturday.
    const firstDay = (scale.dates[0] as Date).getDay();
    const saturday = (6 - firstDay + 7) % 7;
    layers.push(`repeating-linear-gradient(to right, ${weekend} 0 ${2 * w}px, transparent ${2 * w}px ${7 * w}px)`);
    positions.push(`${saturday * w}px 0`);
  }
  return { backgroundImage: layers.join(', '), backgroundPosition: positions.join(', ') };
}

/** The column holding today (the library's "today" band), or null when today is off the chart. */
export function todayColumn(scale: ChartScale, now: Date): { left: number; width: number } | null {
  const first = scale.dates[0] as Date;
  const last = scale.dates[scale.dates.length - 1] as Date;
  if (now < first || now >= last) return null;
  const column = scale.columnOf(now);
  return { left: column * scale.columnWidth, width: scale.columnWidth };
}

import { useTheme } from '@mui/material/styles';
import { memo, useMemo } from 'react';
import type { ChartScale } from './gantt-geometry';

export const HEADER_HEIGHT = 52;

const monthYear = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const monthShort = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const monthLong = new Intl.DateTimeFormat(undefined, { month: 'long' });
const weekdayNarrow = new Intl.DateTimeFormat(undefined, { weekday: 'narrow' });

/** ISO-8601 week number of a local date (weeks start on Monday; week 1 holds the year's first Thursday). */
function isoWeek(date: Date): number {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  return Math.ceil(((day.getTime() - Date.UTC(day.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
}

interface Group {
  x: number;
  label: string;
}

function labels(scale: ChartScale): { groups: Group[]; columns: string[]; weekends: number[] } {
  const { dates, zoom } = scale;
  const groups: Group[] = [];
  const columns: string[] = [];
  const weekends: number[] = [];
  // The last boundary only closes the grid; it starts no column of its own.
  for (let i = 0; i < dates.length - 1; i++) {
    const d = dates[i] as Date;
    const previous = dates[i - 1];
    if (zoom === 'month') {
      if (!previous || previous.getFullYear() !== d.getFullYear()) groups.push({ x: i * scale.columnWidth, label: String(d.getFullYear()) });
      columns.push(monthLong.format(d));
    } else {
      if (!previous || previous.getMonth() !== d.getMonth()) groups.push({ x: i * scale.columnWidth, label: monthYear.format(d) });
      if (zoom === 'week') columns.push(`W${isoWeek(d)} · ${monthShort.format(d)}`);
      else {
        columns.push(`${weekdayNarrow.format(d)} ${d.getDate()}`);
        if (d.getDay() === 0 || d.getDay() === 6) weekends.push(i);
      }
    }
  }
  return { groups, columns, weekends };
}

/** The calendar above the chart: months (or years) on top, one label per column below. Drawn once per zoom. */
export const GanttHeader = memo(function GanttHeader({ scale }: { scale: ChartScale }) {
  const theme = useTheme();
  const { groups, columns, weekends } = useMemo(() => labels(scale), [scale]);
  const half = HEADER_HEIGHT / 2;
  const w = scale.columnWidth;
  return (
    <svg width={scale.width} height={HEADER_HEIGHT} role="presentation" data-testid="gantt-calendar"
      style={{ display: 'block', fontFamily: theme.typography.fontFamily, userSelect: 'none' }}>
      {weekends.map((i) => <rect key={`we${i}`} x={i * w} y={half} width={w} height={half} fill={theme.palette.action.hover} />)}
      <line x1={0} x2={scale.width} y1={half} y2={half} stroke={theme.palette.divider} />
      {groups.map((g) => (
        <g key={`g${g.x}`}>
          <line x1={g.x} x2={g.x} y1={0} y2={HEADER_HEIGHT} stroke={theme.palette.divider} />
          <text x={g.x + 8} y={half - 8} fontSize={12} fontWeight={600} fill={theme.palette.text.primary}>{g.label}</text>
        </g>
      ))}
      {columns.map((label, i) => (
        <text key={`c${i}`} x={i * w + w / 2} y={HEADER_HEIGHT - 9} fontSize={11} textAnchor="middle" fill={theme.palette.text.secondary}>{label}</text>
      ))}
    </svg>
  );
});

import { Box } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import { Gantt, type Task as BarTask } from 'gantt-task-react';
import 'gantt-task-react/dist/index.css';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, WheelEvent } from 'react';
import { barEndToDue, chartScale, dueToBarEnd, localToPlanDate, planDateToLocal, timeAt, zoomSettings, type ChartScale, type Zoom } from './gantt-geometry';
import { GanttHeader, HEADER_HEIGHT } from './GanttHeader';
import { ARROW_INDENT, BAR_FILL, crossingLinks, HANDLE_WIDTH, ROW_HEIGHT } from './gantt-links';
import { GanttLinkOverlay } from './GanttLinkOverlay';
import { anchorBar, placeholderBar, type GanttRow } from './gantt-rows';
import { GanttListHead, GanttTaskList, LIST_WIDTH } from './GanttTaskList';
import { arrowColour, ganttLibrarySx, todayColour } from './gantt-theme';
import { makeTooltip } from './GanttTooltip';
import { useRowWindow } from './use-row-window';

// The library re-renders every bar whenever it renders; memo keeps it quiet unless its slice changed.
const MemoGantt = memo(Gantt);

export interface GanttChartHandle {
  scrollToDate(date: string): void;
}

interface Props {
  rows: readonly GanttRow[];
  links: ReadonlyArray<{ fromId: string; toId: string }>;
  range: { start: string; end: string };
  zoom: Zoom;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Resolves false when the host refused: the library then puts the bar back. */
  onReschedule: (id: string, startDate: string, dueDate: string) => Promise<boolean>;
  onProgress: (id: string, progress: number) => Promise<boolean>;
  onOpen?: (id: string) => void;
  height: string;
}

/** Keeps the previous array when every element is the same object, so memoised children see no change. */
function useStableArray<T>(next: T[]): T[] {
  const previous = useRef(next);
  const old = previous.current;
  if (old !== next && (old.length !== next.length || old.some((item, i) => item !== next[i]))) previous.current = next;
  return previous.current;
}

/**
 * The Gantt chart, windowed: gantt-task-react gets only the rendered rows (the visible ones plus
 * overscan, moved in chunks) and an invisible anchor spanning the plan, positioned where those rows
 * are inside a full-height scroll area. The task list and the calendar header are drawn here (sticky),
 * as are the arrows whose other end is outside the rendered rows.
 */
export const GanttChart = forwardRef<GanttChartHandle, Props>(function GanttChart(props, ref) {
  const { rows, links, range, zoom, collapsed, onToggle, height } = props;
  const theme = useTheme();
  const scrollRef = useRef<HTMLDivElement>(null);
  const scale = useMemo(() => chartScale(planDateToLocal(range.start), dueToBarEnd(range.end), zoom), [range.start, range.end, zoom]);
  const anchor = useMemo(() => anchorBar(range), [range]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const win = useRowWindow(scrollRef, rows.length, ROW_HEIGHT, HEADER_HEIGHT);

  const bars = useStableArray(
    useMemo(() => {
      const out: BarTask[] = [];
      for (let i = win.start; i < Math.min(win.end, rows.length); i++) {
        const row = rows[i] as GanttRow;
        out.push(row.bar ?? placeholderBar(row.id, anchor));
      }
      out.push(anchor);
      return out;
    }, [rows, win.start, win.end, anchor]),
  );

  // gantt-task-react converts its `tasks` in an effect, so for one frame it still shows the previous
  // rows. Whatever is drawn around it follows one commit later, in step with what it shows.
  const [shown, setShown] = useState({ start: win.start, count: bars.length - 1, scale });
  useEffect(() => setShown({ start: win.start, count: bars.length - 1, scale }), [bars, scale, win.start]);

  const crossing = useMemo(
    () => crossingLinks(links, rowIndex, rows, shown.start, shown.start + shown.count, shown.scale),
    [links, rowIndex, rows, shown],
  );

  // Keep the same date at the left edge when the zoom changes; start at the plan's first day.
  const lastScale = useRef<ChartScale | null>(null);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const previous = lastScale.current;
    lastScale.current = scale;
    if (previous === null) {
      // Rows come in plan order, so the plan's first day is where the first rows' bars are.
      element.scrollLeft = Math.max(0, scale.xOf(planDateToLocal(range.start)) - scale.columnWidth);
    } else if (previous.zoom !== scale.zoom) {
      element.scrollLeft = scale.xOf(timeAt(previous, element.scrollLeft));
    }
  }, [scale, range.start, range.end]);

  useImperativeHandle(ref, () => ({
    scrollToDate(date: string) {
      const element = scrollRef.current;
      if (element) element.scrollTo({ left: Math.max(0, scale.xOf(planDateToLocal(date)) - 2 * scale.columnWidth), behavior: 'smooth' });
    },
  }), [scale]);

  // Handlers read the latest rows through a ref so their identity never changes (the library is memoised).
  const latest = useRef(props);
  latest.current = props;
  const byId = useRef(new Map<string, GanttRow>());
  byId.current = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const onDateChange = useCallback((bar: BarTask) => latest.current.onReschedule(bar.id, localToPlanDate(bar.start), barEndToDue(bar.end)), []);
  const onProgressChange = useCallback((bar: BarTask) => latest.current.onProgress(bar.id, Math.round(bar.progress)), []);
  const onDoubleClick = useCallback((bar: BarTask) => latest.current.onOpen?.(bar.id), []);
  const TooltipContent = useMemo(() => makeTooltip(byId), []);

  // The library's wrapper takes the wheel (sideways) and every key for its own scrolling, which this
  // chart does natively; stop those events before they reach it.
  const stopSideWheel = useCallback((event: WheelEvent) => {
    if (event.shiftKey || event.deltaX) event.stopPropagation();
  }, []);
  const stopKeys = useCallback((event: KeyboardEvent) => event.stopPropagation(), []);

  const stripe = alpha(theme.palette.text.primary, theme.palette.mode === 'dark' ? 0.035 : 0.025);
  const { viewMode, columnWidth } = zoomSettings[zoom];
  return (
    <Box ref={scrollRef} onWheelCapture={stopSideWheel} onKeyDownCapture={stopKeys} role="grid" aria-label="Gantt chart" aria-rowcount={rows.length + 1}
      data-testid="gantt-chart" data-zoom={zoom}
      sx={{ height, overflow: 'auto', position: 'relative', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', overscrollBehavior: 'contain' }}>
      <Box sx={{ width: LIST_WIDTH + scale.width, position: 'relative' }}>
        <Box sx={{ position: 'sticky', top: 0, zIndex: 3, display: 'flex', height: HEADER_HEIGHT, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
          <Box sx={{ position: 'sticky', left: 0, zIndex: 4, width: LIST_WIDTH, flexShrink: 0, bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider' }}>
            <GanttListHead />
          </Box>
          <GanttHeader scale={shown.scale} />
        </Box>
        <Box sx={{ display: 'flex', height: rows.length * ROW_HEIGHT }}>
          <Box role="rowgroup" sx={{ position: 'sticky', left: 0, zIndex: 2, width: LIST_WIDTH, flexShrink: 0, bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider' }}>
            <GanttTaskList rows={rows} start={win.start} end={win.end} collapsed={collapsed} onToggle={onToggle} />
          </Box>
          <Box data-testid="gantt-bars" sx={{
            position: 'relative', width: scale.width, flexShrink: 0, overflow: 'hidden',
            backgroundImage: `repeating-linear-gradient(to bottom, transparent 0 ${ROW_HEIGHT}px, ${stripe} ${ROW_HEIGHT}px ${2 * ROW_HEIGHT}px)`,
            ...ganttLibrarySx(theme),
          }}>
            <GanttLinkOverlay links={crossing} top={shown.start * ROW_HEIGHT} width={shown.scale.width} height={(shown.count + 1) * ROW_HEIGHT} colour={arrowColour(theme)} />
            <Box sx={{ position: 'absolute', top: shown.start * ROW_HEIGHT, left: 0, width: scale.width }}>
              <MemoGantt
                tasks={bars} viewMode={viewMode} columnWidth={columnWidth} rowHeight={ROW_HEIGHT} barFill={BAR_FILL} headerHeight={0} listCellWidth=""
                preStepsCount={1} timeStep={86_400_000} handleWidth={HANDLE_WIDTH} arrowIndent={ARROW_INDENT} barCornerRadius={4}
                arrowColor={arrowColour(theme)} todayColor={todayColour(theme)} fontFamily={theme.typography.fontFamily ?? 'sans-serif'} fontSize="12px"
                TooltipContent={TooltipContent} onDateChange={onDateChange} onProgressChange={onProgressChange} onDoubleClick={onDoubleClick}
              />
            </Box>
          </Box>
        </Box>
      </Box>
    </Box>
  );
});

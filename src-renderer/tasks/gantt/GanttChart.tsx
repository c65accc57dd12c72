import { Box } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import type { Task as BarTask } from 'gantt-task-react';
import { forwardRef, useCallback, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, PointerEvent, WheelEvent } from 'react';
import { barEndToDue, chartScale, dueToBarEnd, localToPlanDate, planDateToLocal, timeAt, type ChartScale, type Zoom } from './gantt-geometry';
import { gridBackground, todayColumn } from './gantt-grid';
import { GanttHeader, HEADER_HEIGHT } from './GanttHeader';
import { crossingLinks, ROW_HEIGHT } from './gantt-links';
import { GanttLinkOverlay } from './GanttLinkOverlay';
import type { GanttRow } from './gantt-rows';
import { ganttListSx, GanttListHead, GanttTaskList, LIST_WIDTH } from './GanttTaskList';
import { arrowColour, ganttLibrarySx, todayColour } from './gantt-theme';
import { GanttTile, type TileLibraryProps } from './GanttTile';
import { paddedSpan, TILE_ROWS } from './gantt-tiles';
import { makeTooltip } from './GanttTooltip';
import { useTileWindow } from './use-tile-window';

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

/**
 * The Gantt chart, windowed. Rows are cut into tiles of TILE_ROWS; only the tiles in view (plus one
 * each side) exist, each its own gantt-task-react instance drawing its bars, milestones and the
 * links between its rows. Around them this component draws what spans tiles: the sticky task list
 * and calendar, the grid (as CSS backgrounds), today's column and the links between tiles.
 */
export const GanttChart = forwardRef<GanttChartHandle, Props>(function GanttChart(props, ref) {
  const { rows, links, range, zoom, collapsed, onToggle, onOpen, height } = props;
  const theme = useTheme();
  const scrollRef = useRef<HTMLDivElement>(null);
  const headId = useId();
  // The chart spans the plan with the same padding every tile gets, so each tile's grid lies inside it.
  const scale = useMemo(() => {
    const span = paddedSpan([{ start: planDateToLocal(range.start), end: dueToBarEnd(range.end) }], zoom) as { start: Date; end: Date };
    return chartScale(span.start, span.end, zoom);
  }, [range.start, range.end, zoom]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const tileCount = Math.ceil(rows.length / TILE_ROWS);
  const tiles = useTileWindow(scrollRef, tileCount, TILE_ROWS * ROW_HEIGHT, HEADER_HEIGHT);
  const start = tiles.first * TILE_ROWS;
  const end = Math.min(rows.length, (tiles.last + 1) * TILE_ROWS);
  const crossing = useMemo(() => crossingLinks(links, rowIndex, rows, start, end, TILE_ROWS, scale), [links, rowIndex, rows, start, end, scale]);

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
  }, [scale, range.start]);

  useImperativeHandle(ref, () => ({
    scrollToDate(date: string) {
      scrollRef.current?.scrollTo({ left: Math.max(0, scale.xOf(planDateToLocal(date)) - 2 * scale.columnWidth), behavior: 'smooth' });
    },
  }), [scale]);

  // Handlers read the latest props through a ref so their identity never changes (tiles are memoised).
  const latest = useRef(props);
  latest.current = props;
  const rowOf = useRef<(id: string) => GanttRow | undefined>(() => undefined);
  rowOf.current = (id: string) => {
    const index = rowIndex.get(id);
    return index === undefined ? undefined : rows[index];
  };
  const arrows = arrowColour(theme);
  const fontFamily = theme.typography.fontFamily ?? 'sans-serif';
  const library = useMemo<TileLibraryProps>(() => ({
    TooltipContent: makeTooltip(rowOf),
    onDateChange: (bar: BarTask) => latest.current.onReschedule(bar.id, localToPlanDate(bar.start), barEndToDue(bar.end)),
    onProgressChange: (bar: BarTask) => latest.current.onProgress(bar.id, Math.round(bar.progress)),
    onDoubleClick: (bar: BarTask) => latest.current.onOpen?.(bar.id),
    arrowColor: arrows,
    fontFamily,
  }), [arrows, fontFamily]);

  // The library's wrapper takes the wheel (sideways) and every key for its own scrolling, which this
  // chart does natively; stop those events before they reach it.
  const stopSideWheel = useCallback((event: WheelEvent) => {
    if (event.shiftKey || event.deltaX) event.stopPropagation();
  }, []);
  const stopKeys = useCallback((event: KeyboardEvent) => event.stopPropagation(), []);
  // A bar is dragged by listeners on its tile's <svg>; once the pointer leaves that tile (the next
  // tile lies on top), capture it there so the drag keeps following and its release is seen.
  const keepDrag = useCallback((event: PointerEvent) => {
    if ((event.buttons & 1) === 0) return;
    const target = event.target as Element;
    const pressed = scrollRef.current?.querySelector<SVGSVGElement>('svg[data-dragging]');
    if (pressed && !pressed.contains(target) && !pressed.hasPointerCapture(event.pointerId)) pressed.setPointerCapture(event.pointerId);
  }, []);
  const markDrag = useCallback((event: PointerEvent) => {
    const svg = (event.target as Element).closest('.gantt-tile svg[width]');
    if (svg && event.button === 0) svg.setAttribute('data-dragging', '');
  }, []);
  const clearDrag = useCallback(() => scrollRef.current?.querySelectorAll('svg[data-dragging]').forEach((svg) => svg.removeAttribute('data-dragging')), []);

  const sx = useMemo(() => ({
    chart: {
      maxHeight: height, overflow: 'auto', position: 'relative', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', overscrollBehavior: 'contain',
      '&[data-scrolling] .gantt-tile': { pointerEvents: 'none' },
    },
    list: { position: 'sticky', left: 0, zIndex: 2, width: LIST_WIDTH, flexShrink: 0, bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider', ...ganttListSx(theme) },
    bars: { position: 'relative', flexShrink: 0, overflow: 'hidden', ...ganttLibrarySx(theme) },
  }) as const, [theme, height]);
  const grid = useMemo(() => gridBackground(theme, scale), [theme, scale]);
  const today = todayColumn(scale, new Date());

  const tileElements = [];
  for (let t = tiles.first; t <= tiles.last && t < tileCount; t++) {
    tileElements.push(<GanttTile key={t} index={t} rows={rows} zoom={zoom} scale={scale} library={library} />);
  }
  return (
    <Box ref={scrollRef} onWheelCapture={stopSideWheel} onKeyDownCapture={stopKeys} onPointerDownCapture={markDrag} onPointerMoveCapture={keepDrag}
      onPointerUpCapture={clearDrag} onPointerCancelCapture={clearDrag}
      role="region" aria-label="Gantt chart" data-testid="gantt-chart" data-zoom={zoom} sx={sx.chart}>
      <div style={{ width: LIST_WIDTH + scale.width, position: 'relative' }}>
        <Box sx={{ position: 'sticky', top: 0, zIndex: 3, display: 'flex', height: HEADER_HEIGHT, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
          <Box sx={{ position: 'sticky', left: 0, zIndex: 4, width: LIST_WIDTH, flexShrink: 0, bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider' }}>
            <GanttListHead id={headId} />
          </Box>
          <GanttHeader scale={scale} />
        </Box>
        <div style={{ display: 'flex', height: rows.length * ROW_HEIGHT }}>
          {/* The task list is the chart's grid (the bars beside it are the library's focusable drawing,
              which a grid may not hold); its header row sits in the sticky header, owned by reference. */}
          <Box role="grid" aria-label="Tasks" aria-rowcount={rows.length + 1} aria-owns={headId} sx={sx.list}>
            <GanttTaskList rows={rows} start={start} end={end} collapsed={collapsed} onToggle={onToggle} {...(onOpen ? { onOpen } : {})} />
          </Box>
          <Box data-testid="gantt-bars" sx={sx.bars} style={{ width: scale.width, ...grid }}>
            {today && <div style={{ position: 'absolute', top: 0, bottom: 0, left: today.left, width: today.width, background: todayColour(theme) }} />}
            <GanttLinkOverlay links={crossing} top={start * ROW_HEIGHT} width={scale.width} height={(end - start) * ROW_HEIGHT} colour={arrows} />
            {tileElements}
          </Box>
        </div>
      </div>
    </Box>
  );
});

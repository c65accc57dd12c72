import { Gantt, type Task as BarTask } from 'gantt-task-react';
import 'gantt-task-react/dist/index.css';
import { memo, useMemo, useRef, type ComponentProps } from 'react';
import type { ChartScale, Zoom } from './gantt-geometry';
import { zoomSettings } from './gantt-geometry';
import { ARROW_INDENT, BAR_FILL, HANDLE_WIDTH, ROW_HEIGHT } from './gantt-links';
import { placeholderBar, type GanttRow } from './gantt-rows';
import { paddedSpan, TILE_ROWS, tileAnchor, tileLeft } from './gantt-tiles';

// Re-rendering the library redraws every bar it holds; memo keeps a tile's instance quiet unless its bars changed.
const MemoGantt = memo(Gantt);

/** What every tile passes to gantt-task-react unchanged: handlers, tooltip, colours. */
export type TileLibraryProps = Pick<ComponentProps<typeof Gantt>, 'TooltipContent' | 'onDateChange' | 'onProgressChange' | 'onDoubleClick' | 'arrowColor' | 'fontFamily'>;

/** Keeps the previous array when every element is the same object, so memoised children see no change. */
function useStableArray<T>(next: T[]): T[] {
  const previous = useRef(next);
  const old = previous.current;
  if (old !== next && (old.length !== next.length || old.some((item, i) => item !== next[i]))) previous.current = next;
  return previous.current;
}

interface Props {
  index: number;
  rows: readonly GanttRow[];
  zoom: Zoom;
  scale: ChartScale;
  library: TileLibraryProps;
}

/**
 * One tile of TILE_ROWS rows: a gantt-task-react instance fed only those rows plus an invisible
 * anchor spanning their dates, placed where the rows are on the whole chart. While the rows keep
 * their objects the instance is not rendered again, so scrolling mounts new tiles and a change to
 * one task redraws one tile.
 */
export const GanttTile = memo(function GanttTile({ index, rows, zoom, scale, library }: Props) {
  const first = index * TILE_ROWS;
  const own = useStableArray(useMemo(() => rows.slice(first, first + TILE_ROWS), [rows, first]));
  const anchor = useMemo(() => {
    const span = paddedSpan(own.flatMap((r) => (r.bar ? [r.bar] : [])), zoom);
    return span ? tileAnchor(span) : null;
  }, [own, zoom]);
  const bars = useMemo<BarTask[] | null>(() => (anchor ? [...own.map((r) => r.bar ?? placeholderBar(r.id, anchor)), anchor] : null), [own, anchor]);
  const left = useMemo(() => (anchor ? tileLeft(anchor, zoom, scale) : 0), [anchor, zoom, scale]);
  if (!anchor || !bars) return null;
  const { viewMode, columnWidth } = zoomSettings[zoom];
  return (
    <div className="gantt-tile" data-tile={index} style={{ position: 'absolute', top: first * ROW_HEIGHT, left }}>
      <MemoGantt
        tasks={bars} viewMode={viewMode} columnWidth={columnWidth} rowHeight={ROW_HEIGHT} barFill={BAR_FILL} headerHeight={0} listCellWidth=""
        preStepsCount={1} timeStep={86_400_000} handleWidth={HANDLE_WIDTH} arrowIndent={ARROW_INDENT} barCornerRadius={4} todayColor="transparent"
        fontSize="12px" {...library}
      />
    </div>
  );
});

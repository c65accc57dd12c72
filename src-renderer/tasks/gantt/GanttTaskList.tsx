import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box } from '@mui/material';
import type { Theme } from '@mui/material/styles';
import { memo } from 'react';
import { planDateToLocal } from './gantt-geometry';
import { ROW_HEIGHT } from './gantt-links';
import type { GanttRow } from './gantt-rows';

export const LIST_WIDTH = 420;
const DATES_WIDTH = 112;
const PROGRESS_WIDTH = 52;

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const formatDay = (date: string) => shortDate.format(planDateToLocal(date));
const milestoneStatus: Record<string, string> = { reached: 'Reached', pending: 'Pending', missed: 'Missed' };

function datesText(row: GanttRow): string {
  if (row.kind === 'group') return '';
  if (row.kind === 'milestone') return formatDay(row.due as string);
  if (row.start === undefined || row.due === undefined) return 'No dates';
  return row.start === row.due ? formatDay(row.start) : `${formatDay(row.start)} – ${formatDay(row.due)}`;
}

/**
 * Styles for every row, set once on the list. Rows are plain elements with class names and only
 * their offset inline: per-row `sx` would make emotion insert a new CSS rule for each offset, and
 * every inserted rule restyles the whole page (dropped frames while scrolling).
 */
export const ganttListSx = (theme: Theme) => ({
  '& .gl-row': {
    position: 'absolute', left: 0, right: 0, height: ROW_HEIGHT, display: 'flex', alignItems: 'center', gap: 1, px: 1,
    borderBottom: `1px solid ${theme.palette.divider}`, boxSizing: 'border-box',
  },
  '& .gl-row.gl-odd': { bgcolor: 'action.hover' },
  '& .gl-name': { flex: 1, minWidth: 0, display: 'flex', alignItems: 'center' },
  '& .gl-title': { ...theme.typography.body2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .gl-strong': { fontWeight: 600 },
  '& button.gl-title': {
    border: 0, bgcolor: 'transparent', color: 'text.primary', p: 0, textAlign: 'left', cursor: 'pointer', minWidth: 0, maxWidth: '100%',
    '&:hover': { color: 'primary.main', textDecoration: 'underline' },
  },
  '& .gl-toggle': {
    border: 0, bgcolor: 'transparent', color: 'text.secondary', p: 0, width: 22, height: 22, flexShrink: 0, display: 'grid', placeItems: 'center',
    cursor: 'pointer', borderRadius: 1, '&:hover': { bgcolor: 'action.selected' }, '& svg': { fontSize: 18 },
  },
  '& .gl-mark': { width: 22, flexShrink: 0, display: 'grid', placeItems: 'center' },
  '& .gl-diamond': { width: 9, height: 9, transform: 'rotate(45deg)', bgcolor: 'secondary.main' },
  '& .gl-critical': { width: 7, height: 7, borderRadius: '50%', bgcolor: 'error.main' },
  '& .gl-cell': { ...theme.typography.caption, color: 'text.secondary', flexShrink: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .gl-dates': { width: DATES_WIDTH },
  '& .gl-done': { width: PROGRESS_WIDTH, textAlign: 'right' },
  '& .gl-missed': { color: 'error.main', fontWeight: 600 },
  '& .gl-reached': { color: 'success.main', fontWeight: 600 },
});

interface RowProps {
  row: GanttRow;
  index: number;
  isCollapsed: boolean;
  onToggle: (id: string) => void;
  onOpen: ((id: string) => void) | undefined;
}

/** One list row; memoised so a row that neither changed nor moved is not rendered again. */
const ListRow = memo(function ListRow({ row, index, isCollapsed, onToggle, onOpen }: RowProps) {
  const isMilestone = row.kind === 'milestone';
  const status = row.milestone?.status ?? '';
  return (
    <div role="row" className={`gl-row${index % 2 ? ' gl-odd' : ''}`} style={{ top: index * ROW_HEIGHT }} aria-rowindex={index + 2}
      data-testid="gantt-row" data-row-id={row.id} data-kind={row.kind}>
      <div role="gridcell" className="gl-name" style={{ paddingLeft: row.depth * 16 }}>
        {row.hasChildren ? (
          <button type="button" className="gl-toggle" onClick={() => onToggle(row.id)} aria-expanded={!isCollapsed}
            aria-label={`${isCollapsed ? 'Show' : 'Hide'} subtasks of ${row.title}`}>
            {isCollapsed ? <ChevronRightIcon /> : <ExpandMoreIcon />}
          </button>
        ) : (
          <span className="gl-mark">
            {isMilestone ? <span className="gl-diamond" /> : row.isCritical ? <span className="gl-critical" title="On the critical path" /> : null}
          </span>
        )}
        {row.kind === 'task' && onOpen ? (
          <button type="button" className={`gl-title${row.hasChildren ? ' gl-strong' : ''}`} title={`Open “${row.title}”`} onClick={() => onOpen(row.id)}>{row.title}</button>
        ) : (
          <span className={`gl-title${row.hasChildren || isMilestone || row.kind === 'group' ? ' gl-strong' : ''}`} title={row.title}>{row.title}</span>
        )}
      </div>
      <span role="gridcell" className="gl-cell gl-dates">{datesText(row)}</span>
      <span role="gridcell" className={`gl-cell gl-done${status ? ` gl-${status}` : ''}`}>
        {isMilestone ? (milestoneStatus[status] ?? '') : row.kind === 'group' ? '' : `${row.progress}%`}
      </span>
    </div>
  );
});

/** The column heads above the task list (drawn in the chart's sticky header). */
export function GanttListHead({ id }: { id: string }) {
  return (
    <Box role="row" id={id} sx={{ height: '100%', display: 'flex', alignItems: 'flex-end', px: 1, pb: 1, gap: 1, typography: 'caption', fontWeight: 600, color: 'text.secondary' }}>
      <Box role="columnheader" sx={{ flex: 1, pl: '30px' }}>Task</Box>
      <Box role="columnheader" sx={{ width: DATES_WIDTH }}>Dates</Box>
      <Box role="columnheader" sx={{ width: PROGRESS_WIDTH, textAlign: 'right' }}>Done</Box>
    </Box>
  );
}

interface ListProps {
  rows: readonly GanttRow[];
  start: number;
  end: number;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen?: (id: string) => void;
}

/** The visible part of the task list; each row is placed at its own offset, so rows outside the window need no spacer. */
export function GanttTaskList({ rows, start, end, collapsed, onToggle, onOpen }: ListProps) {
  const items = [];
  for (let i = start; i < end; i++) {
    const row = rows[i];
    if (row) items.push(<ListRow key={row.id} row={row} index={i} isCollapsed={collapsed.has(row.id)} onToggle={onToggle} onOpen={onOpen} />);
  }
  return <>{items}</>;
}

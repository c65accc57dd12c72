import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Typography } from '@mui/material';
import { memo } from 'react';
import { planDateToLocal } from './gantt-geometry';
import { ROW_HEIGHT } from './gantt-links';
import type { GanttRow } from './gantt-rows';

export const LIST_WIDTH = 420;
const DATES_WIDTH = 112;
const PROGRESS_WIDTH = 44;

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const formatDay = (date: string) => shortDate.format(planDateToLocal(date));

function datesText(row: GanttRow): string {
  if (row.kind === 'milestone') return formatDay(row.due as string);
  if (row.start === undefined || row.due === undefined) return 'No dates';
  return row.start === row.due ? formatDay(row.start) : `${formatDay(row.start)} – ${formatDay(row.due)}`;
}

interface RowProps {
  row: GanttRow;
  index: number;
  isCollapsed: boolean;
  onToggle: (id: string) => void;
}

/** One list row; memoised so a row that neither changed nor moved is not rendered again. */
const ListRow = memo(function ListRow({ row, index, isCollapsed, onToggle }: RowProps) {
  const isMilestone = row.kind === 'milestone';
  return (
    <Box role="row" data-testid="gantt-row" data-row-id={row.id} data-kind={row.kind} aria-rowindex={index + 2}
      sx={{ position: 'absolute', top: index * ROW_HEIGHT, left: 0, right: 0, height: ROW_HEIGHT, display: 'flex', alignItems: 'center', px: 1, gap: 1, borderBottom: 1, borderColor: 'divider', bgcolor: index % 2 ? 'action.hover' : 'transparent' }}>
      <Box role="gridcell" sx={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center', pl: `${row.depth * 16}px` }}>
        {row.hasChildren ? (
          <Box component="button" type="button" onClick={() => onToggle(row.id)} aria-expanded={!isCollapsed}
            aria-label={`${isCollapsed ? 'Show' : 'Hide'} subtasks of ${row.title}`}
            sx={{ border: 0, bgcolor: 'transparent', color: 'text.secondary', p: 0, width: 22, height: 22, display: 'grid', placeItems: 'center', cursor: 'pointer', borderRadius: 1, '&:hover': { bgcolor: 'action.selected' } }}>
            {isCollapsed ? <ChevronRightIcon fontSize="small" /> : <ExpandMoreIcon fontSize="small" />}
          </Box>
        ) : (
          <Box sx={{ width: 22, flexShrink: 0, display: 'grid', placeItems: 'center' }}>
            {isMilestone ? <Box sx={{ width: 9, height: 9, transform: 'rotate(45deg)', bgcolor: 'secondary.main' }} /> : row.isCritical ? <Box title="On the critical path" sx={{ width: 7, height: 7, borderRadius: '50%', bgcolor: 'error.main' }} /> : null}
          </Box>
        )}
        <Typography variant="body2" noWrap title={row.title} sx={{ fontWeight: row.hasChildren || isMilestone ? 600 : 400 }}>{row.title}</Typography>
      </Box>
      <Typography role="gridcell" variant="caption" color="text.secondary" noWrap sx={{ width: DATES_WIDTH, flexShrink: 0 }}>{datesText(row)}</Typography>
      <Typography role="gridcell" variant="caption" color="text.secondary" sx={{ width: PROGRESS_WIDTH, flexShrink: 0, textAlign: 'right' }}>
        {isMilestone ? (row.milestone?.status ?? '') : `${row.progress}%`}
      </Typography>
    </Box>
  );
});

/** The column heads above the task list (drawn in the chart's sticky header). */
export function GanttListHead() {
  return (
    <Box role="row" sx={{ height: '100%', display: 'flex', alignItems: 'flex-end', px: 1, pb: 1, gap: 1, typography: 'caption', fontWeight: 600, color: 'text.secondary' }}>
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
}

/** The visible part of the task list; each row is placed at its own offset, so rows outside the window need no spacer. */
export function GanttTaskList({ rows, start, end, collapsed, onToggle }: ListProps) {
  const items = [];
  for (let i = start; i < end; i++) {
    const row = rows[i];
    if (row) items.push(<ListRow key={row.id} row={row} index={i} isCollapsed={collapsed.has(row.id)} onToggle={onToggle} />);
  }
  return <>{items}</>;
}

import { Paper, Typography } from '@mui/material';
import type { Task as BarTask } from 'gantt-task-react';
import type { RefObject } from 'react';
import { planDateToLocal } from './gantt-geometry';
import type { GanttRow } from './gantt-rows';

const longDate = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const day = (date: string) => longDate.format(planDateToLocal(date));

const statusText: Record<string, string> = {
  backlog: 'Backlog', todo: 'To do', in_progress: 'In progress', blocked: 'Blocked', in_review: 'In review', done: 'Done', cancelled: 'Cancelled',
  reached: 'Reached', pending: 'Pending', missed: 'Missed',
};

/**
 * The hover card gantt-task-react shows beside a bar, in the app's style. It looks the row up by
 * id (through a ref, so the component type stays the same and the library is not re-rendered).
 */
export function makeTooltip(rowOf: RefObject<(id: string) => GanttRow | undefined>) {
  return function GanttTooltip({ task }: { task: BarTask; fontSize: string; fontFamily: string }) {
    const row = rowOf.current?.(task.id);
    if (!row) return null;
    const days = row.start && row.due ? Math.round((planDateToLocal(row.due).getTime() - planDateToLocal(row.start).getTime()) / 86_400_000) + 1 : null;
    return (
      <Paper elevation={6} sx={{ px: 1.5, py: 1, maxWidth: 320 }} data-testid="gantt-tooltip">
        <Typography variant="subtitle2" sx={{ mb: 0.5 }}>{row.title}</Typography>
        {row.kind === 'milestone' ? (
          <Typography variant="caption" component="div">Milestone due {day(row.due as string)} · {statusText[row.milestone?.status ?? ''] ?? ''}</Typography>
        ) : (
          <>
            {row.start && row.due && <Typography variant="caption" component="div">{day(row.start)} – {day(row.due)} ({days} day{days === 1 ? '' : 's'})</Typography>}
            <Typography variant="caption" component="div">
              {statusText[row.task?.status ?? ''] ?? ''} · {row.progress}% done
              {row.task?.slackDays !== null && row.task?.slackDays !== undefined ? ` · ${row.task.slackDays === 0 ? 'no slack' : `${row.task.slackDays} days of slack`}` : ''}
            </Typography>
            {row.isCritical && <Typography variant="caption" component="div" color="error">On the critical path</Typography>}
          </>
        )}
      </Paper>
    );
  };
}

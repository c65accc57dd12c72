import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box, Stack, Tooltip, Typography } from '@mui/material';
import { memo } from 'react';
import type { TaskStatus } from '../../../src-shared/tasks/task-model';
import { statusLabel } from '../task-labels';

const statusDot: Record<TaskStatus, string> = {
  backlog: 'grey.500', todo: 'info.main', in_progress: 'primary.main', blocked: 'error.main', in_review: 'secondary.main', done: 'success.main', cancelled: 'grey.400',
};

interface Props {
  status: TaskStatus;
  /** Cards in the column across the project (what WIP limits count). */
  count: number;
  /** Cards shown (fewer when filtered to one assignee). */
  shown: number;
  limit: number | null;
}

/** A column's title with its card count and WIP limit; a column over its limit is marked. */
export const BoardColumnHeader = memo(function BoardColumnHeader({ status, count, shown, limit }: Props) {
  const isOver = limit !== null && count > limit;
  const label = `${statusLabel[status]}: ${count} card${count === 1 ? '' : 's'}${limit !== null ? `, WIP limit ${limit}${isOver ? ' — over the limit' : ''}` : ''}`;
  return (
    <Stack direction="row" spacing={1} aria-label={label} data-testid={`column-head-${status}`} data-over-limit={isOver}
      sx={{ alignItems: 'center', px: 1.25, py: 1, borderRadius: 1.5, bgcolor: isOver ? 'error.main' : 'transparent', color: isOver ? 'error.contrastText' : 'text.primary' }}>
      <Box sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: isOver ? 'error.contrastText' : statusDot[status], flexShrink: 0 }} />
      <Typography variant="subtitle2" noWrap sx={{ flexGrow: 1 }}>{statusLabel[status]}</Typography>
      {isOver && (
        <Tooltip title={`Over the WIP limit: ${count} cards, at most ${limit}. Finish work here before starting more.`}>
          <WarningAmberIcon fontSize="small" />
        </Tooltip>
      )}
      <Typography variant="caption" sx={{ fontWeight: 600, opacity: 0.9 }} data-testid={`column-count-${status}`}>
        {shown !== count ? `${shown} of ${count}` : count}{limit !== null ? ` / ${limit}` : ''}
      </Typography>
    </Stack>
  );
});

import { Box, Paper, Typography } from '@mui/material';
import type { ReactElement } from 'react';

/**
 * MOUNT POINT for the Kanban board and the Gantt chart, which are built in
 * `src-renderer/tasks/board/` and `src-renderer/tasks/gantt/` (another engineer's folders) against
 * the `tasks/board`, `tasks/move`, `projects/gantt` and `tasks/reschedule` contract entries.
 * Replace the uses of this placeholder with those components; `projectId` is the project to show.
 */
export function PlannedViewSlot({ icon, title, projectId }: { icon: ReactElement; title: string; projectId: string | null }) {
  return (
    <Paper variant="outlined" sx={{ p: 6, textAlign: 'center', color: 'text.secondary', borderStyle: 'dashed' }} data-testid={`slot-${title.toLowerCase().replace(/\s+/g, '-')}`}>
      <Box sx={{ '& svg': { fontSize: 44 }, opacity: 0.6 }}>{icon}</Box>
      <Typography variant="h6" color="text.primary">{title}</Typography>
      <Typography variant="body2">{projectId ? 'This view is being built and will appear here.' : 'Choose a project to see this view.'}</Typography>
    </Paper>
  );
}

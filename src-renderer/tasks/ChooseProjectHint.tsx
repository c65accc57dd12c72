import { Box, Paper, Typography } from '@mui/material';
import type { ReactElement } from 'react';

/**
 * What the Tasks section's Board and Gantt tabs show before a project is chosen: both views plan one
 * project at a time (a project's own page shows them without this step).
 */
export function ChooseProjectHint({ icon, title, tab }: { icon: ReactElement; title: string; tab: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 6, textAlign: 'center', color: 'text.secondary', borderStyle: 'dashed' }} data-testid={`choose-project-${title.toLowerCase().replace(/\s+/g, '-')}`}>
      <Box sx={{ '& svg': { fontSize: 44 }, opacity: 0.6 }}>{icon}</Box>
      <Typography variant="h6" color="text.primary">{title}</Typography>
      <Typography variant="body2">Choose a project above to see its {title.toLowerCase()}, or open the project and use its {tab} tab.</Typography>
    </Paper>
  );
}

import { Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export function DashboardCard({ title, action, children, testId }: { title: string; action?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, height: '100%', boxSizing: 'border-box' }} data-testid={testId} component="section" aria-label={title}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>{title}</Typography>
        {action}
      </Stack>
      {children}
    </Paper>
  );
}

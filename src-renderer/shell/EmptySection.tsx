import { Box, Typography } from '@mui/material';
import type { ReactElement } from 'react';

export function EmptySection({ icon, title, text, action }: { icon?: ReactElement; title: string; text: string; action?: ReactElement }) {
  return (
    <Box sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary' }} role="status">
      {icon && <Box sx={{ '& svg': { fontSize: 48 }, mb: 1, opacity: 0.6 }}>{icon}</Box>}
      <Typography variant="h6" color="text.primary" gutterBottom>{title}</Typography>
      <Typography variant="body2" sx={{ maxWidth: 520, mx: 'auto', mb: action ? 2 : 0 }}>{text}</Typography>
      {action}
    </Box>
  );
}

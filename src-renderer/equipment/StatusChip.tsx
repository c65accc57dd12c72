import { Chip } from '@mui/material';
import { statusColour, statusText } from './equipment-labels';

/** A record's status as its kind names and colours it. */
export function StatusChip({ kind, status, size = 'small' }: { kind: string; status: string; size?: 'small' | 'medium' }) {
  return <Chip size={size} variant="outlined" color={statusColour(kind, status)} label={statusText(kind, status)} data-testid="status-chip" />;
}

import { Chip } from '@mui/material';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';

/** A record's status as its kind names and colours it. */
export function StatusChip({ kind, status, size = 'small' }: { kind: AnyRecordKind | undefined; status: string; size?: 'small' | 'medium' }) {
  const declared = kind?.statuses.find((s) => s.id === status);
  return <Chip size={size} label={declared?.label ?? status} color={declared?.tone ?? 'default'} variant={declared?.tone ? 'filled' : 'outlined'} data-testid="record-status" />;
}

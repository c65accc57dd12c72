import { Chip } from '@mui/material';
import type { InstanceStatus } from '../../src-shared/workflows/instance';
import { instanceStatusColor, instanceStatusLabel } from './workflow-labels';

export function InstanceStatusChip({ status }: { status: InstanceStatus }) {
  return <Chip size="small" label={instanceStatusLabel[status]} color={instanceStatusColor[status]} variant={status === 'running' ? 'outlined' : 'filled'} data-testid="instance-status" />;
}

import { Chip } from '@mui/material';
import type { SlaState } from '../../src-shared/workflows/sla';
import { slaStateColor, slaStateLabel } from './workflow-labels';

export function SlaChip({ state }: { state: SlaState }) {
  return <Chip size="small" label={slaStateLabel[state]} color={slaStateColor[state]} variant={state === 'no_sla' ? 'outlined' : 'filled'} data-testid="sla-chip" />;
}

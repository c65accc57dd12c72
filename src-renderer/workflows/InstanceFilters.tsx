import { Button, MenuItem, Paper, Stack, TextField } from '@mui/material';
import type { InstanceStatus } from '../../src-shared/workflows/instance';
import { instanceStatuses } from '../../src-shared/workflows/instance';
import type { SlaState } from '../../src-shared/workflows/sla';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { instanceStatusLabel, slaStateLabel } from './workflow-labels';

export interface InstanceFilter {
  code: string;
  status: InstanceStatus | '';
  slaState: SlaState | '';
  entityType: string;
  entityId: string;
}

export const noFilter: InstanceFilter = { code: '', status: '', slaState: '', entityType: '', entityId: '' };

const slaStates: SlaState[] = ['on_track', 'at_risk', 'breached', 'no_sla'];

/** Narrows the instance list by workflow, status, SLA state and the record it is about. */
export function InstanceFilters({ value, onChange }: { value: InstanceFilter; onChange: (next: InstanceFilter) => void }) {
  const definitions = useLiveQuery('workflows/definitions/list', { includeRetired: true });
  const set = (patch: Partial<InstanceFilter>) => onChange({ ...value, ...patch });
  const isFiltered = JSON.stringify(value) !== JSON.stringify(noFilter);
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap role="search" aria-label="Filter instances">
        <TextField select size="small" label="Workflow" value={value.code} onChange={(e) => set({ code: e.target.value })} sx={{ minWidth: 220 }}>
          <MenuItem value=""><em>All workflows</em></MenuItem>
          {(definitions.data ?? []).map((d) => <MenuItem key={d.code} value={d.code}>{d.name}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="Status" value={value.status} onChange={(e) => set({ status: e.target.value as InstanceFilter['status'] })} sx={{ minWidth: 140 }}>
          <MenuItem value=""><em>Any status</em></MenuItem>
          {instanceStatuses.map((s) => <MenuItem key={s} value={s}>{instanceStatusLabel[s]}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="SLA" value={value.slaState} onChange={(e) => set({ slaState: e.target.value as InstanceFilter['slaState'] })} sx={{ minWidth: 140 }}>
          <MenuItem value=""><em>Any</em></MenuItem>
          {slaStates.map((s) => <MenuItem key={s} value={s}>{slaStateLabel[s]}</MenuItem>)}
        </TextField>
        <TextField size="small" label="Record type" value={value.entityType} onChange={(e) => set({ entityType: e.target.value })} sx={{ width: 150 }} />
        <TextField size="small" label="Record id" value={value.entityId} onChange={(e) => set({ entityId: e.target.value })} sx={{ width: 150 }} />
        {isFiltered && <Button onClick={() => onChange(noFilter)}>Clear filters</Button>}
      </Stack>
    </Paper>
  );
}

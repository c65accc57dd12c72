import { Checkbox, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { MigrationPlanView } from '../../src-shared/workflows/workflow-contract';
import { LocalTime } from './LocalTime';

type PlannedInstance = MigrationPlanView['instances'][number];

/** Why an instance stays, as a lab person reads it: step names rather than ids for a missing mapping. */
function refusalText(item: PlannedInstance & { outcome: 'refused' }, plan: MigrationPlanView): string {
  if (item.code !== 'missing_step_mapping') return item.message;
  const unmapped = item.currentSteps.filter((s) => plan.stepMapping[s.stepId] === undefined).map((s) => `“${s.name}”`);
  return `Stays on version ${item.fromVersion}: choose where ${unmapped.join(' and ')} goes in version ${plan.toVersion}.`;
}

/** The running instances with what the mapping does to each; filter by current step, choose some or all. */
export function MigrationInstances({ plan, selected, onSelect, isDisabled }: {
  plan: MigrationPlanView;
  selected: readonly string[];
  onSelect: (ids: readonly string[]) => void;
  isDisabled: boolean;
}) {
  const [stepFilter, setStepFilter] = useState('');
  const shown = plan.instances.filter((i) => stepFilter === '' || i.currentSteps.some((s) => s.stepId === stepFilter));
  const chosen = new Set(selected);
  const shownChosen = shown.filter((i) => chosen.has(i.instanceId)).length;
  const toggle = (id: string) => onSelect(chosen.has(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  const toggleAll = () => {
    const shownIds = new Set(shown.map((i) => i.instanceId));
    onSelect(shownChosen === shown.length ? selected.filter((id) => !shownIds.has(id)) : [...new Set([...selected, ...shownIds])]);
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField select size="small" label="Current step" value={stepFilter} onChange={(e) => setStepFilter(e.target.value)} sx={{ minWidth: 240 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
          <MenuItem value=""><em>Any step</em></MenuItem>
          {plan.stepsToMap.map((s) => <MenuItem key={s.stepId} value={s.stepId}>{s.name} ({s.instanceCount})</MenuItem>)}
        </TextField>
        <Typography color="text.secondary">{selected.length} of {plan.instances.length} chosen</Typography>
      </Stack>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Instances to move">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox slotProps={{ input: { 'aria-label': 'Choose all shown instances' } }} disabled={isDisabled || shown.length === 0}
                  checked={shown.length > 0 && shownChosen === shown.length} indeterminate={shownChosen > 0 && shownChosen < shown.length} onChange={toggleAll} />
              </TableCell>
              <TableCell>Instance</TableCell><TableCell>Started</TableCell><TableCell>Version</TableCell><TableCell>Current step</TableCell><TableCell>Plan</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((item) => (
              <TableRow key={item.instanceId} hover data-testid="migration-instance-row">
                <TableCell padding="checkbox">
                  <Checkbox slotProps={{ input: { 'aria-label': `Choose ${item.label}` } }} disabled={isDisabled} checked={chosen.has(item.instanceId)} onChange={() => toggle(item.instanceId)} />
                </TableCell>
                <TableCell>{item.label}</TableCell>
                <TableCell><LocalTime iso={item.startedAt} /></TableCell>
                <TableCell>v{item.fromVersion}</TableCell>
                <TableCell>{item.currentSteps.map((s) => s.name).join(', ')}</TableCell>
                <TableCell>
                  {item.outcome === 'ready'
                    ? <Typography variant="body2" color="success.main">{item.moves.map((m) => `${m.from.name} → ${m.to.name}`).join('; ')}</Typography>
                    : <Typography variant="body2" color="error">{refusalText(item, plan)}</Typography>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}

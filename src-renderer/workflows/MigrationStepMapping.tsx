import { MenuItem, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { MigrationPlanView } from '../../src-shared/workflows/workflow-contract';
import { stepTypeLabel } from './workflow-labels';

/**
 * Where each active step goes in the target version: a dropdown per step, filled with the step of
 * the same id and type where the target keeps one; "Not mapped" leaves its instances where they are.
 */
export function MigrationStepMapping({ plan, onChoose }: { plan: MigrationPlanView; onChoose: (stepId: string, to: string) => void }) {
  if (plan.stepsToMap.length === 0) return <Typography color="text.secondary">No running instance stands on a step that needs a place in version {plan.toVersion}.</Typography>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Step mapping">
        <TableHead>
          <TableRow><TableCell>Current step</TableCell><TableCell>Instances on it</TableCell><TableCell>Becomes in version {plan.toVersion}</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {plan.stepsToMap.map((step) => {
            const to = plan.stepMapping[step.stepId] ?? '';
            return (
              <TableRow key={step.stepId} data-testid="step-mapping-row">
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>{step.name}</Typography>
                  <Typography variant="caption" color="text.secondary">{stepTypeLabel[step.type]}</Typography>
                </TableCell>
                <TableCell>{step.instanceCount}</TableCell>
                <TableCell>
                  <TextField select size="small" value={to} onChange={(e) => onChoose(step.stepId, e.target.value)} sx={{ minWidth: 260 }}
                    label={`${step.name} becomes`} error={to === ''} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                    helperText={to === '' ? (step.targets.length === 0 ? `Version ${plan.toVersion} has no step of this type.` : 'Choose a step, or its instances stay where they are.') : to === step.suggested ? 'Same step as before' : ' '}>
                    <MenuItem value=""><em>Not mapped</em></MenuItem>
                    {step.targets.map((t) => <MenuItem key={t.stepId} value={t.stepId}>{t.name}</MenuItem>)}
                  </TextField>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

import { Alert, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { CalibrationPlanView, InstrumentOverview } from '../../src-shared/equipment/equipment-views';
import { formatDay } from '../tasks/task-labels';
import { CalibrationDialog } from './CalibrationDialog';
import { CalibrationPlanDialog } from './CalibrationPlanDialog';
import { daysLeftText, resultText } from './equipment-labels';
import { StatusChip } from './StatusChip';

/** The instrument's calibration plans (when each falls due) and its calibrations, with entry of a new one. */
export function CalibrationTab({ overview }: { overview: InstrumentOverview }) {
  const [dialog, setDialog] = useState<{ mode: 'plan' } | { mode: 'record'; plan: CalibrationPlanView } | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const isRetired = ['decommissioned', 'disposed'].includes(overview.record.status);
  return (
    <Stack spacing={2}>
      {outcome && <Alert severity={outcome.startsWith('Passed') ? 'success' : 'warning'} onClose={() => setOutcome(null)} data-testid="calibration-outcome">{outcome}</Alert>}
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>Calibration plans</Typography>
        {!isRetired && <Button variant="outlined" onClick={() => setDialog({ mode: 'plan' })}>Add a calibration plan</Button>}
      </Stack>
      {overview.calibrationPlans.length === 0 && <Typography variant="body2" color="text.secondary">No calibration plan: the instrument needs no calibration before use.</Typography>}
      {overview.calibrationPlans.map((plan) => (
        <Paper key={plan.id} variant="outlined" sx={{ p: 2 }} data-testid="calibration-plan">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Stack sx={{ flexGrow: 1 }}>
              <Typography variant="subtitle1">{plan.name} <Typography component="span" variant="body2" color="text.secondary">{plan.number} · {plan.intervalText} · {plan.provider}</Typography></Typography>
              <Typography variant="body2">
                Next due {formatDay(plan.dueDate)} ({daysLeftText(plan.daysLeft)}){plan.lastCalibration ? ` · last ${plan.lastCalibration.number} on ${formatDay(plan.lastCalibration.performedOn)}: ${resultText[plan.lastCalibration.result]}` : ' · not calibrated yet'}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                Points: {plan.points.map((p) => `${p.name} ${p.nominal} ± ${p.tolerance} ${p.unit}`).join('; ')} · reminders {plan.reminderLeadDays.join(', ')} days ahead{plan.method ? ` · ${plan.method}` : ''}
              </Typography>
            </Stack>
            {plan.daysLeft < 0 && plan.status === 'active' && <Chip color="error" label="Overdue" />}
            {plan.status === 'active' && !isRetired && <Button variant="contained" onClick={() => setDialog({ mode: 'record', plan })}>Record calibration</Button>}
          </Stack>
        </Paper>
      ))}
      <Typography variant="h6" component="h3">Calibrations</Typography>
      {overview.calibrations.length === 0 ? <Typography variant="body2" color="text.secondary">None recorded yet.</Typography> : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Calibrations">
            <TableHead><TableRow><TableCell>Number</TableCell><TableCell>Date</TableCell><TableCell>Plan</TableCell><TableCell>By</TableCell><TableCell>As found</TableCell><TableCell>Result</TableCell><TableCell>Certificate</TableCell><TableCell>Status</TableCell></TableRow></TableHead>
            <TableBody>
              {overview.calibrations.map((c) => (
                <TableRow key={c.id}>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{c.number}</TableCell>
                  <TableCell>{formatDay(c.performedOn)}</TableCell>
                  <TableCell>{c.planName}</TableCell>
                  <TableCell>{c.performedBy}</TableCell>
                  <TableCell>{resultText[c.asFoundResult]}</TableCell>
                  <TableCell><Chip size="small" color={c.result === 'pass' ? 'success' : 'error'} label={resultText[c.result]} /></TableCell>
                  <TableCell>{c.certificateNumber || '—'}</TableCell>
                  <TableCell><StatusChip kind="calibration" status={c.status} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {dialog?.mode === 'plan' && <CalibrationPlanDialog equipmentId={overview.record.id} onClose={() => setDialog(null)} />}
      {dialog?.mode === 'record' && <CalibrationDialog equipmentId={overview.record.id} plan={dialog.plan} onClose={(text) => { setDialog(null); if (text) setOutcome(text); }} />}
    </Stack>
  );
}

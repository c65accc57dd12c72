import TimerOffIcon from '@mui/icons-material/TimerOff';
import {
  Alert, Chip, FormControlLabel, LinearProgress, Link, MenuItem, Paper, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { LocalTime } from './LocalTime';
import { useNow } from './use-now';
import { useWorkflowNav } from './use-workflow-nav';
import { formatHours } from './workflow-labels';

/** Recorded SLA breaches (the spec's GET sla-violations): which step of which instance, due when, breached when, by how much. */
export function SlaViolationsList() {
  const [code, setCode] = useState('');
  const [isOpenOnly, setOpenOnly] = useState(false);
  const definitions = useLiveQuery('workflows/definitions/list', { includeRetired: true });
  const violations = useLiveQuery('workflows/sla-violations', { isOpenOnly, ...(code ? { code } : {}) });
  const nav = useWorkflowNav();
  const now = useNow();
  const list = violations.data ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>SLA violations</Typography>
        <TextField select size="small" label="Workflow" value={code} onChange={(e) => setCode(e.target.value)} sx={{ minWidth: 220 }}>
          <MenuItem value=""><em>All workflows</em></MenuItem>
          {(definitions.data ?? []).map((d) => <MenuItem key={d.code} value={d.code}>{d.name}</MenuItem>)}
        </TextField>
        <FormControlLabel control={<Switch checked={isOpenOnly} onChange={(e) => setOpenOnly(e.target.checked)} />} label="Still open only" />
      </Stack>
      {violations.isLoading && <LinearProgress aria-label="Loading SLA violations" />}
      {violations.error && <Alert severity="error">{errorText(violations.error)}</Alert>}
      {!violations.isLoading && !violations.error && list.length === 0 && (
        <EmptySection icon={<TimerOffIcon />} title="No SLA violations"
          text="When a step is not finished by its deadline, the breach is recorded and listed here: the instance, the step, when it was due, when the breach was noticed and how late it is." />
      )}
      {list.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="SLA violations">
            <TableHead>
              <TableRow>
                <TableCell>Instance</TableCell><TableCell>Step</TableCell><TableCell>About</TableCell><TableCell>Due</TableCell>
                <TableCell>Breached at</TableCell><TableCell>Overdue by</TableCell><TableCell>State</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((v) => {
                // An open breach keeps growing; the stored hours are as of detection (and never less, should this PC's clock lag the host's).
                const hours = v.is_open ? Math.max(v.violation_duration_hours, (now - Date.parse(v.expected_completion_time)) / 3_600_000) : v.violation_duration_hours;
                return (
                  <TableRow key={v.id} hover data-testid="sla-violation-row">
                    <TableCell>
                      <Link component="button" variant="body2" onClick={() => nav.openInstance(v.workflow_instance_id)}>{v.workflow_name}</Link>
                      <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: 'monospace' }}>{v.workflow_instance_id}</Typography>
                    </TableCell>
                    <TableCell>{v.step_name}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v.entity_type} {v.entity_id}</TableCell>
                    <TableCell><LocalTime iso={v.expected_completion_time} /></TableCell>
                    <TableCell><LocalTime iso={v.detected_at} /></TableCell>
                    <TableCell sx={{ color: 'error.main', fontWeight: 600, whiteSpace: 'nowrap' }}>{formatHours(hours)}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5}>
                        <Chip size="small" label={v.is_open ? 'Open' : 'Finished late'} color={v.is_open ? 'error' : 'default'} />
                        {v.escalated && <Chip size="small" variant="outlined" color="warning" label={`Escalated ×${v.escalation_level}`} />}
                      </Stack>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

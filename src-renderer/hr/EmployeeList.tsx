import { Alert, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import type { EmployeeOverview } from '../../src-shared/hr/employee-views';
import type { TrainingState } from '../../src-shared/hr/training-matrix';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useRecordNav } from '../records/record-routes';
import { useSignedInPerson } from '../records/use-people';
import { EmployeeDialog } from './EmployeeDialog';

const trainingChip: Record<TrainingState, { label: string; color: 'success' | 'warning' | 'error' | 'default' }> = {
  valid: { label: 'Valid', color: 'success' },
  expiring: { label: 'Expiring', color: 'warning' },
  expired: { label: 'Expired', color: 'error' },
  missing: { label: 'Missing', color: 'default' },
};

/**
 * The employee records the reader may read (HR: everyone; a manager: their people), each with the
 * trainings their roles require and their state today — the training matrix. A row opens the
 * employee record. HR sets up new employees here (EmployeeDialog).
 */
export function EmployeeList() {
  const overview = useLiveQuery('hr/employees', {});
  const isHr = useSignedInPerson()?.roles.includes('hr') ?? false;
  const [isAdding, setAdding] = useState(false);
  return (
    <Stack spacing={2}>
      {isHr && <Stack direction="row"><Button variant="contained" onClick={() => setAdding(true)}>Set up an employee</Button></Stack>}
      {overview.error && <Alert severity="error">{errorText(overview.error)}</Alert>}
      {!overview.data ? (
        !overview.error && <Typography color="text.secondary">Loading employees…</Typography>
      ) : overview.data.rows.length === 0 ? (
        <Typography color="text.secondary">No employee records you can see yet.</Typography>
      ) : (
        <EmployeeTable overview={overview.data} />
      )}
      {isAdding && <EmployeeDialog onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function EmployeeTable({ overview: { rows, courses } }: { overview: EmployeeOverview }) {
  const nav = useRecordNav();
  return (
    <Stack spacing={1}>
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Employees and training matrix">
          <TableHead>
            <TableRow>
              <TableCell>Person</TableCell>
              <TableCell>Job title</TableCell>
              <TableCell>Manager</TableCell>
              <TableCell>Employment</TableCell>
              <TableCell>Start date</TableCell>
              <TableCell>Status</TableCell>
              {courses.map((c) => <TableCell key={c.id}>{c.title}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} hover sx={{ cursor: 'pointer' }} onClick={() => nav.openRecord(r.id)} data-testid="employee-row">
                <TableCell>{r.personName}</TableCell>
                <TableCell>{r.jobTitle}</TableCell>
                <TableCell>{r.managerName || 'Head of department'}</TableCell>
                <TableCell>{r.employmentLabel}</TableCell>
                <TableCell>{formatDay(r.startDate)}</TableCell>
                <TableCell>{r.statusLabel}</TableCell>
                {courses.map((c) => {
                  const state = r.trainings[c.id];
                  return <TableCell key={c.id}>{state ? <Chip size="small" label={trainingChip[state].label} color={trainingChip[state].color} /> : <Typography variant="body2" color="text.secondary">Not required</Typography>}</TableCell>;
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {courses.length === 0 && <Typography variant="body2" color="text.secondary">No training is required of these people yet: courses name the roles and instruments that need them.</Typography>}
    </Stack>
  );
}

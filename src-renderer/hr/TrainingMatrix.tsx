import DownloadIcon from '@mui/icons-material/Download';
import { Button, Chip, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import type { TrainingState } from '../../src-shared/hr/training-matrix';
import { filterMatrix, matrixCsv, trainingStateLabels, type MatrixCell, type TrainingMatrixView } from '../../src-shared/hr/training-views';
import { saveTextFile } from '../files/save-text-file';
import { useRoleNames } from '../workflows/use-role-names';

const chipColor: Record<TrainingState, 'success' | 'warning' | 'error' | 'default'> = { valid: 'success', expiring: 'warning', expired: 'error', missing: 'default' };

function CellChip({ cell }: { cell: MatrixCell }) {
  const chip = <Chip size="small" label={trainingStateLabels[cell.state]} color={chipColor[cell.state]} data-testid="matrix-cell" data-state={cell.state} />;
  if (!cell.expiresOn || cell.state === 'missing') return chip;
  return <Tooltip title={`${cell.state === 'expired' ? 'Ran out after' : 'Valid until'} ${formatDay(cell.expiresOn)}`}>{chip}</Tooltip>;
}

/**
 * The training matrix on its own: people × the trainings required of them (by role and by the
 * instruments they are authorised on), each valid, expiring (within 30 days), expired or missing;
 * narrowed by department or role, and exported as CSV exactly as filtered.
 */
export function TrainingMatrix({ matrix, today }: { matrix: TrainingMatrixView; today: string }) {
  const roleName = useRoleNames();
  const [filter, setFilter] = useState({ departmentId: '', role: '' });
  const shown = filterMatrix(matrix, filter);
  const departments = [...new Map(matrix.rows.filter((r) => r.departmentId).map((r) => [r.departmentId, r.departmentName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const roles = [...new Set(matrix.rows.flatMap((r) => r.roles))].sort();
  const exportCsv = () => saveTextFile(`Training matrix ${today}.csv`, matrixCsv(shown, (d) => formatDay(d)), 'text/csv');
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField select size="small" label="Department" value={filter.departmentId} onChange={(e) => setFilter({ ...filter, departmentId: e.target.value })} sx={{ minWidth: 200 }}>
          <MenuItem value="">All departments</MenuItem>
          {departments.map(([id, name]) => <MenuItem key={id} value={id}>{name}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="Role" value={filter.role} onChange={(e) => setFilter({ ...filter, role: e.target.value })} sx={{ minWidth: 200 }}>
          <MenuItem value="">All roles</MenuItem>
          {roles.map((r) => <MenuItem key={r} value={r}>{roleName(r)}</MenuItem>)}
        </TextField>
        <Button startIcon={<DownloadIcon />} onClick={exportCsv} disabled={shown.rows.length === 0}>Export CSV</Button>
      </Stack>
      {shown.rows.length === 0 ? (
        <Typography color="text.secondary">No employee records you can see{filter.departmentId || filter.role ? ' with this filter' : ''}.</Typography>
      ) : (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Training matrix">
            <TableHead>
              <TableRow>
                <TableCell>Person</TableCell>
                <TableCell>Department</TableCell>
                {shown.columns.map((c) => <TableCell key={c.id}>{c.title}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.rows.map((r) => (
                <TableRow key={r.personId} data-testid="matrix-row">
                  <TableCell>{r.personName}</TableCell>
                  <TableCell>{r.departmentName || '—'}</TableCell>
                  {shown.columns.map((c) => {
                    const cell = r.cells[c.id];
                    return <TableCell key={c.id}>{cell ? <CellChip cell={cell} /> : <Typography variant="body2" color="text.secondary">Not required</Typography>}</TableCell>;
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {matrix.columns.length === 0 && <Typography variant="body2" color="text.secondary">No training is required yet: a course names the roles and instruments that need it.</Typography>}
    </Stack>
  );
}

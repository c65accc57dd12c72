import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert, Button, IconButton, LinearProgress, Paper, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { DepartmentSummary } from '../../src-shared/people/departments';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DepartmentDialog } from './DepartmentDialog';

/** Settings → Departments: the lab's departments with their heads; administrators add, rename and deactivate them. */
export function DepartmentSettings({ isAdmin }: { isAdmin: boolean }) {
  const departments = useLiveQuery('departments/list', { includeInactive: true });
  const create = useCommand('departments/create');
  const rename = useCommand('departments/rename');
  const setActive = useCommand('departments/set-active');
  const [editing, setEditing] = useState<{ department: DepartmentSummary | null } | null>(null);
  const list = departments.data ?? [];
  const open = (department: DepartmentSummary | null) => {
    create.clearError();
    rename.clearError();
    setEditing({ department });
  };

  return (
    <Stack spacing={2}>
      {!isAdmin && <Alert severity="info">Only administrators can change departments.</Alert>}
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" sx={{ flexGrow: 1 }}>Departments</Typography>
        {isAdmin && <Button variant="contained" startIcon={<AddIcon />} onClick={() => open(null)}>Add department</Button>}
      </Stack>
      {departments.isLoading && <LinearProgress />}
      {departments.error && <Alert severity="error">{errorText(departments.error)}</Alert>}
      {setActive.error && <Alert severity="error">{errorText(setActive.error)}</Alert>}
      {!departments.isLoading && !departments.error && list.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }} data-testid="departments-empty">
          <Typography sx={{ fontWeight: 500 }}>No departments yet.</Typography>
          <Typography color="text.secondary">
            {isAdmin
              ? 'Add one to place people in it. Workflows then send “head of department” steps to the heads of the requester’s department.'
              : 'An administrator can add them.'}
          </Typography>
        </Paper>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Departments">
            <TableHead>
              <TableRow><TableCell>Code</TableCell><TableCell>Name</TableCell><TableCell>Head</TableCell><TableCell align="right">People</TableCell><TableCell>Active</TableCell><TableCell /></TableRow>
            </TableHead>
            <TableBody>
              {list.map((d) => (
                <TableRow key={d.id} data-testid="department-row" sx={d.isActive ? undefined : { '& td': { color: 'text.disabled' } }}>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{d.code}</TableCell>
                  <TableCell>{d.name}</TableCell>
                  <TableCell>{d.heads.length > 0 ? d.heads.map((h) => h.name).join(', ') : <Typography component="span" variant="body2" color="text.secondary">No head yet</Typography>}</TableCell>
                  <TableCell align="right">{d.memberCount}</TableCell>
                  <TableCell>
                    <Switch checked={d.isActive} disabled={!isAdmin || setActive.isRunning} slotProps={{ input: { 'aria-label': `${d.name} is active` } }}
                      onChange={(e) => void setActive.run({ id: d.id, isActive: e.target.checked })} />
                  </TableCell>
                  <TableCell align="right">
                    {isAdmin && <Tooltip title="Rename"><IconButton aria-label={`Rename ${d.name}`} onClick={() => open(d)}><EditIcon /></IconButton></Tooltip>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Typography variant="body2" color="text.secondary">
        A department’s head is whoever in it has the Department head role. Deactivated departments keep their people but cannot be chosen, and workflows skip them.
      </Typography>

      <DepartmentDialog
        isOpen={editing !== null}
        department={editing?.department ?? null}
        isRunning={create.isRunning || rename.isRunning}
        error={editing?.department ? rename.error : create.error}
        onCancel={() => setEditing(null)}
        onSubmit={async (values) => {
          const result = editing?.department ? await rename.run({ id: editing.department.id, name: values.name }) : await create.run(values);
          if (result.ok) setEditing(null);
        }}
      />
    </Stack>
  );
}

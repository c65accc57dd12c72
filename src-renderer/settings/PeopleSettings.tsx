import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import {
  Alert, Button, Chip, IconButton, LinearProgress, Paper, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import { findDepartment } from '../../src-shared/people/departments';
import type { PersonView } from '../../src-shared/people/person';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { departmentLabel } from './DepartmentPicker';
import { PersonDialog } from './PersonDialog';
import { roleLabel } from '../../src-shared/people/role-label';

/** What an unlock did, in words: on this PC always, on the sync server in team mode. */
function unlockedText(name: string, onServer: number | null): string {
  if (onServer === null) return `${name} can sign in on this PC again.`;
  const there = onServer === 0 ? 'nothing was locked on the sync server' : `the sync server unlocked ${onServer} ${onServer === 1 ? 'computer' : 'computers'}`;
  return `${name} can sign in again: the waits on this PC ended and ${there}.`;
}

export function PeopleSettings({ isAdmin }: { isAdmin: boolean }) {
  const people = useLiveQuery('people/list', { includeInactive: true });
  const roles = useLiveQuery('roles/list', {});
  const departments = useLiveQuery('departments/list', { includeInactive: true });
  const create = useCommand('people/create');
  const update = useCommand('people/update');
  const setActive = useCommand('people/set-active');
  const unlock = useCommand('people/unlock-sign-in');
  const [unlocked, setUnlocked] = useState<string | null>(null);
  const createRole = useCommand('roles/create');
  const [editing, setEditing] = useState<{ person: PersonView | null } | null>(null);
  const [role, setRole] = useState({ code: '', name: '' });
  const roleList = roles.data ?? [];
  const roleName = (code: string) => roleLabel(code, roleList);
  const departmentList = departments.data ?? [];
  const departmentOf = (p: PersonView) => {
    const department = findDepartment(departmentList, p.departmentId);
    if (department) return department.isActive ? departmentLabel(department) : `${departmentLabel(department)}, deactivated`;
    return p.departmentId ?? '';
  };

  return (
    <Stack spacing={3}>
      {!isAdmin && <Alert severity="info">Only administrators can change people and roles.</Alert>}
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" sx={{ flexGrow: 1 }}>People</Typography>
        {isAdmin && <Button variant="contained" startIcon={<AddIcon />} onClick={() => { create.clearError(); setEditing({ person: null }); }}>Add person</Button>}
      </Stack>
      {people.isLoading && <LinearProgress />}
      {setActive.error && <Alert severity="error">{errorText(setActive.error)}</Alert>}
      {unlock.error && <Alert severity="error">{errorText(unlock.error)}</Alert>}
      {unlocked && !unlock.error && <Alert severity="success" data-testid="unlock-result" onClose={() => setUnlocked(null)}>{unlocked}</Alert>}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="People">
          <TableHead><TableRow><TableCell>Name</TableCell><TableCell>Email</TableCell><TableCell>Roles</TableCell><TableCell>Department</TableCell><TableCell>Active</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>
            {(people.data ?? []).map((p) => (
              <TableRow key={p.id} data-testid="person-row">
                <TableCell>{p.name}</TableCell>
                <TableCell>{p.email}</TableCell>
                <TableCell>{p.roles.map((r) => <Chip key={r} label={roleName(r)} size="small" sx={{ mr: 0.5 }} />)}</TableCell>
                <TableCell>{departmentOf(p)}</TableCell>
                <TableCell>
                  <Switch checked={p.isActive} disabled={!isAdmin} slotProps={{ input: { 'aria-label': `${p.name} is active` } }}
                    onChange={(e) => void setActive.run({ id: p.id, isActive: e.target.checked })} />
                </TableCell>
                <TableCell align="right">
                  {isAdmin && (
                    <Tooltip title="Unlock sign-in after wrong passwords">
                      <IconButton aria-label={`Unlock sign-in of ${p.name}`} disabled={unlock.isRunning}
                        onClick={async () => {
                          const result = await unlock.run({ id: p.id });
                          if (result.ok) setUnlocked(unlockedText(p.name, result.value.unlockedOnServer));
                        }}>
                        <LockOpenIcon />
                      </IconButton>
                    </Tooltip>
                  )}
                  {isAdmin && <Tooltip title="Edit"><IconButton aria-label={`Edit ${p.name}`} onClick={() => { update.clearError(); setEditing({ person: p }); }}><EditIcon /></IconButton></Tooltip>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>

      <Typography variant="h6">Roles</Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {roleList.map((r) => <Chip key={r.code} label={`${r.name} (${r.code})`} variant={r.isBuiltIn ? 'outlined' : 'filled'} />)}
      </Stack>
      {isAdmin && (
        <Stack component="form" direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} aria-label="Add role"
          onSubmit={async (e) => { e.preventDefault(); const r = await createRole.run(role); if (r.ok) setRole({ code: '', name: '' }); }}>
          <TextField size="small" label="Role code" placeholder="lab_technician" value={role.code} onChange={(e) => setRole({ ...role, code: e.target.value })}
            error={Boolean(fieldError(createRole.error, 'code'))} helperText={fieldError(createRole.error, 'code')} />
          <TextField size="small" label="Role name" value={role.name} onChange={(e) => setRole({ ...role, name: e.target.value })}
            error={Boolean(fieldError(createRole.error, 'name'))} helperText={fieldError(createRole.error, 'name')} />
          <Button type="submit" variant="outlined" disabled={createRole.isRunning}>Add role</Button>
        </Stack>
      )}

      <PersonDialog
        isOpen={editing !== null}
        person={editing?.person ?? null}
        roles={roleList}
        departments={departmentList}
        isRunning={create.isRunning || update.isRunning}
        error={editing?.person ? update.error : create.error}
        onCancel={() => setEditing(null)}
        onSubmit={async (values) => {
          const result = editing?.person
            ? await update.run({ id: editing.person.id, name: values.name, email: values.email, roles: values.roles, departmentId: values.departmentId })
            : await create.run(values);
          if (result.ok) setEditing(null);
        }}
      />
    </Stack>
  );
}

import { Alert, Autocomplete, Button, Chip, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../src-shared/core/result';
import type { DepartmentView } from '../../src-shared/people/departments';
import type { PersonView, RoleView } from '../../src-shared/people/person';
import { fieldError, formError } from '../errors/error-text';
import { DepartmentPicker } from './DepartmentPicker';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';
import { roleLabel } from '../../src-shared/people/role-label';
import { FormDialog } from '../shell/FormDialog';

export interface PersonFormValues {
  name: string;
  email: string;
  password: string;
  roles: string[];
  /** '' for none. */
  departmentId: string;
}

interface Props {
  person: PersonView | null;
  isOpen: boolean;
  roles: RoleView[];
  departments: readonly DepartmentView[];
  isRunning: boolean;
  error: AppError | undefined;
  onCancel: () => void;
  onSubmit: (values: PersonFormValues) => void;
}

/** Adds a person (with a first password) or edits one (name, email, roles, department). */
export function PersonDialog({ person, isOpen, roles, departments, isRunning, error, onCancel, onSubmit }: Props) {
  const blank: PersonFormValues = { name: '', email: '', password: '', roles: ['member'], departmentId: '' };
  const [values, setValues] = useState(blank);
  useEffect(() => {
    if (isOpen) setValues(person ? { name: person.name, email: person.email, password: '', roles: person.roles, departmentId: person.departmentId ?? '' } : blank);
  }, [isOpen, person]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when opened
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const roleName = (code: string) => roleLabel(code, roles);
  const general = formError(error, ['name', 'email', 'password', 'roles', 'departmentId']);
  return (
    <FormDialog open={isOpen} onClose={onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label={person ? 'Edit person' : 'Add person'}>
        <DialogTitle>{person ? `Edit ${person.name}` : 'Add a person'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {person && <RecordConflictNotice collection="people" recordId={person.id} />}
            <TextField label="Name" value={values.name} autoFocus onChange={(e) => setValues({ ...values, name: e.target.value })}
              error={Boolean(fieldError(error, 'name'))} helperText={fieldError(error, 'name')} />
            <TextField label="Email" type="email" value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })}
              error={Boolean(fieldError(error, 'email'))} helperText={fieldError(error, 'email')} />
            {!person && (
              <TextField label="First password" type="password" autoComplete="new-password" value={values.password}
                onChange={(e) => setValues({ ...values, password: e.target.value })}
                error={Boolean(fieldError(error, 'password'))} helperText={fieldError(error, 'password') ?? 'At least 10 characters. Tell the person; they sign in with it.'} />
            )}
            <Autocomplete
              multiple
              options={roles.map((r) => r.code)}
              getOptionLabel={roleName}
              value={values.roles}
              onChange={(_e, roleCodes) => setValues({ ...values, roles: roleCodes })}
              renderValue={(selected, getItemProps) => selected.map((code, index) => <Chip {...getItemProps({ index })} key={code} label={roleName(code)} size="small" />)}
              renderInput={(params) => <TextField {...params} label="Roles" error={Boolean(fieldError(error, 'roles'))} helperText={fieldError(error, 'roles')} />}
            />
            <DepartmentPicker departments={departments} value={values.departmentId} onChange={(departmentId) => setValues({ ...values, departmentId })}
              error={fieldError(error, 'departmentId')} />
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isRunning}>{person ? 'Save' : 'Add person'}</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

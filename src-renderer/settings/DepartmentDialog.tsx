import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../src-shared/core/result';
import type { DepartmentView } from '../../src-shared/people/departments';
import { fieldError, formError } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

export interface DepartmentFormValues {
  code: string;
  name: string;
}

interface Props {
  /** null: a new department; otherwise the one being renamed (its code stays). */
  department: DepartmentView | null;
  isOpen: boolean;
  isRunning: boolean;
  error: AppError | undefined;
  onCancel: () => void;
  onSubmit: (values: DepartmentFormValues) => void;
}

/** Adds a department (code and name) or renames one. Enter saves, Escape closes. */
export function DepartmentDialog({ department, isOpen, isRunning, error, onCancel, onSubmit }: Props) {
  const [values, setValues] = useState<DepartmentFormValues>({ code: '', name: '' });
  useEffect(() => {
    if (isOpen) setValues(department ? { code: department.code, name: department.name } : { code: '', name: '' });
  }, [isOpen, department]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const general = formError(error, ['code', 'name']);
  return (
    <FormDialog open={isOpen} onClose={onCancel} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate aria-label={department ? 'Rename department' : 'Add department'}>
        <DialogTitle>{department ? `Rename ${department.name}` : 'Add a department'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField label="Code" value={values.code} autoFocus={!department} disabled={Boolean(department)} placeholder="CHEM"
              onChange={(e) => setValues({ ...values, code: e.target.value })}
              error={Boolean(fieldError(error, 'code'))}
              helperText={fieldError(error, 'code') ?? (department ? 'The code stays: records and imports may name the department by it.' : 'Short and unique, e.g. CHEM or qc-lab.')} />
            <TextField label="Name" value={values.name} autoFocus={Boolean(department)} placeholder="Chemistry"
              onChange={(e) => setValues({ ...values, name: e.target.value })}
              error={Boolean(fieldError(error, 'name'))} helperText={fieldError(error, 'name')} />
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isRunning}>{department ? 'Rename' : 'Add department'}</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

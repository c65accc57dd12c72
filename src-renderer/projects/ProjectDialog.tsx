import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { fieldError, formError } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

export interface ProjectFormValues {
  code: string;
  name: string;
  description: string;
}

interface Props {
  isOpen: boolean;
  mode: 'create' | 'rename';
  initial: ProjectFormValues;
  isRunning: boolean;
  error: AppError | undefined;
  onCancel: () => void;
  onSubmit: (values: ProjectFormValues) => void;
}

export function ProjectDialog({ isOpen, mode, initial, isRunning, error, onCancel, onSubmit }: Props) {
  const [values, setValues] = useState(initial);
  useEffect(() => {
    if (isOpen) setValues(initial);
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const set = (field: keyof ProjectFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const general = formError(error, ['code', 'name', 'description']);
  return (
    <FormDialog open={isOpen} onClose={onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label={mode === 'create' ? 'New project' : 'Rename project'}>
        <DialogTitle>{mode === 'create' ? 'New project' : 'Rename project'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {mode === 'create' && (
              <TextField label="Code" placeholder="QC-2026" value={values.code} onChange={set('code')} autoFocus
                error={Boolean(fieldError(error, 'code'))} helperText={fieldError(error, 'code') ?? 'A short unique code, e.g. QC-2026.'} />
            )}
            <TextField label="Name" value={values.name} onChange={set('name')} autoFocus={mode === 'rename'}
              error={Boolean(fieldError(error, 'name'))} helperText={fieldError(error, 'name')} />
            {mode === 'create' && (
              <TextField label="Description" value={values.description} onChange={set('description')} multiline minRows={2}
                error={Boolean(fieldError(error, 'description'))} helperText={fieldError(error, 'description')} />
            )}
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isRunning}>{mode === 'create' ? 'Create project' : 'Rename'}</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { errorText } from '../errors/error-text';
import { rowsToVariables, type VariableRow } from './variable-rows';
import { VariableRowsEditor } from './VariableRowsEditor';
import { actionLabel } from './workflow-labels';
import { FormDialog } from '../shell/FormDialog';

interface Props {
  isOpen: boolean;
  action: string;
  stepName: string;
  isRunning: boolean;
  error: AppError | undefined;
  /** The step's form for this action; without one, free data for the instance may be given. */
  form?: ReactNode;
  onCancel: () => void;
  onSubmit: (values: { comments: string; data: Record<string, unknown> }) => void;
}

/** Takes an action that needs no signature (complete, send back …) with the step's form (or free data) and optional comments. */
export function ActionDialog({ isOpen, action, stepName, isRunning, error, form, onCancel, onSubmit }: Props) {
  const [comments, setComments] = useState('');
  const [rows, setRows] = useState<VariableRow[]>([]);
  const [rowError, setRowError] = useState<{ index: number; message: string } | null>(null);
  useEffect(() => {
    if (!isOpen) return;
    setComments('');
    setRows([]);
    setRowError(null);
  }, [isOpen]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = rowsToVariables(rows);
    if (!data.ok) return setRowError({ index: data.index, message: data.message });
    setRowError(null);
    onSubmit({ comments: comments.trim(), data: data.value });
  };
  return (
    <FormDialog open={isOpen} onClose={onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label={`${actionLabel(action)} ${stepName}`}>
        <DialogTitle>{actionLabel(action)}: {stepName}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {form}
            <TextField label="Comments" value={comments} onChange={(e) => setComments(e.target.value)} autoFocus={!form} placeholder="Optional"
              helperText="Press Enter to confirm." />
            {!form && <VariableRowsEditor title="Data for the workflow (optional)" rows={rows} onChange={setRows} error={rowError} />}
            {error && !(form && error.field?.startsWith('data.')) && <Alert severity="error">{errorText(error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isRunning}>{actionLabel(action)}</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

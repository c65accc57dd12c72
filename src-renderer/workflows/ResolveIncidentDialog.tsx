import { Alert, Button, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../src-shared/core/result';
import type { StepDefinition } from '../../src-shared/workflows/definition-schema';
import { errorText } from '../errors/error-text';
import { StepTargetSelect } from './StepTargetSelect';
import { FormDialog } from '../shell/FormDialog';

interface Props {
  isOpen: boolean;
  message: string;
  steps: readonly StepDefinition[];
  isRunning: boolean;
  error: AppError | undefined;
  onCancel: () => void;
  onSubmit: (values: { goTo: string; comments: string }) => void;
}

/** Administrators: retry the step an incident stopped at, or send the instance on to another step. */
export function ResolveIncidentDialog({ isOpen, message, steps, isRunning, error, onCancel, onSubmit }: Props) {
  const [goTo, setGoTo] = useState('');
  const [comments, setComments] = useState('');
  useEffect(() => {
    if (!isOpen) return;
    setGoTo('');
    setComments('');
  }, [isOpen]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ goTo, comments: comments.trim() });
  };
  return (
    <FormDialog open={isOpen} onClose={onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Resolve incident">
        <DialogTitle>Resolve the incident</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{message}</DialogContentText>
            <StepTargetSelect label="Continue at" steps={steps} value={goTo} onChange={setGoTo} noneLabel="Retry the stopped step" size="medium" />
            <TextField label="Comments" value={comments} onChange={(e) => setComments(e.target.value)} placeholder="What was corrected" />
            {error && <Alert severity="error">{errorText(error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isRunning}>Resolve</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

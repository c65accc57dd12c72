import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../src-shared/core/result';
import type { AssigneeType } from '../../src-shared/workflows/definition-schema';
import type { ActiveStepView } from '../../src-shared/workflows/workflow-contract';
import { errorText, fieldError } from '../errors/error-text';
import { AssigneeFields } from './AssigneeFields';
import { FormDialog } from '../shell/FormDialog';

export interface ReassignValues {
  stepId: string;
  to: { assignee_type: AssigneeType; assignee_value: string | string[] };
  reason: string;
}

interface Props {
  isOpen: boolean;
  steps: ActiveStepView[];
  isRunning: boolean;
  error: AppError | undefined;
  onCancel: () => void;
  onSubmit: (values: ReassignValues) => void;
}

/** Hands an active step to other people or another role (delegation), with a reason kept in the history. */
export function ReassignDialog({ isOpen, steps, isRunning, error, onCancel, onSubmit }: Props) {
  const [token, setToken] = useState('');
  const [type, setType] = useState<AssigneeType | undefined>('user');
  const [value, setValue] = useState<string | string[] | undefined>(undefined);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (!isOpen) return;
    setToken(steps[0]?.token ?? '');
    setType('user');
    setValue(undefined);
    setReason('');
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when opened
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!type || value === undefined) return;
    onSubmit({ stepId: token, to: { assignee_type: type, assignee_value: value }, reason: reason.trim() });
  };
  return (
    <FormDialog open={isOpen} onClose={onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Reassign step">
        <DialogTitle>Reassign a step</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField select label="Step" value={token} onChange={(e) => setToken(e.target.value)}>
              {steps.map((s) => <MenuItem key={s.token} value={s.token}>{s.stepName}</MenuItem>)}
            </TextField>
            <AssigneeFields label="New assignee" type={type} value={value} onChange={(t, v) => { setType(t); setValue(v); }} valueError={fieldError(error, 'to.assignee_value')} />
            <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. on leave until Monday" />
            {error && !fieldError(error, 'to.assignee_value') && <Alert severity="error">{errorText(error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isRunning || !type || value === undefined}>Reassign</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

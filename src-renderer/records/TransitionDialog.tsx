import { Alert, Button, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { RecordView } from '../../src-shared/records/record-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

interface Props {
  record: RecordView;
  transition: RecordView['transitions'][number] | null;
  onClose: () => void;
}

/** Asks why before a status change that needs a reason (cancelling, withdrawing); the reason joins the record's history. */
export function TransitionDialog({ record, transition, onClose }: Props) {
  const move = useCommand('records/transition');
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (!transition) return;
    setReason('');
    move.clearError();
  }, [transition]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!transition) return;
    const result = await move.run({ id: record.id, to: transition.to, reason });
    if (result.ok) onClose();
  };
  const reasonError = fieldError(move.error, 'reason');
  return (
    <FormDialog open={transition !== null} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label={transition?.label ?? 'Change status'}>
        <DialogTitle>{transition?.label}: {record.number || record.title}</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 2 }}>Say why. The reason is kept in the record’s history.</DialogContentText>
          <TextField autoFocus fullWidth multiline minRows={3} label="Reason" value={reason} onChange={(e) => setReason(e.target.value)}
            error={Boolean(reasonError)} helperText={reasonError} />
          {move.error && !reasonError && <Alert severity="error" sx={{ mt: 2 }}>{errorText(move.error)}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Back</Button>
          <Button type="submit" variant="contained" disabled={move.isRunning}>{transition?.label}</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

import { Alert, Button, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

/** Asks why before a status change that needs a reason (cancel, quarantine, take out of service). */
export function ReasonDialog({ title, isRunning, error, onCancel, onConfirm }: { title: string; isRunning: boolean; error: AppError | undefined; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <FormDialog open onClose={onCancel} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <TextField autoFocus fullWidth multiline minRows={2} label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} sx={{ mt: 1 }} />
        {error && <Alert severity="error" sx={{ mt: 2 }}>{errorText(error)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Back</Button>
        <Button variant="contained" disabled={isRunning || !reason.trim()} onClick={() => onConfirm(reason.trim())}>{title}</Button>
      </DialogActions>
    </FormDialog>
  );
}

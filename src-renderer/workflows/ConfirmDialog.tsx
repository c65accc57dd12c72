import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';

interface Props {
  isOpen: boolean;
  title: string;
  text: ReactNode;
  confirmLabel: string;
  isDanger?: boolean;
  isRunning?: boolean;
  error?: string | undefined;
  /** Shows an optional "reason" field whose text is passed to onConfirm. */
  reasonLabel?: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/** Asks before something that cannot simply be undone (retire a workflow, cancel an instance). */
export function ConfirmDialog({ isOpen, title, text, confirmLabel, isDanger = false, isRunning = false, error, reasonLabel, onCancel, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (isOpen) setReason('');
  }, [isOpen]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(reason.trim());
  };
  return (
    <Dialog open={isOpen} onClose={onCancel} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate aria-label={title}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText component="div">{text}</DialogContentText>
            {reasonLabel && <TextField label={reasonLabel} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus multiline minRows={2} />}
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Keep</Button>
          <Button type="submit" variant="contained" color={isDanger ? 'error' : 'primary'} disabled={isRunning} autoFocus={!reasonLabel}>{confirmLabel}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

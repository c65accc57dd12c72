import { Button, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { CandidateCard } from '../../src-shared/hr/hiring-views';
import { FormDialog } from '../shell/FormDialog';

/** Asks why a candidate dropped on "Rejected" is rejected; nothing is written without a reason. */
export function RejectCandidateDialog({ candidate, onClose, onReject }: { candidate: CandidateCard | null; onClose: () => void; onReject: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [candidate]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) void onReject(reason.trim());
  };
  return (
    <FormDialog open={candidate !== null} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Reject the candidate">
        <DialogTitle>Reject {candidate?.name}</DialogTitle>
        <DialogContent>
          <TextField label="Why they are rejected" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} fullWidth autoFocus sx={{ mt: 1 }} helperText="Kept on the candidate; they may ask, and the next requisition learns from it." />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" color="error" disabled={!reason.trim()}>Reject</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

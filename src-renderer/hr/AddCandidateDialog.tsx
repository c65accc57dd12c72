import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { candidateSources } from '../../src-shared/hr/candidate-kind';
import type { RequisitionRow } from '../../src-shared/hr/hiring-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

const fields = ['data.name', 'data.email', 'data.phone', 'data.source', 'data.notes'];

/**
 * A new candidate for an open requisition, at screening: who they are, how to reach them and where
 * they came from. The candidate carries the requisition's hiring manager (their scope depends on
 * it); their CV is attached on the candidate once they are filed.
 */
export function AddCandidateDialog({ requisition, isOpen, onClose, onAdded }: { requisition: RequisitionRow; isOpen: boolean; onClose: () => void; onAdded: (id: string) => void }) {
  const create = useCommand('records/create');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [source, setSource] = useState('website');
  const [notes, setNotes] = useState('');
  useEffect(() => {
    if (!isOpen) return;
    setName(''); setEmail(''); setPhone(''); setSource('website'); setNotes('');
    create.clearError();
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run({ kind: 'candidate', data: { requisitionId: requisition.id, hiringManagerId: requisition.hiringManagerId, name, email, phone, source, notes } });
    if (result.ok) onAdded(result.value.id);
  };
  const errorAt = (field: string) => (create.error?.field === field ? create.error.message : undefined);
  const general = create.error && !fields.includes(create.error.field ?? '') ? errorText(create.error) : undefined;
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Add a candidate">
        <DialogTitle>Add a candidate for {requisition.jobTitle}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus error={Boolean(errorAt('data.name'))} helperText={errorAt('data.name')} />
            <TextField label="Email" value={email} onChange={(e) => setEmail(e.target.value)} error={Boolean(errorAt('data.email'))} helperText={errorAt('data.email')} />
            <TextField label="Phone" value={phone} onChange={(e) => setPhone(e.target.value)} error={Boolean(errorAt('data.phone'))} helperText={errorAt('data.phone')} />
            <TextField select label="Source" value={source} onChange={(e) => setSource(e.target.value)} error={Boolean(errorAt('data.source'))} helperText={errorAt('data.source')}>
              {candidateSources.map((s) => <MenuItem key={s.value} value={s.value}>{s.label}</MenuItem>)}
            </TextField>
            <TextField label="Notes" value={notes} onChange={(e) => setNotes(e.target.value)} multiline minRows={2} />
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={create.isRunning}>Add candidate</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

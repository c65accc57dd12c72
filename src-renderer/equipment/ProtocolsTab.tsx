import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { qualificationStages } from '../../src-shared/equipment/qualification-protocol-kind';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { RegisterTable } from './RegisterTable';
import { StatusChip } from './StatusChip';
import { RecordActions } from './RecordActions';
import { FormDialog } from '../shell/FormDialog';

function ProtocolDialog({ onClose }: { onClose: () => void }) {
  const create = useCommand('records/create');
  const [stage, setStage] = useState('SAT');
  const [title, setTitle] = useState('');
  const [appliesTo, setAppliesTo] = useState('');
  const [steps, setSteps] = useState('');
  const save = async () => {
    const lines = steps.split('\n').map((l) => l.trim()).filter(Boolean);
    const data = { stage, title, appliesTo, steps: lines.map((line, i) => { const [text, criteria] = line.split('|').map((p) => p.trim()); return { id: `s${i + 1}`, text: text ?? '', acceptanceCriteria: criteria ?? '' }; }) };
    if ((await create.run({ kind: 'qualification_protocol', data })).ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>New qualification protocol</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField select label="Stage" value={stage} onChange={(e) => setStage(e.target.value)} sx={{ minWidth: 300 }}>
              {qualificationStages.map((s) => <MenuItem key={s.value} value={s.value}>{s.label}</MenuItem>)}
            </TextField>
            <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} fullWidth />
          </Stack>
          <TextField label="Applies to" value={appliesTo} onChange={(e) => setAppliesTo(e.target.value)} helperText="e.g. analytical balances" />
          <TextField label="Test steps" value={steps} onChange={(e) => setSteps(e.target.value)} multiline minRows={5}
            helperText="One step per line: what to do | acceptance criteria" />
          {create.error && <Alert severity="error">{errorText(create.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={create.isRunning} onClick={() => void save()}>Save protocol</Button>
      </DialogActions>
    </FormDialog>
  );
}

/** Qualification protocols (FAT, SAT, IQ, OQ, PQ): test steps with acceptance criteria, approved by QA before use. */
export function ProtocolsTab() {
  const register = useLiveQuery('records/register', { kind: 'qualification_protocol', sort: { field: 'number', direction: 'desc' }, limit: 200 });
  const [isCreating, setIsCreating] = useState(false);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>An instrument is put in service only through an approved qualification executed from one of these protocols.</Typography>
        <Button variant="contained" onClick={() => setIsCreating(true)}>New protocol</Button>
      </Stack>
      <RegisterTable label="Protocols" rows={register.data?.rows ?? []} empty="No protocols yet."
        columns={[
          { label: 'Number', value: (r) => r.number },
          { label: 'Protocol', value: (r) => r.title },
          { label: 'Status', value: (r) => <StatusChip kind="qualification_protocol" status={r.status} /> },
          { label: 'Actions', value: (r) => <RecordActions id={r.id} /> },
        ]} />
      {isCreating && <ProtocolDialog onClose={() => setIsCreating(false)} />}
    </Stack>
  );
}

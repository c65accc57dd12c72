import GavelIcon from '@mui/icons-material/Gavel';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { meaningLabels, type QualificationMeaning } from '../../src-shared/equipment/qualification-rules';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';

const statements: Record<QualificationMeaning, string> = {
  executed: 'I executed these test steps and the results recorded are what I observed.',
  reviewed: 'I reviewed the execution and its results against the acceptance criteria.',
  approved: 'I approve this qualification: the instrument meets its acceptance criteria.',
};

/** An electronic signature of a qualification: the signer re-enters the password; name, time and meaning are bound into the record. */
export function SignQualificationDialog({ qualificationId, meaning, subject, onClose }: { qualificationId: string; meaning: QualificationMeaning; subject: string; onClose: () => void }) {
  const sign = useCommand('equipment/qualification/sign');
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await sign.run({ id: qualificationId, meaning, password });
    if (result.ok) onClose();
    else setPassword('');
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Electronic signature">
        <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}><GavelIcon color="primary" />{meaningLabels[meaning].replace(' by', '')}: {subject}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Typography variant="body2">Meaning of this signature: “{statements[meaning]}”</Typography>
            <TextField type="password" label="Your password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus autoComplete="current-password" />
            {sign.error && <Alert severity="error">{errorText(sign.error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!password || sign.isRunning}>Sign</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

import GavelIcon from '@mui/icons-material/Gavel';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField, Typography,
} from '@mui/material';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { signatureMeanings, type SignatureMeaning } from '../../src-shared/workflows/instance';
import { meaningFits } from '../../src-shared/workflows/signature-policy';
import { errorText } from '../errors/error-text';
import { actionLabel, meaningLabel, meaningStatement } from './workflow-labels';

export interface SignatureValues {
  password: string;
  meaning: SignatureMeaning;
  comments: string;
}

interface Props {
  isOpen: boolean;
  action: string;
  stepName: string;
  signerName: string;
  /** What is being signed, e.g. "Equipment Procurement Workflow for equipment EQ-1". */
  subject: string;
  isRunning: boolean;
  error: AppError | undefined;
  onCancel: () => void;
  onSign: (values: SignatureValues) => void;
  /** The step's form for this action, filled in before signing. */
  children?: ReactNode;
}

const defaultMeaning = (action: string): SignatureMeaning => (action === 'reject' ? 'rejected' : action === 'approve' ? 'approved' : 'responsible');

/** An electronic signature: the signer re-enters the password and states the meaning, both bound into the record. */
export function SignatureDialog({ isOpen, action, stepName, signerName, subject, isRunning, error, onCancel, onSign, children }: Props) {
  const [password, setPassword] = useState('');
  const [meaning, setMeaning] = useState<SignatureMeaning>(defaultMeaning(action));
  const [comments, setComments] = useState('');
  useEffect(() => {
    if (!isOpen) return;
    setPassword('');
    setMeaning(defaultMeaning(action));
    setComments('');
  }, [isOpen, action]);
  const passwordRef = useRef<HTMLInputElement>(null);
  // A wrong password clears the field and puts the cursor back in it, so the next try starts clean.
  useEffect(() => {
    if (error?.code !== 'signature_invalid') return;
    setPassword('');
    passwordRef.current?.focus();
  }, [error]);
  const meanings = signatureMeanings.filter((m) => meaningFits(action, m));
  const isPasswordError = error?.code === 'signature_invalid' || error?.field === 'signature.password' || error?.field === 'password';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSign({ password, meaning, comments: comments.trim() });
  };
  return (
    <Dialog open={isOpen} onClose={onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Electronic signature">
        <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}><GavelIcon color="primary" />Sign: {actionLabel(action)} “{stepName}”</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Alert severity="info" icon={false} data-testid="signature-statement">
              <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>What signing means</Typography>
              <Typography variant="body2">
                You are signing <b>{subject}</b> as <b>{signerName}</b>. Your electronic signature is the legally binding equivalent of your
                handwritten signature. Your name, the date and time (UTC) and the meaning you choose are bound into this record and its audit
                trail and cannot be changed afterwards.
              </Typography>
            </Alert>
            {children}
            <FormControl>
              <FormLabel id="signature-meaning">Meaning of this signature</FormLabel>
              <RadioGroup aria-labelledby="signature-meaning" value={meaning} onChange={(e) => setMeaning(e.target.value as SignatureMeaning)}>
                {meanings.map((m) => (
                  <FormControlLabel key={m} value={m} control={<Radio size="small" />}
                    label={<Box><Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>{meaningLabel[m]}</Typography><Typography variant="body2" component="span" color="text.secondary"> — {meaningStatement[m]}</Typography></Box>} />
                ))}
              </RadioGroup>
            </FormControl>
            <TextField label="Comments" value={comments} onChange={(e) => setComments(e.target.value)} multiline minRows={2} placeholder="Optional; kept with the decision" />
            <TextField label="Your password" type="password" inputRef={passwordRef} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus required
              error={isPasswordError} helperText={isPasswordError ? errorText(error) : 'Re-enter the password you sign in with.'} />
            {error && !isPasswordError && !(children && error.field?.startsWith('data.')) && <Alert severity="error">{errorText(error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" color={action === 'reject' ? 'error' : 'primary'} disabled={isRunning || password === ''}>
            Sign and {action === 'reject' ? 'reject' : action === 'approve' ? 'approve' : actionLabel(action).toLowerCase()}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

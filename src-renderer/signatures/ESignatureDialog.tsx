import GavelIcon from '@mui/icons-material/Gavel';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField, Typography,
} from '@mui/material';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { errorText } from '../errors/error-text';

/** One meaning a signature may carry, as the signer reads it: "Approved — I approve …". */
export interface MeaningChoice<M extends string> {
  value: M;
  label: string;
  statement: string;
}

export interface SignedValues<M extends string> {
  password: string;
  meaning: M;
  comments: string;
}

interface Props<M extends string> {
  isOpen?: boolean;
  /** E.g. "Sign: Approve “Manager approval”". */
  title: ReactNode;
  /** What is being signed, e.g. "QUAL-2026-0003 OQ: Balance OQ". */
  subject: string;
  /** Who signs, when the screen knows it. */
  signerName?: string;
  /** The meanings to choose from; one is stated, not offered. */
  meanings: readonly MeaningChoice<M>[];
  initialMeaning: M;
  /** Comments kept with the signature (workflow decisions). */
  hasComments?: boolean;
  signLabel: string;
  isDestructive?: boolean;
  isRunning: boolean;
  error: AppError | undefined;
  onCancel: () => void;
  onSign: (values: SignedValues<M>) => void;
  /** Fields filled in before signing (a workflow step's form). */
  children?: ReactNode;
  /** Whether an error belongs under another field than the password (a step form's `data.…`). */
  isShownElsewhere?: (error: AppError) => boolean;
}

/** Errors about the password: shown under it, and a wrong one clears the field. */
const isPasswordError = (error: AppError | undefined) => error?.code === 'signature_invalid' || error?.field === 'password' || error?.field === 'signature.password';

/**
 * LabFlow's one electronic signature (workflow decisions, qualifications, minutes): the signer reads
 * what signing means, sees the meaning they give it, and re-enters their password; name, time and
 * meaning are bound into the record by the host. A wrong password is said under the field, which
 * empties and takes the cursor again, so the next try starts clean.
 */
export function ESignatureDialog<M extends string>(props: Props<M>) {
  const { isOpen = true, meanings, initialMeaning, error } = props;
  const [password, setPassword] = useState('');
  const [meaning, setMeaning] = useState<M>(initialMeaning);
  const [comments, setComments] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    setPassword('');
    setMeaning(initialMeaning);
    setComments('');
  }, [isOpen, initialMeaning]);
  useEffect(() => {
    if (!isPasswordError(error)) return;
    setPassword('');
    passwordRef.current?.focus();
  }, [error]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSign({ password, meaning, comments: comments.trim() });
  };
  const passwordError = isPasswordError(error);
  const chosen = meanings.find((m) => m.value === meaning) ?? meanings[0];
  return (
    <Dialog open={isOpen} onClose={props.onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Electronic signature">
        <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}><GavelIcon color="primary" />{props.title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Alert severity="info" icon={false} data-testid="signature-statement">
              <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>What signing means</Typography>
              <Typography variant="body2">
                You are signing <b>{props.subject}</b>{props.signerName ? <> as <b>{props.signerName}</b></> : null}. Your electronic signature is the legally
                binding equivalent of your handwritten signature. Your name, the date and time (UTC) and the meaning of your signature are bound into
                this record and its audit trail and cannot be changed afterwards.
              </Typography>
            </Alert>
            {props.children}
            {meanings.length > 1 ? (
              <FormControl>
                <FormLabel id="signature-meaning">Meaning of this signature</FormLabel>
                <RadioGroup aria-labelledby="signature-meaning" value={meaning} onChange={(e) => setMeaning(e.target.value as M)}>
                  {meanings.map((m) => (
                    <FormControlLabel key={m.value} value={m.value} control={<Radio size="small" />}
                      label={<Box><Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>{m.label}</Typography><Typography variant="body2" component="span" color="text.secondary"> — {m.statement}</Typography></Box>} />
                  ))}
                </RadioGroup>
              </FormControl>
            ) : (
              chosen && <Typography variant="body2" data-testid="signature-meaning">Meaning of this signature: <b>{chosen.label}</b> — “{chosen.statement}”</Typography>
            )}
            {props.hasComments && <TextField label="Comments" value={comments} onChange={(e) => setComments(e.target.value)} multiline minRows={2} placeholder="Optional; kept with the decision" />}
            <TextField label="Your password" type="password" inputRef={passwordRef} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus required
              error={passwordError} helperText={passwordError ? errorText(error) : 'Re-enter the password you sign in with.'} />
            {error && !passwordError && !props.isShownElsewhere?.(error) && <Alert severity="error">{errorText(error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" color={props.isDestructive ? 'error' : 'primary'} disabled={props.isRunning || password === ''}>{props.signLabel}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

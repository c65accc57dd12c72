import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { CandidateCard } from '../../src-shared/hr/hiring-views';
import { HIRE_ROLES } from '../../src-shared/people/privileged-roles';
import { builtInRoles } from '../../src-shared/people/roles';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

const hireRoles = builtInRoles.filter((r) => HIRE_ROLES.includes(r.code));

/**
 * Hires a candidate whose offer was accepted: their work address and role in LabFlow. The host
 * creates the person, their employee record from the requisition and the offer, and starts
 * onboarding. HR gives ordinary roles only and no password: an administrator sets the password
 * (and any further role) in Settings → People.
 */
export function HireDialog({ candidate, isOpen, onClose }: { candidate: CandidateCard; isOpen: boolean; onClose: () => void }) {
  const hire = useCommand('hr/hire');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  useEffect(() => {
    if (!isOpen) return;
    setEmail(candidate.email); setRole('member');
    hire.clearError();
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await hire.run({ candidateId: candidate.id, email, roles: [role] });
    if (result.ok) onClose();
  };
  const field = hire.error?.field ?? '';
  const errorAt = (name: string) => (field === name ? hire.error?.message : undefined);
  const general = hire.error && !errorAt('email') && !errorAt('roles') ? errorText(hire.error) : undefined;
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Hire the candidate">
        <DialogTitle>Hire {candidate.name}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="Work email (their sign-in)" value={email} onChange={(e) => { setEmail(e.target.value); if (hire.error) hire.clearError(); }} autoFocus error={Boolean(errorAt('email'))} helperText={errorAt('email') ?? 'An administrator sets their password before their first day.'} />
            <TextField select label="Role in LabFlow" value={role} onChange={(e) => setRole(e.target.value)} error={Boolean(errorAt('roles'))} helperText={errorAt('roles') ?? 'Other roles are given by an administrator.'}>
              {hireRoles.map((r) => <MenuItem key={r.code} value={r.code}>{r.name}</MenuItem>)}
            </TextField>
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={hire.isRunning}>Hire</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

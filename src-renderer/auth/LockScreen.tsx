import LockIcon from '@mui/icons-material/Lock';
import { Button, Stack, Typography } from '@mui/material';
import { useCommand } from '../bridge/BridgeProvider';
import { LockedToasts } from '../notifications/LockedToasts';
import { CredentialsForm } from './CredentialsForm';
import { useLock, type LockedPerson } from './lock-state';

/** After inactivity: the same person continues with their password; someone else switches person first. */
export function LockScreen({ person }: { person: LockedPerson }) {
  const { run, isRunning, error } = useCommand('auth/sign-in');
  const unlock = useLock((s) => s.unlock);
  return (
    <>
    {person.id && <LockedToasts personId={person.id} />}
    <CredentialsForm
      title="LabFlow is locked"
      intro={
        <Stack component="span" direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <LockIcon fontSize="small" aria-hidden />
          <Typography component="span" variant="body2">
            Locked after a while without activity. {person.name}, enter your password to continue where you were.
          </Typography>
        </Stack>
      }
      fields={[{ name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' }]}
      submitLabel="Unlock"
      isRunning={isRunning}
      error={error}
      onSubmit={(v) => void run({ email: person.email, password: v.password ?? '' })}
      secondary={<Button onClick={unlock}>Not {person.name}? Switch person</Button>}
    />
    </>
  );
}

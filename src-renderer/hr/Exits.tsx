import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { useSignedInPerson } from '../records/use-people';
import { errorText } from '../errors/error-text';
import { ExitCard } from './ExitCard';
import { RecordExitDialog } from './RecordExitDialog';

/** HR's exits: recording one, and each exit's checklist until it is completed. */
export function Exits() {
  const isHr = useSignedInPerson()?.roles.includes('hr') ?? false;
  const view = useLiveQuery('hr/exits', {});
  const [isRecording, setRecording] = useState(false);
  return (
    <Stack spacing={2}>
      {isHr && <Stack direction="row"><Button variant="contained" onClick={() => setRecording(true)}>Record an exit</Button></Stack>}
      {view.error && <Alert severity="error">{errorText(view.error)}</Alert>}
      {!view.data ? (
        !view.error && <Typography color="text.secondary">Loading exits…</Typography>
      ) : view.data.exits.length === 0 ? (
        <Typography color="text.secondary">No exits you can see.</Typography>
      ) : (
        view.data.exits.map((exit) => <ExitCard key={`${exit.id}:${exit.status}`} exit={exit} />)
      )}
      {isRecording && <RecordExitDialog onClose={() => setRecording(false)} />}
    </Stack>
  );
}

import SendIcon from '@mui/icons-material/Send';
import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { pendingFromWork, StepActionDialogs, type PendingAction } from '../workflows/StepActionDialogs';

/**
 * A just-filed leave request, sent on to the manager from where it was filed: the request's first
 * workflow step ("Apply for leave", with its stand-in and handover questions) waits for its
 * requester, and its form opens here instead of sending the person to My work. Once that step is
 * done, it says the request is with the manager.
 */
export function ConfirmLeaveRequest({ instanceId, number, personName }: { instanceId: string; number: string; personName: string }) {
  const work = useLiveQuery('workflows/my-work', {});
  const [pending, setPending] = useState<PendingAction | null>(null);
  if (!work.data) return null;
  const step = work.data.find((w) => w.instanceId === instanceId && w.actions.includes('complete'));
  return (
    <Stack spacing={1} data-testid="leave-filed">
      {step ? (
        <Alert severity="info" action={<Button color="inherit" startIcon={<SendIcon />} onClick={() => setPending(pendingFromWork(step, 'complete'))}>Confirm and send</Button>}>
          Leave request {number} is filed. Confirm it to send it to your manager.
        </Alert>
      ) : (
        <Alert severity="success">Leave request {number} is with your manager for approval.</Alert>
      )}
      <StepActionDialogs pending={pending} signerName={personName} onDone={() => setPending(null)} />
    </Stack>
  );
}

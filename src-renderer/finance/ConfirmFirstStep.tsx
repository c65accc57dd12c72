import SendIcon from '@mui/icons-material/Send';
import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { pendingFromWork, StepActionDialogs, type PendingAction } from '../workflows/StepActionDialogs';

/**
 * A record whose approval has started waits for its author's first step (a claim's "Submit claim
 * with receipts", a budget's "Submit budget request"); it is done right where it was filled in
 * rather than in My work. A refusal stays in its dialog.
 */
export function ConfirmFirstStep({ recordId, text, testId, personName }: { recordId: string; text: string; testId: string; personName: string }) {
  const work = useLiveQuery('workflows/my-work', {});
  const [pending, setPending] = useState<PendingAction | null>(null);
  const step = work.data?.find((w) => w.entityId === recordId && w.actions.includes('complete'));
  if (!step) return null;
  return (
    <>
      <Alert severity="info" data-testid={testId} action={<Button color="inherit" startIcon={<SendIcon />} onClick={() => setPending(pendingFromWork(step, 'complete'))}>Confirm and send</Button>}>
        {text}
      </Alert>
      <StepActionDialogs pending={pending} signerName={personName} onDone={() => setPending(null)} />
    </>
  );
}

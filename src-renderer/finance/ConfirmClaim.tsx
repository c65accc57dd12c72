import SendIcon from '@mui/icons-material/Send';
import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { pendingFromWork, StepActionDialogs, type PendingAction } from '../workflows/StepActionDialogs';

/**
 * A claim whose approval has started waits for its claimant's first step ("Submit claim with
 * receipts"); it is done right here rather than in My work. Finance's policy is enforced at that
 * step: a refusal stays in its dialog, naming the line.
 */
export function ConfirmClaim({ claimId, number, personName }: { claimId: string; number: string; personName: string }) {
  const work = useLiveQuery('workflows/my-work', {});
  const [pending, setPending] = useState<PendingAction | null>(null);
  const step = work.data?.find((w) => w.entityId === claimId && w.actions.includes('complete'));
  if (!step) return null;
  return (
    <>
      <Alert severity="info" data-testid="claim-confirm" action={<Button color="inherit" startIcon={<SendIcon />} onClick={() => setPending(pendingFromWork(step, 'complete'))}>Confirm and send</Button>}>
        Expense claim {number} is ready. Confirm it to send it for approval.
      </Alert>
      <StepActionDialogs pending={pending} signerName={personName} onDone={() => setPending(null)} />
    </>
  );
}

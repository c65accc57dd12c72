import { ConfirmFirstStep } from './ConfirmFirstStep';

/**
 * A claim whose approval has started waits for its claimant's first step ("Submit claim with
 * receipts"). Finance's policy is enforced at that step: a refusal stays in its dialog, naming the line.
 */
export function ConfirmClaim({ claimId, number, personName }: { claimId: string; number: string; personName: string }) {
  return <ConfirmFirstStep recordId={claimId} testId="claim-confirm" personName={personName} text={`Expense claim ${number} is ready. Confirm it to send it for approval.`} />;
}

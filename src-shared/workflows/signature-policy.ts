import type { StepDefinition } from './definition-schema';
import type { SignatureMeaning } from './instance';

/**
 * When an action needs an electronic signature, and which meanings fit it. Deciding an approval
 * (approve, reject) is always signed; on a step with `require_signature` every action is.
 * The runtime checks the password; the engine binds name, time and meaning into the event.
 */

export const isDecision = (step: StepDefinition, action: string): boolean => step.type === 'approval' && (action === 'approve' || action === 'reject');

export const needsSignature = (step: StepDefinition, action: string): boolean => isDecision(step, action) || step.require_signature === true;

/** The actions of a step that need a signature, out of those it takes. */
export const signatureActionsOf = (step: StepDefinition, actions: readonly string[]): string[] => actions.filter((action) => needsSignature(step, action));

/** A signature meaning must not contradict the action: no "approved" on a rejection, no "rejected" on anything else. */
export function meaningFits(action: string, meaning: SignatureMeaning): boolean {
  if (meaning === 'approved') return action !== 'reject';
  if (meaning === 'rejected') return action === 'reject';
  return true;
}

import { useEffect, useState } from 'react';
import type { StepFormField } from '../../src-shared/workflows/step-form';
import { fieldsForAction } from '../../src-shared/workflows/step-form';
import type { MyWorkItemView } from '../../src-shared/workflows/workflow-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { ActionDialog } from './ActionDialog';
import { newCommandId } from './command-id';
import { SignatureDialog } from './SignatureDialog';
import { StepFormFields } from './StepFormFields';
import { draftToData, emptyDraft, type FormDraft } from './step-form-values';
import { aboutText } from './workflow-labels';

/** An action a person is about to take on one active step. */
export interface PendingAction {
  instanceId: string;
  /** The active step's token. */
  token: string;
  /** The step's id in its definition: files attached from its form are filed under it. */
  stepId: string;
  stepName: string;
  action: string;
  /** The action needs an electronic signature. */
  isSigned: boolean;
  /** The step's form (its fields for this action are asked). */
  form: readonly StepFormField[];
  /** What is being acted on, for the signature statement: "Leave Request for LR-2026-0001 …". */
  subject: string;
}

/** Acting on a step from the person's work list (My work, or a module's own "confirm" button). */
export const pendingFromWork = (w: MyWorkItemView, action: string): PendingAction => ({
  instanceId: w.instanceId,
  token: w.token,
  stepId: w.stepId,
  stepName: w.stepName,
  action,
  isSigned: w.signatureActions.includes(action),
  form: w.form,
  subject: `${w.workflowName} for ${aboutText(w)}`,
});

interface Props {
  pending: PendingAction | null;
  signerName: string;
  onDone: () => void;
}

/**
 * The dialog for acting on a step, wherever people act (My work, the instance page): the step's
 * form for the action, then a signature when the action needs one; the host's refusals stay in the
 * dialog, each problem at its field.
 */
export function StepActionDialogs({ pending, signerName, onDone }: Props) {
  const advance = useCommand('workflows/instances/advance');
  const fields = pending ? fieldsForAction(pending.form, pending.action) : [];
  const [draft, setDraft] = useState<FormDraft>({});
  useEffect(() => {
    advance.clearError();
    setDraft(emptyDraft(fields));
  }, [pending?.instanceId, pending?.token, pending?.action]); // eslint-disable-line react-hooks/exhaustive-deps -- a fresh form for each action taken
  const close = () => {
    advance.clearError();
    onDone();
  };
  const run = async (extra: { comments?: string; signature?: { password: string; meaning: 'reviewed' | 'approved' | 'rejected' | 'responsible' }; data?: Record<string, unknown> }) => {
    if (!pending) return;
    const data = fields.length > 0 ? draftToData(fields, pending.action, draft) : (extra.data ?? {});
    const result = await advance.run({
      commandId: newCommandId(),
      instanceId: pending.instanceId,
      action: pending.action,
      stepId: pending.token,
      ...(extra.comments ? { comments: extra.comments } : {}),
      ...(extra.signature ? { signature: extra.signature } : {}),
      ...(Object.keys(data).length > 0 ? { data } : {}),
    });
    if (result.ok) onDone();
  };
  const form = fields.length > 0 ? <StepFormFields fields={fields} action={pending?.action ?? ''} instanceId={pending?.instanceId ?? ''} stepId={pending?.stepId} draft={draft} onChange={setDraft} error={advance.error} isDisabled={advance.isRunning} /> : null;
  return (
    <>
      <SignatureDialog
        isOpen={pending?.isSigned === true}
        action={pending?.action ?? 'approve'}
        stepName={pending?.stepName ?? ''}
        signerName={signerName}
        subject={pending?.subject ?? ''}
        isRunning={advance.isRunning}
        error={advance.error}
        onCancel={close}
        onSign={(values) => void run({ comments: values.comments, signature: { password: values.password, meaning: values.meaning } })}
      >
        {form}
      </SignatureDialog>
      <ActionDialog
        isOpen={pending !== null && !pending.isSigned}
        action={pending?.action ?? 'complete'}
        stepName={pending?.stepName ?? ''}
        isRunning={advance.isRunning}
        error={advance.error}
        form={form}
        onCancel={close}
        onSubmit={(values) => void run(values)}
      />
    </>
  );
}

import type { ReactNode } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { signatureMeanings, type SignatureMeaning } from '../../src-shared/workflows/instance';
import { meaningFits } from '../../src-shared/workflows/signature-policy';
import { ESignatureDialog } from '../signatures/ESignatureDialog';
import { actionLabel, meaningLabel, meaningStatement } from './workflow-labels';

export interface SignatureValues {
  password: string;
  meaning: SignatureMeaning;
  comments: string;
}

interface Props {
  isOpen: boolean;
  action: string;
  stepName: string;
  signerName: string;
  /** What is being signed, e.g. "Equipment Procurement Workflow for equipment EQ-1". */
  subject: string;
  isRunning: boolean;
  error: AppError | undefined;
  onCancel: () => void;
  onSign: (values: SignatureValues) => void;
  /** The step's form for this action, filled in before signing. */
  children?: ReactNode;
}

const defaultMeaning = (action: string): SignatureMeaning => (action === 'reject' ? 'rejected' : action === 'approve' ? 'approved' : 'responsible');

/** A workflow decision signed electronically: the meanings that fit the action, comments, and the step's form. */
export function SignatureDialog({ isOpen, action, stepName, signerName, subject, isRunning, error, onCancel, onSign, children }: Props) {
  const meanings = signatureMeanings.filter((m) => meaningFits(action, m)).map((m) => ({ value: m, label: meaningLabel[m], statement: meaningStatement[m] }));
  return (
    <ESignatureDialog
      isOpen={isOpen}
      title={`Sign: ${actionLabel(action)} “${stepName}”`}
      subject={subject}
      signerName={signerName}
      meanings={meanings}
      initialMeaning={defaultMeaning(action)}
      hasComments
      signLabel={`Sign and ${action === 'reject' ? 'reject' : action === 'approve' ? 'approve' : actionLabel(action).toLowerCase()}`}
      isDestructive={action === 'reject'}
      isRunning={isRunning}
      error={error}
      onCancel={onCancel}
      onSign={onSign}
      // A step form's field errors are shown at the field.
      isShownElsewhere={(e) => Boolean(children && e.field?.startsWith('data.'))}
    >
      {children}
    </ESignatureDialog>
  );
}

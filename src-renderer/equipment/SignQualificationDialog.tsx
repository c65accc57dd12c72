import { meaningLabels, type QualificationMeaning } from '../../src-shared/equipment/qualification-rules';
import { useCommand } from '../bridge/BridgeProvider';
import { ESignatureDialog } from '../signatures/ESignatureDialog';

const statements: Record<QualificationMeaning, string> = {
  executed: 'I executed these test steps and the results recorded are what I observed.',
  reviewed: 'I reviewed the execution and its results against the acceptance criteria.',
  approved: 'I approve this qualification: the instrument meets its acceptance criteria.',
};

/** A qualification signed electronically, with the one meaning its stage asks for (executed, reviewed, approved). */
export function SignQualificationDialog({ qualificationId, meaning, subject, onClose }: { qualificationId: string; meaning: QualificationMeaning; subject: string; onClose: () => void }) {
  const sign = useCommand('equipment/qualification/sign');
  const label = meaningLabels[meaning].replace(' by', '');
  return (
    <ESignatureDialog
      title={`${label}: ${subject}`}
      subject={subject}
      meanings={[{ value: meaning, label, statement: statements[meaning] }]}
      initialMeaning={meaning}
      signLabel="Sign"
      isRunning={sign.isRunning}
      error={sign.error}
      onCancel={onClose}
      onSign={async ({ password }) => {
        if ((await sign.run({ id: qualificationId, meaning, password })).ok) onClose();
      }}
    />
  );
}

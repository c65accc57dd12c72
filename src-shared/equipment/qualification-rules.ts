import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';

/**
 * The signatures of a qualification: execution, review and approval, each an electronic signature
 * (name, time, meaning) given with the status it signs, never afterwards and never rewritten. The
 * reviewer and the approver are not the person who executed it; every step has a result before
 * execution is signed; a failed step is approved only once its deviation is closed. Pure; the
 * qualification kind's invariant runs it on the host and the sync server.
 */
export const qualificationMeanings = ['executed', 'reviewed', 'approved'] as const;
export type QualificationMeaning = (typeof qualificationMeanings)[number];

export const meaningLabels: Record<QualificationMeaning, string> = { executed: 'Executed by', reviewed: 'Reviewed by', approved: 'Approved by' };

export const qualificationSignatureSchema = z.object({
  meaning: z.enum(qualificationMeanings),
  personId: recordIdSchema,
  name: z.string().max(200),
  at: z.string().max(40),
});
export type QualificationSignature = z.infer<typeof qualificationSignatureSchema>;

export const stepResults = ['pass', 'fail', 'na'] as const;
export type StepResult = (typeof stepResults)[number];

export interface ExecutedStep {
  id: string;
  text: string;
  result?: StepResult | undefined;
  deviationId?: string | undefined;
}

/** The meaning a move to `status` is signed with. */
const meaningOf: Record<string, QualificationMeaning> = { executed: 'executed', reviewed: 'reviewed', approved: 'approved' };

export interface QualificationCheck {
  status: string;
  previousStatus: string | null;
  steps: readonly ExecutedStep[];
  signatures: readonly QualificationSignature[];
  previousSignatures: readonly QualificationSignature[];
  actorId: string;
  /** Status of each deviation by id, as the judge holds it. */
  deviationStatus(id: string): string | undefined;
}

/** Null when the write keeps the signature rules; otherwise why not. */
export function checkQualificationSignatures(input: QualificationCheck): { message: string; field?: string } | null {
  const { signatures, previousSignatures } = input;
  const kept = previousSignatures.every((s, i) => JSON.stringify(signatures[i]) === JSON.stringify(s));
  if (!kept || signatures.length < previousSignatures.length) return { message: 'Signatures already given cannot be changed or removed.', field: 'data.signatures' };
  const added = signatures.slice(previousSignatures.length);
  const isMove = input.previousStatus !== input.status;
  const meaning = isMove ? meaningOf[input.status] : undefined;
  if (!meaning) return added.length > 0 ? { message: 'A signature is given together with the step it signs (execution, review or approval).', field: 'data.signatures' } : null;
  const own = added.find((s) => s.meaning === meaning && s.personId === input.actorId);
  if (added.length !== 1 || !own) return { message: `${meaningLabels[meaning]}: this step needs your electronic signature.`, field: 'data.signatures' };
  const executor = [...signatures].reverse().find((s) => s.meaning === 'executed')?.personId;
  if (meaning === 'executed') {
    const open = input.steps.filter((s) => !s.result);
    return open.length > 0 ? { message: `Record a result for every step first (${open.length} without a result).`, field: 'data.steps' } : null;
  }
  if (executor === input.actorId) return { message: `The person who executed the qualification cannot also sign it as ${meaning === 'reviewed' ? 'reviewer' : 'approver'}.`, field: 'data.signatures' };
  if (meaning === 'approved') {
    const failed = input.steps.filter((s) => s.result === 'fail');
    const open = failed.find((s) => !s.deviationId || input.deviationStatus(s.deviationId) !== 'closed');
    if (open) return { message: `Step “${open.text.slice(0, 60)}” failed: its deviation must be closed before the qualification is approved.`, field: 'data.steps' };
  }
  return null;
}

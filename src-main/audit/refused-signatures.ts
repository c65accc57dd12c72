import type { AuditedWriter, WriteContext } from './audited-writer';

/** What a refused electronic signature was for: the thing it would have signed and what it would have meant. */
export interface RefusedSignature {
  /** The collection of what would have been signed: `records`, `meetings`, `workflow_instances`. */
  subjectType: string;
  subjectId: string;
  /** The meaning the person stated (approved, reviewed, …). */
  meaning: string;
  /** What would have been signed, as a person reads it ("Manager Approval", "minutes version 2"). */
  what?: string;
}

/**
 * Keeps a refused signature attempt (a wrong password) with the thing it was for, as an `activity`
 * entry of kind `signature_refused` written through the audited writer (DESIGN.md §6: "Refused
 * signature attempts are recorded"). The audit trail shows it as "Signature refused"; the sync
 * server takes it as the person's own activity entry. The password is never kept.
 */
export async function recordRefusedSignature(writer: AuditedWriter, context: WriteContext, attempt: RefusedSignature): Promise<void> {
  await writer.insert(
    'activity',
    {
      kind: 'signature_refused',
      subjectType: attempt.subjectType,
      subjectId: attempt.subjectId,
      personId: context.actor.id,
      at: context.now.toISOString(),
      data: { meaning: attempt.meaning, ...(attempt.what ? { what: attempt.what } : {}) },
    },
    context,
  );
}

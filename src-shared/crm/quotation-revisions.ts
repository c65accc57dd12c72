/**
 * Quotation revisions: v1, v2 … are separate records, each pointing to the one it revises. A sent
 * revision never changes (its lines are editable only in draft); changing what was offered means a
 * new revision, which copies the lines into a new draft, and the sent one becomes superseded when
 * the new one is sent. Pure: what a revision's data must be, and what a new one starts as.
 */

type Doc = Record<string, unknown>;

interface RevisionFields {
  organisationId: string;
  revision: number;
  revisionOfId?: string | undefined;
}

/** Why a new quotation's revision chain is wrong (null when it is right). `earlier` is the record it revises, as stored. */
export function revisionProblem(data: RevisionFields, earlier: Doc | null): string | null {
  if (!data.revisionOfId) return data.revision === 1 ? null : 'A first quotation is revision 1; a later revision names the quotation it revises.';
  if (!earlier || earlier.kind !== 'quotation') return 'The quotation this revises does not exist (or you cannot see it).';
  const earlierData = (earlier.data ?? {}) as Partial<RevisionFields>;
  if (earlier.status !== 'sent' && earlier.status !== 'rejected' && earlier.status !== 'expired') {
    return 'Only a quotation that was sent (or then rejected or expired) is revised; change the draft itself instead.';
  }
  if (earlierData.organisationId !== data.organisationId) return 'A revision is for the same customer as the quotation it revises.';
  const expected = (earlierData.revision ?? 1) + 1;
  return data.revision === expected ? null : `This revision must be number ${expected}.`;
}

/** The data a new revision starts with: the earlier one's offer, as a draft that is not sent or decided. */
export function nextRevisionData(earlierId: string, earlier: RevisionFields & Doc, validUntil: string): Doc & RevisionFields {
  const { sentAt: _sent, decidedOn: _decided, rejectedReason: _reason, orderId: _order, ...offer } = earlier;
  return { ...offer, revision: earlier.revision + 1, revisionOfId: earlierId, validUntil };
}

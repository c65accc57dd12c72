import { z } from 'zod';
import { command, query } from '../bridge/define';
import { recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import type { DuplicateReason } from './duplicates';
import { mergeableFields } from './organisation-merge';

/**
 * Finding and merging duplicate organisations, between UI and host (handlers in
 * src-main/crm/organisation-merge-handler.ts): the register's possible duplicates, what a merge
 * would move, and the merge itself (sales managers and administrators).
 */
const id = recordIdSchema;

/** One organisation of a group of likely duplicates, with what hangs on it. */
export interface DuplicateCandidate {
  id: string;
  number: string;
  name: string;
  email: string;
  roles: string[];
  /** Records filed under it or naming it (contacts, opportunities, invoices …), by kind label. */
  linkedCount: number;
}

export interface DuplicateGroup {
  organisations: DuplicateCandidate[];
  reasons: DuplicateReason[];
}

/** What merging `loserId` into `survivorId` would do. */
export interface MergePreview {
  /** Records that move to the survivor, per kind: "Contacts", 2. */
  moves: { kind: string; label: string; count: number }[];
  /** Records that cannot move (an issued invoice keeps its customer), each said in a sentence. */
  blockers: string[];
  /** Why the two cannot be merged at all (null when they can). */
  problem: string | null;
}

const sides = z.enum(['survivor', 'loser']);
const choices = z.object(Object.fromEntries(mergeableFields.map((f) => [f.field, sides.optional()])) as Record<(typeof mergeableFields)[number]['field'], z.ZodOptional<typeof sides>>);
const pair = z.object({ survivorId: id, loserId: id });

export const organisationMergeContract = {
  /** Live organisations grouped as likely duplicates (same name once legal forms are set aside, or same email). */
  'crm/organisations/duplicates': query<DuplicateGroup[]>()(z.object({})),
  /** What merging would move and what stops it, before anything is written. */
  'crm/organisations/merge-preview': query<MergePreview>()(pair),
  /**
   * Merges the duplicate `loserId` into `survivorId`: every record naming the loser is re-linked to
   * the survivor, the survivor takes the details chosen field by field (roles joined, blanks filled),
   * and the loser is kept as Merged, pointing to the survivor. Refused whole, before any write,
   * when the person is not a sales manager or administrator or a linked record cannot move.
   */
  'crm/organisations/merge': command<{ survivor: RecordView; moved: number }>()(pair.extend({ choices: choices.default({}) })),
};

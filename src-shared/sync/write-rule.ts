import { isSameValue } from './conflicts';
import type { RelatedDocuments } from './related-documents';
import type { SyncPerson } from './sync-person';

/** The building blocks of the write rules in permissions.ts and the feature rule files beside it. */

export type SyncAction = 'read' | 'create' | 'update' | 'delete';

/** `isWaiting`: refused for now only, because what the rule reads has not arrived (the sync server answers the row as waiting). */
export type Decision = { isAllowed: true } | { isAllowed: false; reason: string; isWaiting?: true };

export const allow: Decision = { isAllowed: true };
export const deny = (reason: string): Decision => ({ isAllowed: false, reason });

type Doc = Record<string, unknown>;
export const dataOf = (doc: Doc | null | undefined): Doc => (doc?.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});

/**
 * One collection's write rule: `doc` is the document as it would be, `previous` the server's
 * version (null for a create), `related` what relatedNeeds named, as the server has it.
 */
export type WriteRule = (person: SyncPerson, action: Exclude<SyncAction, 'read'>, doc: Doc, previous: Doc | null, related: RelatedDocuments) => Decision;

const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'auditId', '_deleted', '_meta', '_rev', '_attachments']);

/** The top-level fields whose values differ between two versions, bookkeeping left out. */
export function changedFields(before: Doc, after: Doc): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !BOOKKEEPING.has(key) && !isSameValue(before[key], after[key])).sort();
}

/** True when every changed field is one of `allowed`. */
export const changesOnly = (changed: readonly string[], allowed: readonly string[]): boolean => changed.every((field) => allowed.includes(field));

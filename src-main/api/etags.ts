import type { RouteTarget } from '../../src-shared/api/http-route';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { CollectionName } from '../../src-shared/db/schemas';
import type { LabDatabase } from '../database/open-database';

/**
 * ETags of the documents `{id}` routes are about, and If-Match. A document's version is its last
 * audit entry (`auditId`, new with every write, on whichever PC), so an ETag changes exactly when
 * the document does. A record of another kind than the route's is answered like a missing one.
 */

export interface TargetState {
  exists: boolean;
  etag: string | null;
}

export async function targetState(db: LabDatabase, target: RouteTarget, id: string): Promise<TargetState> {
  const collection = db[target.collection as CollectionName];
  const doc = collection ? await collection.findOne(id).exec() : null;
  const stored = doc?.toJSON() as { auditId?: string; updatedAt?: string; kind?: string } | undefined;
  if (!stored || (target.kind !== undefined && stored.kind !== target.kind)) return { exists: false, etag: null };
  return { exists: true, etag: `"${stored.auditId || stored.updatedAt || id}"` };
}

/** Whether an If-Match header (`*`, or a list of ETags, weak or strong) admits the current ETag. */
export function ifMatchAdmits(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The precondition of a write with If-Match, run in the write queue right before the command. */
export function ifMatchPrecondition(db: LabDatabase, target: RouteTarget, id: string, ifMatch: string | undefined): () => Promise<Result<null>> {
  return async () => {
    const state = await targetState(db, target, id);
    if (!state.exists) return fail('not_found', 'That no longer exists, or it is not shared with you.');
    if (ifMatch !== undefined && state.etag && !ifMatchAdmits(ifMatch, state.etag)) {
      return fail('conflict', 'Someone changed it since you read it. Read it again and decide on the current version.', { details: { precondition: 'if-match', current: state.etag } });
    }
    return ok(null);
  };
}

import { from, map, of, switchMap, type Observable } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { isAdmin } from '../../src-shared/people/roles';
import type { AuditEntry } from '../../src-shared/audit/audit-contract';
import { formerIdsOf, LINK_PERSON_COMMAND } from '../../src-shared/sync/remap-ids';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';

/**
 * The ids a record had before it was merged (a local person matched with the team's on joining):
 * entries keep the ids they were written with, so a person's history also lists those.
 */
async function idsOfRecord(db: LabDatabase, recordId: string): Promise<string[]> {
  const merges = await db.audit.find({ selector: { recordId, command: LINK_PERSON_COMMAND } }).exec();
  return [recordId, ...formerIdsOf(merges.map((d) => d.toJSON() as AuditEntry))];
}

export const auditQueryHandlers: QueryHandlers<'audit/list'> = {
  'audit/list': (input, context) => {
    const session = context.sessions.session$.value;
    if (!session || !isAdmin(session.person.roles)) return of(fail('forbidden', 'Only an administrator can read the audit trail.'));
    const recordIds: Observable<string[] | null> = input.recordId ? from(idsOfRecord(context.db, input.recordId)) : of(null);
    return recordIds.pipe(
      switchMap((ids) => context.db.audit.find({ selector: ids ? { recordId: { $in: ids } } : {}, sort: [{ at: 'desc' }], limit: input.limit }).$),
      map((docs) => ok(docs.map((d) => {
        const { after, ...entry } = d.toJSON() as AuditEntry;
        // The stored record may hold secrets (password hashes); the UI gets the field changes only.
        void after;
        return { ...entry, after: {}, changes: entry.changes.map((c) => (c.field === 'passwordHash' ? { ...c, old: '•••', new: '•••' } : c)) };
      }))),
    );
  },
};

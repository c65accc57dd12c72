import { map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { of } from 'rxjs';
import { isAdmin } from '../../src-shared/people/roles';
import type { AuditEntry } from '../../src-shared/audit/audit-contract';
import type { QueryHandlers } from '../host/handler-types';

export const auditQueryHandlers: QueryHandlers<'audit/list'> = {
  'audit/list': (input, context) => {
    const session = context.sessions.session$.value;
    if (!session || !isAdmin(session.person.roles)) return of(fail('forbidden', 'Only an administrator can read the audit trail.'));
    return context.db.audit
      .find({ selector: input.recordId ? { recordId: input.recordId } : {}, sort: [{ at: 'desc' }], limit: input.limit })
      .$.pipe(map((docs) => ok(docs.map((d) => {
        const { after, ...entry } = d.toJSON() as AuditEntry;
        // The stored record may hold secrets (password hashes); the UI gets the field changes only.
        void after;
        return { ...entry, after: {}, changes: entry.changes.map((c) => (c.field === 'passwordHash' ? { ...c, old: '•••', new: '•••' } : c)) };
      }))));
  },
};

import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { SqlClient } from '../db/sql-database';

/**
 * The person behind an account, read from their synced `people` document on every request, so a
 * role withdrawn or an account deactivated by an administrator takes effect at once.
 */
export async function loadPerson(db: SqlClient, personId: string): Promise<SyncPerson | null> {
  const { rows } = await db.query<{ data: Record<string, unknown> }>(
    "SELECT data FROM documents WHERE collection = 'people' AND id = $1 AND NOT deleted",
    [personId],
  );
  const data = rows[0]?.data;
  if (!data || data.kind !== 'person') return null;
  return {
    id: personId,
    email: String(data.email ?? ''),
    name: String(data.name ?? ''),
    roles: Array.isArray(data.roles) ? data.roles.map(String) : [],
    isActive: data.isActive === true,
  };
}

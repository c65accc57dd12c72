import { managerLookup, type DirectoryPerson } from '../../src-shared/records/managers';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { SqlClient } from '../db/sql-database';

/** The people `person` manages now (department heads manage their department), for the `manager` read scope. */
async function managedPeople(db: SqlClient, personId: string, departmentId: string, roles: readonly string[]): Promise<string[]> {
  if (!departmentId || !roles.includes('department_head')) return [];
  const { rows } = await db.query<{ data: DirectoryPerson | string }>(
    "SELECT data FROM documents WHERE collection = 'people' AND NOT deleted AND data->>'departmentId' = $1",
    [departmentId],
  );
  const people = rows.map((r) => (typeof r.data === 'string' ? (JSON.parse(r.data) as DirectoryPerson) : r.data));
  return [...managerLookup(people).managedBy(personId)];
}

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
  const roles = Array.isArray(data.roles) ? data.roles.map(String) : [];
  const departmentId = typeof data.departmentId === 'string' ? data.departmentId : '';
  return {
    id: personId,
    email: String(data.email ?? ''),
    name: String(data.name ?? ''),
    roles,
    isActive: data.isActive === true,
    ...(departmentId ? { departmentId } : {}),
    managedIds: await managedPeople(db, personId, departmentId, roles),
  };
}

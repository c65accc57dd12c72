import { explicitManagersFrom } from '../../src-shared/hr/employee-managers';
import { hasLeft, type ExitFacts } from '../../src-shared/hr/exit-access';
import { managerLookup, type DirectoryPerson } from '../../src-shared/records/managers';
import type { ManagerLookup } from '../../src-shared/records/record-document';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { SqlClient } from '../db/sql-database';

type Doc = Record<string, unknown>;
const parsed = <T>(rows: readonly { data: T | string }[]): T[] => rows.map((r) => (typeof r.data === 'string' ? (JSON.parse(r.data) as T) : r.data));

/**
 * Who manages whom, as the PCs decide it (src-main/records/record-actor.ts): HR's employee records
 * name a person's manager; without one, the heads of their department manage them. Both sides build
 * the same `managerLookup` (src-shared/records/managers.ts) from their own copies.
 */
export async function serverManagers(db: SqlClient): Promise<ManagerLookup> {
  const people = parsed((await db.query<{ data: DirectoryPerson | string }>(`SELECT data FROM documents WHERE collection = 'people' AND NOT deleted`)).rows);
  const employees = parsed((await db.query<{ data: Doc | string }>(`SELECT data FROM documents WHERE collection = 'records' AND NOT deleted AND data->>'kind' = 'employee'`)).rows);
  return managerLookup(people, explicitManagersFrom(employees));
}

/**
 * The people `personId` manages now, for the `manager` read scope: those whose employee record names
 * them, and — for a department head — the department's people whose record names nobody else. Reads
 * only the people concerned, since it runs on every request.
 */
async function managedPeople(db: SqlClient, personId: string, departmentId: string, roles: readonly string[]): Promise<string[]> {
  const headOf = departmentId && roles.includes('department_head') ? departmentId : '';
  const named = await db.query<{ personId: string | null }>(
    `SELECT data->>'personId' AS "personId" FROM documents WHERE collection = 'records' AND NOT deleted AND data->>'kind' = 'employee' AND data->'data'->>'managerId' = $1`,
    [personId],
  );
  const namedIds = named.rows.map((r) => r.personId).filter((id): id is string => Boolean(id));
  if (!headOf && namedIds.length === 0) return [];
  const people = parsed(
    (await db.query<{ data: DirectoryPerson | string }>(
      `SELECT data FROM documents WHERE collection = 'people' AND NOT deleted AND (id = ANY($1::text[]) OR ($2 <> '' AND data->>'departmentId' = $2))`,
      [namedIds, headOf],
    )).rows,
  );
  const employees = parsed(
    (await db.query<{ data: Doc | string }>(
      `SELECT data FROM documents WHERE collection = 'records' AND NOT deleted AND data->>'kind' = 'employee' AND data->>'personId' = ANY($1::text[])`,
      [people.map((p) => p.id)],
    )).rows,
  );
  return [...managerLookup(people, explicitManagersFrom(employees)).managedBy(personId)];
}

/** The person's exit records as the server holds them (HR's PCs sync them here). */
async function exitsOf(db: SqlClient, personId: string): Promise<ExitFacts[]> {
  const { rows } = await db.query<{ data: ExitFacts | string }>(
    `SELECT data FROM documents WHERE collection = 'records' AND NOT deleted AND data->>'kind' = 'exit' AND data->>'personId' = $1`,
    [personId],
  );
  return parsed(rows);
}

/**
 * The person behind an account, read from their synced `people` document on every request, so a
 * role withdrawn or an account deactivated by an administrator takes effect at once. A person past
 * the last day of their exit (src-shared/hr/exit-access.ts) is inactive here even when no PC has
 * deactivated them yet: `now` is the server's clock, its UTC day the one compared.
 */
export async function loadPerson(db: SqlClient, personId: string, now: Date): Promise<SyncPerson | null> {
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
    isActive: data.isActive === true && !hasLeft(await exitsOf(db, personId), now.toISOString().slice(0, 10)),
    ...(departmentId ? { departmentId } : {}),
    managedIds: await managedPeople(db, personId, departmentId, roles),
  };
}

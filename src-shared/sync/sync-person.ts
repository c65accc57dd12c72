import { isAdmin } from '../people/roles';

/** The person a sync request acts for, as the server knows them (from their `people` document). */
export interface SyncPerson {
  id: string;
  email: string;
  name: string;
  roles: string[];
  isActive: boolean;
  /** For kinds read by a department (src-shared/records/who.ts). */
  departmentId?: string | undefined;
  /** The people this person manages now (src-shared/records/managers.ts): decides `manager` read scope. */
  managedIds?: readonly string[] | undefined;
}

export const hasRole = (person: SyncPerson, ...roles: string[]): boolean => roles.some((r) => person.roles.includes(r));
export const isSyncAdmin = (person: SyncPerson): boolean => isAdmin(person.roles);

import { isAdmin } from '../people/roles';

/** The person a sync request acts for, as the server knows them (from their `people` document). */
export interface SyncPerson {
  id: string;
  email: string;
  name: string;
  roles: string[];
  isActive: boolean;
}

export const hasRole = (person: SyncPerson, ...roles: string[]): boolean => roles.some((r) => person.roles.includes(r));
export const isSyncAdmin = (person: SyncPerson): boolean => isAdmin(person.roles);

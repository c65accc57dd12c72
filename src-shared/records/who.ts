/**
 * Who may do something to a record: a small declarative language that record kinds use for their
 * read scope, field rules and transitions (record-kind.ts). Pure, so the host's commands, the sync
 * server's push checks and the UI (which buttons to show) ask the same question of the same data.
 */
import { roleLabel } from '../people/role-label';

/** The person asking, as host and server know them from their own directory (never from a pushed document). */
export interface RecordActor {
  id: string;
  roles: readonly string[];
  isActive: boolean;
  departmentId?: string | undefined;
  /**
   * The people this person manages now (managers.ts), from the asker's own directory. When given it
   * decides `manager`, so a manager who moves on stops reading at once; without it the record's
   * stored `managerIds` decide.
   */
  managedIds?: readonly string[] | undefined;
}

/**
 * - `anyone`: every active person.
 * - `admin`: administrators (who otherwise get no special rights on scoped kinds).
 * - `{ roles }`: holders of any of these roles.
 * - `subject`: the person the record is about (`personId`).
 * - `manager`: a manager of that person now (the asker's `managedIds`), else as stamped on the record (`managerIds`).
 * - `owner`: the record's owner (`ownerId`), e.g. the sales rep of an opportunity.
 * - `creator`: whoever created the record.
 * - `department`: people in the record's department (`departmentId`).
 * - `{ field }`: people named in a data field holding an id or a list of ids (e.g. `custodianId`).
 * - `nobody`: no person (a transition only a workflow may make says `workflow` on the transition instead).
 */
export type Who =
  | 'anyone'
  | 'admin'
  | 'subject'
  | 'manager'
  | 'owner'
  | 'creator'
  | 'department'
  | 'nobody'
  | { roles: readonly string[] }
  | { field: string }
  | { anyOf: readonly Who[] }
  | { allOf: readonly Who[] }
  | { not: Who };

/** The parts of a record that `Who` reads. */
export interface WhoTarget {
  personId?: string | undefined;
  managerIds?: readonly string[] | undefined;
  ownerId?: string | undefined;
  departmentId?: string | undefined;
  createdBy?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

const includesId = (value: unknown, id: string): boolean =>
  typeof value === 'string' ? value === id : Array.isArray(value) ? value.includes(id) : false;

/** Whether `actor` is one of `who` for `record`. An inactive person is nobody. */
export function isWho(who: Who, actor: RecordActor, record: WhoTarget): boolean {
  if (!actor.isActive) return false;
  if (typeof who === 'string') {
    switch (who) {
      case 'anyone':
        return true;
      case 'admin':
        return actor.roles.includes('admin');
      case 'subject':
        return Boolean(record.personId) && record.personId === actor.id;
      case 'manager':
        if (actor.managedIds) return Boolean(record.personId) && actor.managedIds.includes(record.personId as string);
        return (record.managerIds ?? []).includes(actor.id);
      case 'owner':
        return Boolean(record.ownerId) && record.ownerId === actor.id;
      case 'creator':
        return Boolean(record.createdBy) && record.createdBy === actor.id;
      case 'department':
        return Boolean(record.departmentId) && record.departmentId === actor.departmentId;
      case 'nobody':
        return false;
    }
  }
  if ('roles' in who) return who.roles.some((role) => actor.roles.includes(role));
  if ('field' in who) return includesId(record.data?.[who.field], actor.id);
  if ('anyOf' in who) return who.anyOf.some((w) => isWho(w, actor, record));
  if ('allOf' in who) return who.allOf.length > 0 && who.allOf.every((w) => isWho(w, actor, record));
  return !isWho(who.not, actor, record);
}

/** Role codes a `Who` mentions: a reader whose roles change among these may see different records. */
export function rolesIn(who: Who): string[] {
  if (typeof who === 'string') return who === 'admin' ? ['admin'] : [];
  if ('roles' in who) return [...who.roles];
  if ('field' in who) return [];
  if ('anyOf' in who) return who.anyOf.flatMap(rolesIn);
  if ('allOf' in who) return who.allOf.flatMap(rolesIn);
  return rolesIn(who.not);
}

/** Words for a `Who`, for refusal messages: "HR or the person concerned". */
export function describeWho(who: Who, roleName: (code: string) => string = (code) => roleLabel(code)): string {
  if (typeof who === 'string') {
    const words: Record<typeof who, string> = {
      anyone: 'anyone',
      admin: 'an administrator',
      subject: 'the person concerned',
      manager: 'their manager',
      owner: 'the owner',
      creator: 'whoever created it',
      department: 'the department',
      nobody: 'nobody',
    };
    return words[who];
  }
  if ('roles' in who) return who.roles.map(roleName).join(' or ');
  if ('field' in who) return `the ${who.field.replace(/Ids?$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
  if ('anyOf' in who) return who.anyOf.map((w) => describeWho(w, roleName)).join(' or ');
  if ('allOf' in who) return who.allOf.map((w) => describeWho(w, roleName)).join(' who is also ');
  return `anyone but ${describeWho(who.not, roleName)}`;
}

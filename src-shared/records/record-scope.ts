import type { AnyRecordKind } from './record-kind';
import { isWho, rolesIn, type RecordActor, type Who, type WhoTarget } from './who';

/**
 * Who reads a record, and everything about it: its comments, attachments, links, workflow instances
 * and events, audit entries and conflict records carry a copy of the parts of the record its scope
 * depends on (`scopeOfRecord`), stamped by host and server, so they are filtered by the same rule
 * wherever they are. Pure.
 */

/** The part of a record its read scope depends on. */
export interface RecordScope extends WhoTarget {
  kind: string;
}

type Doc = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Data fields a `Who` reads (`{ field }`), which a scope copy must keep. */
export function fieldsIn(who: Who): string[] {
  if (typeof who === 'string') return [];
  if ('field' in who) return [who.field];
  if ('roles' in who) return [];
  if ('anyOf' in who) return who.anyOf.flatMap(fieldsIn);
  if ('allOf' in who) return who.allOf.flatMap(fieldsIn);
  return fieldsIn(who.not);
}

/** The scope copy of a stored record (a `records` document). */
export function scopeOfRecord(kind: AnyRecordKind | undefined, record: object): RecordScope {
  const doc = record as Doc;
  const data = doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {};
  const kept = kind?.readScope ? fieldsIn(kind.readScope) : [];
  return {
    kind: String(doc.kind ?? ''),
    personId: text(doc.personId) ?? text(data.personId),
    managerIds: Array.isArray(doc.managerIds) ? doc.managerIds.filter((v): v is string => typeof v === 'string') : text(data.managerId) ? [String(data.managerId)] : [],
    ownerId: text(doc.ownerId),
    departmentId: text(doc.departmentId),
    createdBy: text(doc.createdBy),
    data: Object.fromEntries(kept.filter((f) => f in data).map((f) => [f, data[f]])),
  };
}

/**
 * Whether `actor` may read a record with this scope. A kind this LabFlow does not know (written by
 * a newer version) is shown only to whoever created it; `legacyRoles` covers HR and finance kinds
 * from before their declarations existed.
 */
export function canReadScope(kind: AnyRecordKind | undefined, actor: RecordActor, scope: RecordScope, legacyRoles?: readonly string[]): boolean {
  if (!actor.isActive) return false;
  if (kind) return isWho(kind.readScope ?? 'anyone', actor, scope);
  if (legacyRoles) return isWho({ anyOf: [{ roles: legacyRoles }, 'subject', 'manager'] }, actor, scope);
  return isWho('creator', actor, scope);
}

/** Roles that widen what someone reads, over every kind: a reader whose roles change among these starts their pulls over. */
export const scopeRolesOf = (kinds: readonly AnyRecordKind[]): string[] => [...new Set(kinds.flatMap((k) => (k.readScope ? rolesIn(k.readScope) : [])))].sort();

/** Whether the kind is read by fewer than everyone (its related documents must be scoped too). */
export const isScopedKind = (kind: AnyRecordKind | undefined): boolean => kind === undefined || (kind.readScope !== undefined && kind.readScope !== 'anyone');

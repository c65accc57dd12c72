import { recordKindOf, recordKinds } from '../records/record-kinds';
import { canReadScope, scopeOfRecord, scopeRolesOf } from '../records/record-scope';
import type { SyncCollection } from './collections';
import { isRecordSubject } from './related-documents';
import { isSyncAdmin, type SyncPerson } from './sync-person';

/**
 * Who may read what (pull scoping, and the host's own queries). A record is read by whom its kind's
 * `readScope` names (src-shared/records): HR and finance kinds reach only the roles that handle
 * them, the person concerned and their managers — nobody else, administrators included. Everything
 * about a record — comments, attachments and links (`activity`), workflow instances and events,
 * audit entries, conflict records — carries a copy of the record's scope and is read by the same
 * rule. Personal notifications reach their recipient; deliveries and delivery settings also reach
 * administrators. Everything else is readable by every active person.
 */

/**
 * HR and finance kinds not declared (yet) as record kinds: records of them written before keep
 * this scope (the roles, the person concerned and their managers). Declared kinds use their own.
 */
export const sensitiveRecordKinds: Readonly<Record<string, readonly string[]>> = {
  // HR
  candidate: ['hr'],
  employee: ['hr'],
  leave_request: ['hr'],
  onboarding: ['hr'],
  offboarding: ['hr'],
  performance_review: ['hr'],
  // Finance
  expense_claim: ['finance'],
  invoice: ['finance'],
  payment: ['finance'],
  payroll: ['finance', 'hr'],
};

/**
 * Notification kinds that belong to one person (their centre, reminders, preferences): only they
 * read them. The rest (outbox deliveries, email and webhook settings) are also read by administrators,
 * who manage delivery.
 */
export const personalNotificationKinds: ReadonlySet<string> = new Set(['notification', 'firing', 'preferences', 'desktop_settings']);

/** Every role that widens what someone may read; used to fingerprint a reader's scope. */
const scopeRoles = [...new Set([...Object.values(sensitiveRecordKinds).flat(), ...scopeRolesOf(recordKinds)])].sort();

type Doc = Record<string, unknown>;
const dataOf = (doc: Doc): Doc => (doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});
const scopeOf = (doc: Doc): Doc | null => (doc.subjectScope && typeof doc.subjectScope === 'object' ? (doc.subjectScope as Doc) : null);

/** True when the record is read by fewer than everyone (an HR or finance record, a personal one). */
export const isSensitiveRecord = (doc: Doc): boolean => {
  const kind = recordKindOf(doc.kind);
  return kind ? kind.readScope !== undefined && kind.readScope !== 'anyone' : typeof doc.kind === 'string' && doc.kind in sensitiveRecordKinds;
};

/** Whether `person` may read a record, or anything carrying a copy of its scope. */
export function canReadRecord(person: SyncPerson, recordOrScope: Doc): boolean {
  const kind = recordKindOf(recordOrScope.kind);
  const legacy = typeof recordOrScope.kind === 'string' ? sensitiveRecordKinds[recordOrScope.kind] : undefined;
  if (!kind && !legacy) return person.isActive;
  return canReadScope(kind, person, scopeOfRecord(kind, recordOrScope), legacy);
}

/** Collections whose documents not everyone may read (canRead has rules for them). */
const readScopedCollections: ReadonlySet<string> = new Set(['records', 'notifications', 'audit', 'activity', 'workflow_instances', 'workflow_events']);
export const isReadScoped = (collection: string): boolean => readScopedCollections.has(collection);

/** Whether `person` may receive `doc` of `collection`. Pure; the server filters every pull with it. */
export function canRead(person: SyncPerson, collection: string, doc: Doc): boolean {
  if (!person.isActive) return false;
  switch (collection) {
    case 'records':
      return canReadRecord(person, doc);
    case 'workflow_instances':
    case 'workflow_events': {
      // An instance about a scoped record carries the record's scope (stamped by host and server).
      const scope = scopeOf(doc);
      return scope ? canReadRecord(person, scope) : true;
    }
    case 'notifications':
      return doc.recipientId === person.id || (!personalNotificationKinds.has(String(doc.kind)) && isSyncAdmin(person));
    case 'audit': {
      const after = doc.after && typeof doc.after === 'object' ? (doc.after as Doc) : {};
      return typeof doc.collectionName === 'string' && doc.collectionName !== 'audit' ? canRead(person, doc.collectionName, after) : true;
    }
    case 'activity': {
      const data = dataOf(doc);
      const scope = data.subjectScope && typeof data.subjectScope === 'object' ? (data.subjectScope as Doc) : null;
      // Conflict records keep the losing version of a document: scoped like that document.
      if (doc.kind === 'conflict') return scope && typeof doc.subjectType === 'string' ? canRead(person, doc.subjectType, scope) : true;
      // Notes about an HR or finance record go where the record goes. The server stamps the record's
      // scope on them (stampSubjectScope); until it could, only their author reads them.
      if (isRecordSubject(doc.subjectType)) return scope ? canReadRecord(person, scope) : doc.createdBy === person.id;
      return true;
    }
    default:
      return true;
  }
}

/**
 * The part of a document its read scope depends on: `canRead` gives the same answer for it as for
 * the whole document. Copied into conflict records about the document, and what the server's
 * consistency check keeps per document to scope digests.
 */
export function scopeProjection(collection: string, doc: Doc): Doc {
  if (collection === 'records') return { ...scopeOfRecord(recordKindOf(doc.kind), doc) };
  if (collection === 'workflow_instances' || collection === 'workflow_events') return scopeOf(doc) ? { subjectScope: scopeOf(doc) } : {};
  if (collection === 'notifications') return { recipientId: doc.recipientId, kind: doc.kind };
  if (collection === 'activity') return { kind: doc.kind, subjectType: doc.subjectType, createdBy: doc.createdBy, data: { subjectScope: dataOf(doc).subjectScope } };
  if (collection === 'audit') {
    const after = doc.after && typeof doc.after === 'object' ? (doc.after as Doc) : {};
    return typeof doc.collectionName === 'string' ? { collectionName: doc.collectionName, after: scopeProjection(doc.collectionName, after) } : {};
  }
  return {};
}

/**
 * An activity document about an HR or finance record with the record's scope stamped in
 * (`data.subjectScope`), replacing whatever the PC sent: `record` is the server's copy, null when
 * the server does not have it, which leaves the note to its author until the record arrives.
 * Other activity documents are returned as they are.
 */
export function stampSubjectScope<T extends Doc>(doc: T, record: Doc | null): T {
  if (!isRecordSubject(doc.subjectType) || doc.kind === 'conflict') return doc;
  const { subjectScope: _claimed, ...data } = dataOf(doc);
  return { ...doc, data: record ? { ...data, subjectScope: scopeProjection('records', record) } : data };
}

/**
 * Fingerprint of what `person` may read. Stored in every checkpoint the server hands out; when a
 * reader's roles change so that this changes, their next pull starts over and removes what they
 * may no longer read.
 */
export const scopeKey = (person: SyncPerson): string =>
  `${person.id}|${scopeRoles.filter((r) => person.roles.includes(r)).join(',')}|${person.departmentId ?? ''}|${[...(person.managedIds ?? [])].sort().join(',')}`;

/**
 * What a reader who may not see `doc` receives instead: a deleted document that keeps only the id,
 * the kind and the timestamps, with every other required field blanked so the PC's schema indexes
 * still work. It removes the document from the reader's PCs without telling them what it held.
 */
export function tombstoneOf(doc: Doc, collection: SyncCollection): Doc & { _deleted: true } {
  const schema = collection.schema as { primaryKey: string; properties?: Record<string, { type?: unknown }>; required?: readonly string[] };
  const blank: Doc = {};
  for (const field of schema.required ?? []) {
    const type = schema.properties?.[field]?.type;
    blank[field] = type === 'boolean' ? false : type === 'integer' || type === 'number' ? 0 : type === 'array' ? [] : type === 'object' ? {} : '';
  }
  const keep = [schema.primaryKey, 'kind', 'createdAt', 'updatedAt'].filter((f) => f in doc);
  return { ...blank, ...Object.fromEntries(keep.map((f) => [f, doc[f]])), _deleted: true };
}

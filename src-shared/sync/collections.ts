import type { RxJsonSchema } from 'rxdb';
import { collectionNames, schemas } from '../db/schemas';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry carries every collection's schema, whatever its document type
type AnySchema = RxJsonSchema<any>;

/**
 * One collection as the sync protocol sees it. The server has no per-collection code: it stores,
 * validates, scopes and merges documents using these entries plus the rules in permissions.ts,
 * read-scope.ts and conflicts.ts, so a collection added to `schemas` syncs without server changes.
 */
export interface SyncCollection {
  name: string;
  schema: AnySchema;
  /** Documents are only ever inserted (audit, workflow events): an update or delete is refused and ids never conflict. */
  isAppendOnly: boolean;
  /** Fields that stay on the PC: never stored in the server's documents nor sent to other PCs (password hashes). */
  localOnlyFields: string[];
  /**
   * Local-only fields a PC does send to the server, which keeps them apart from the documents (a
   * person's password hash becomes their account's credentials) and never sends them on.
   */
  credentialFields: string[];
  /**
   * Documents name who wrote them (`createdBy`, `updatedBy`: every LabFlow collection), so the
   * server binds them to the pusher (authorship.ts). A collection without them has no author to bind.
   */
  hasAuthorFields: boolean;
}

const appendOnly = new Set<string>(['audit', 'workflow_events']);
const localOnly: Record<string, string[]> = { people: ['passwordHash'] };
const credentials: Record<string, string[]> = { people: ['passwordHash'] };

export const defineSyncCollection = (name: string, schema: AnySchema, options: Partial<Omit<SyncCollection, 'name' | 'schema'>> = {}): SyncCollection => ({
  name,
  schema,
  isAppendOnly: options.isAppendOnly ?? appendOnly.has(name),
  localOnlyFields: options.localOnlyFields ?? localOnly[name] ?? [],
  credentialFields: options.credentialFields ?? credentials[name] ?? [],
  hasAuthorFields: options.hasAuthorFields ?? ['createdBy', 'updatedBy'].every((field) => ((schema as { required?: string[] }).required ?? []).includes(field)),
});

/**
 * Collections whose documents the server judges against documents of others (related-documents.ts,
 * workflow-event-rules.ts): a PC pushes them once those others are in sync, so a task does not reach
 * the server before its project, an instance start before its definition, an instance before its
 * events (the server would answer with an older one), a record a workflow approved before the
 * approval's events (the server takes a workflow-only move only with them), an audit entry before
 * its record. Collections replicate independently otherwise.
 */
export const pushAfter: Readonly<Record<string, readonly string[]>> = {
  tasks: ['projects'],
  plan_items: ['projects'],
  activity: ['tasks', 'records', 'meetings'],
  records: ['workflow_events'],
  workflow_events: ['workflow_definitions'],
  workflow_instances: ['workflow_events'],
  // A step's notices are settled once its instance has moved on (step-notice-settling.ts).
  notifications: ['people', 'meetings', 'workflow_events'],
  // An audit entry is accepted only with the change it describes (audit-rules.ts): the records go first.
  audit: collectionNames.filter((name) => name !== 'audit'),
};

/**
 * Collections whose rows the server may have wait for documents of a collection pushed after them
 * (a claim names receipts attached to it, which go after their claim): a row of theirs that waits is
 * offered again once the server has answered rows of those collections.
 */
export const waitsOnLaterPushes: Readonly<Record<string, readonly string[]>> = {
  records: ['activity'],
};

/**
 * Collections whose rows the server judges in the order they were written, whoever wrote them (a
 * workflow history must arrive without gaps): a PC sends their pushes in its own order. Rows of the
 * others may go grouped by author.
 */
export const pushedInOrder: ReadonlySet<string> = new Set(['workflow_events']);

/** Every LabFlow collection, in the order a desktop replicates them (people first: rules depend on roles). */
export const syncCollections: SyncCollection[] = collectionNames.map((name) => defineSyncCollection(name, schemas[name]));

/**
 * The plain JSON schema ajv validates a pushed document against: the collection's schema without
 * RxDB's own keywords (primaryKey, indexes, version …), which are not JSON Schema.
 */
export function validationSchemaOf(collection: SyncCollection): Record<string, unknown> {
  const { properties, required, type } = collection.schema as { properties: Record<string, unknown>; required?: string[]; type: string };
  return { type, properties, required: required ?? [] };
}

import { isSameContent, resolvePush, type LostField } from '../../src-shared/sync/conflicts';
import type { SyncCollection } from '../../src-shared/sync/collections';
import { can, type SyncAction } from '../../src-shared/sync/permissions';
import type { PushResponse, PushRow, RefusedWrite, WireDocument } from '../../src-shared/sync/protocol';
import { canRead, scopeProjection, tombstoneOf } from '../../src-shared/sync/read-scope';
import { redactForSync } from '../../src-shared/sync/redaction';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import { checkWorkflowWrite } from '../../src-shared/sync/workflow-rules';
import { isArgon2idHash } from '../auth/passwords';
import { saveCredentials } from '../auth/accounts';
import type { SqlClient, SqlDatabase } from '../db/sql-database';
import type { ServerServices } from '../services';
import { lockCollections, notifyChanged, readForUpdate, toWire, upsertDocument } from './document-store';
import { enqueueOutbox } from '../outbox/outbox-queue';

export interface PushContext {
  services: ServerServices;
  person: SyncPerson;
  /** Logs a refused write (who, what, why); refusals are security events. */
  onRefused(refusal: RefusedWrite): void;
}

type Doc = Record<string, unknown>;

const CONFLICTS_COLLECTION = 'activity';

/**
 * Applies one push request to one collection in a single transaction: each row is checked against
 * the schema, the permission rules and the workflow rules, then merged with the server's version
 * (conflicts.ts). Rows not taken as sent come back as `conflicts` (RxDB's protocol), with the
 * server's document — or a tombstone when the server never had it — so a refused write is not
 * retried. Losing versions are kept as `activity` documents of kind `conflict` on the record.
 */
export async function applyPush(collection: SyncCollection, rows: PushRow[], context: PushContext): Promise<PushResponse> {
  const { services, person } = context;
  const primaryKey = (collection.schema as { primaryKey: string }).primaryKey;
  const conflicts: WireDocument[] = [];
  const refused: RefusedWrite[] = [];
  const hasConflictLog = services.collections.some((c) => c.name === CONFLICTS_COLLECTION) && collection.name !== CONFLICTS_COLLECTION;

  const refuse = (doc: Doc, master: WireDocument | null, code: RefusedWrite['code'], message: string) => {
    const refusal: RefusedWrite = { collection: collection.name, id: String(doc[primaryKey] ?? ''), code, message };
    refused.push(refusal);
    context.onRefused(refusal);
    conflicts.push(master ? visibleTo(master) : (tombstoneOf(doc, collection) as WireDocument));
  };
  const visibleTo = (doc: WireDocument): WireDocument =>
    canRead(person, collection.name, doc) ? (redactForSync(collection, doc, services.collections) as WireDocument) : (tombstoneOf(doc, collection) as WireDocument);

  await services.db.transaction(async (tx) => {
    await lockCollections(tx, hasConflictLog ? [collection.name, CONFLICTS_COLLECTION] : [collection.name]);
    const ids = rows.map((r) => r.newDocumentState[primaryKey]).filter((id): id is string => typeof id === 'string');
    const stored = await readForUpdate(tx, collection.name, ids);
    const changed = new Set<string>();
    const now = services.clock();

    for (const row of rows) {
      const raw = row.newDocumentState;
      const id = raw[primaryKey];
      if (typeof id !== 'string' || !id) {
        refuse(raw, null, 'invalid_input', `The document has no ${primaryKey}.`);
        continue;
      }
      const master = stored.get(id) ? toWire(stored.get(id)!) : null;
      const problem = services.validator.problemOf(collection, raw);
      if (problem) {
        refuse(raw, master, 'invalid_input', `This ${collection.name} document is not valid: ${problem}.`);
        continue;
      }
      // A password hash is taken when the PC set it: on a new person, or when it differs from the
      // state the PC last had (a reset). A PC that merely holds an older hash never overwrites a newer one.
      const rawAssumed = row.assumedMasterState ?? null;
      const passwordHash = collection.credentialFields.includes('passwordHash') && (!master || (rawAssumed && rawAssumed.passwordHash !== raw.passwordHash)) ? raw.passwordHash : undefined;
      const incoming = redactForSync(collection, raw, services.collections) as WireDocument;
      const assumed = row.assumedMasterState ? (redactForSync(collection, row.assumedMasterState, services.collections) as WireDocument) : null;
      // Without an assumed state the PC believes it creates the document; if the id exists already
      // (deterministic ids, e.g. workflow events) resolvePush keeps the server's version, so the
      // write is judged as the create it is.
      const action: Exclude<SyncAction, 'read'> = !master || !assumed ? 'create' : incoming._deleted && !master._deleted ? 'delete' : 'update';
      if (master && !canRead(person, collection.name, master)) {
        refuse(incoming, master, 'forbidden', 'This record is not shared with you, so you cannot change it.');
        continue;
      }
      // Deleting what the server never had changes nothing (e.g. a local duplicate removed when
      // people were matched by email): taken as done, nothing stored.
      if (!master && incoming._deleted) continue;
      // Nothing but PC-only fields or bookkeeping changed (e.g. a password hash stored on first
      // sign-in): no document write and nothing to refuse; an administrator's new hash still counts.
      if (master && isSameContent(master, incoming)) {
        if (passwordHash !== undefined) await afterWrite(tx, collection, master, passwordHash, person);
        continue;
      }
      const resolution = resolvePush({ isAppendOnly: collection.isAppendOnly, master, assumed, incoming });
      // The PC sent what the server already has (or only lost bookkeeping): nothing is written, so
      // there is nothing to authorise; the PC simply takes the server's version.
      if (resolution.kind === 'keep_master' && resolution.lost.length === 0) {
        conflicts.push(visibleTo(resolution.doc as WireDocument));
        continue;
      }
      const decision = can(person, action, { collection: collection.name, doc: incoming, previous: master, isAppendOnly: collection.isAppendOnly });
      if (!decision.isAllowed) {
        refuse(incoming, master, 'forbidden', decision.reason);
        continue;
      }
      const workflow = checkWorkflowWrite({ collection: collection.name, doc: incoming, previous: master, person });
      if (!workflow.ok) {
        refuse(incoming, master, workflow.error.code, workflow.error.message);
        continue;
      }

      if (resolution.kind !== 'keep_master') {
        const doc = resolution.doc as WireDocument;
        await upsertDocument(tx, collection.name, id, doc);
        stored.set(id, { id, seq: 0, deleted: doc._deleted === true, data: doc });
        changed.add(collection.name);
        await afterWrite(tx, collection, doc, passwordHash, person);
        if (collection.name === 'notifications') await enqueueOutbox(tx, doc);
      }
      if (resolution.kind !== 'accept') conflicts.push(visibleTo(resolution.doc as WireDocument));
      if (resolution.kind !== 'accept' && resolution.lost.length > 0 && hasConflictLog) {
        await recordConflict(tx, services, collection, master ?? incoming, incoming, resolution.lost, person, now);
        changed.add(CONFLICTS_COLLECTION);
      }
    }
    await notifyChanged(tx, [...changed]);
  });
  return { conflicts, refused };
}

/** Side effects of accepted people documents: an administrator's password hash becomes the account's credentials. */
async function afterWrite(tx: SqlClient, collection: SyncCollection, doc: WireDocument, passwordHash: unknown, person: SyncPerson) {
  if (collection.name !== 'people' || doc.kind !== 'person' || typeof doc.email !== 'string') return;
  // Only admins may write people documents (permissions.ts); still, only accept a real argon2id hash.
  await saveCredentials(tx, String(doc.id), doc.email, person.roles.includes('admin') && isArgon2idHash(passwordHash) ? passwordHash : null);
}

async function recordConflict(tx: SqlClient, services: ServerServices, collection: SyncCollection, subject: Doc, losing: Doc, lost: LostField[], person: SyncPerson, now: Date) {
  const id = services.newId();
  const at = now.toISOString();
  const primaryKey = (collection.schema as { primaryKey: string }).primaryKey;
  await upsertDocument(tx, CONFLICTS_COLLECTION, id, {
    id,
    kind: 'conflict',
    subjectType: collection.name,
    subjectId: String(subject[primaryKey]),
    at,
    data: { byId: person.id, fields: lost, lostVersion: losing, subjectScope: scopeProjection(collection.name, subject) },
    createdAt: at,
    updatedAt: at,
    createdBy: 'sync-server',
    updatedBy: 'sync-server',
    auditId: id,
    _deleted: false,
  });
}

export type { SqlDatabase };

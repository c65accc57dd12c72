import { isSameContent, isSameValue, resolvePush } from '../../src-shared/sync/conflicts';
import type { SyncCollection } from '../../src-shared/sync/collections';
import { can, type SyncAction } from '../../src-shared/sync/permissions';
import type { PushResponse, PushRow, RefusedWrite, WireDocument } from '../../src-shared/sync/protocol';
import { newlyBrokenRule, rulesOf } from '../../src-shared/sync/merge-rules';
import { canRead, scopedSubjectCollection, stampSubjectScope, tombstoneOf } from '../../src-shared/sync/read-scope';
import { redactForSync } from '../../src-shared/sync/redaction';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import { isAdmin } from '../../src-shared/people/roles';
import { checkEventAppend } from '../../src-shared/sync/workflow-event-rules';
import { checkAuthorship } from '../../src-shared/sync/authorship';
import { allow } from '../../src-shared/sync/write-rule';
import { isArgon2idHash } from '../auth/passwords';
import { saveCredentials } from '../auth/accounts';
import type { SqlClient, SqlDatabase } from '../db/sql-database';
import type { ServerServices } from '../services';
import { lockCollections, notifyChanged, readForUpdate, toWire, upsertDocument } from './document-store';
import { enqueueOutbox } from '../outbox/outbox-queue';
import { deriveInstances, pushInstance, restampRecordActivity } from './derived-documents';
import { loadRelated, loadWorkflowHistories } from './rule-context';
import { judgeStepInstrument } from './step-instrument-check';
import { keepRankUnique } from './board-ranks';
import { CONFLICTS_COLLECTION, recordConflict } from './conflict-log';
import { claimedIdsOf, judgeAuditEntry, recordChainLink, recordClaims } from './audit-claims';
import { checkEditNamesItsEntry } from '../../src-shared/sync/audit-rules';
import { answerProbe, endSessionsOfDeactivated } from './push-trust';
import { serverManagers } from '../auth/people-directory';
import { finishRecord, tryStampColumns } from './record-stamping';
import { loadEventRecords, restampRecordWorkflows, withServerScope, type EventRecords } from './workflow-records';
import { checkRecordSnapshot, checkStartRecord } from '../../src-shared/sync/workflow-record-rules';
import type { ManagerLookup } from '../../src-shared/records/record-document';

export interface PushContext {
  services: ServerServices;
  person: SyncPerson;
  /** Logs a refused write (who, what, why); refusals are security events. */
  onRefused(refusal: RefusedWrite): void;
}

type Doc = Record<string, unknown>;

const dataOf = (doc: Doc): Doc => (doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});
const texts = (values: unknown[]): string[] => values.filter((v): v is string => typeof v === 'string' && v !== '');
/** Collections a push of `collection` writes besides it and the conflict log: derived instances, restamped activity, instances and events. */
const alsoWrites: Record<string, string[]> = { workflow_events: ['workflow_instances'], records: ['activity', 'workflow_events', 'workflow_instances'] };

/**
 * Applies one push request to one collection in a single transaction: each row is checked against
 * the schema, the permission rules (with the related documents they consult, loaded here) and the
 * workflow engine's rules (with the instance's history), then merged with the server's version
 * (conflicts.ts). Rows not taken as sent come back as `conflicts` (RxDB's protocol), with the
 * server's document — or a tombstone when the server never had it — so a refused write is not
 * retried. Losing versions are kept as `activity` documents of kind `conflict` on the record.
 * Workflow instances are derived from their events (derived-documents.ts), never taken as pushed.
 *
 * Every write is judged as the command of the person who pushes it (issue 18): its author fields
 * must name them (authorship.ts), an audit entry needs the change it describes (audit-claims.ts),
 * and a probe — a row whose author has no sign-in on the PC — is only answered when it changes
 * nothing; otherwise it and rows that cannot be judged yet come back in `waiting`.
 */
export async function applyPush(collection: SyncCollection, rows: PushRow[], context: PushContext): Promise<PushResponse> {
  const { services, person } = context;
  const primaryKey = (collection.schema as { primaryKey: string }).primaryKey;
  const conflicts: WireDocument[] = [];
  const refused: RefusedWrite[] = [];
  const waiting: string[] = [];
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
    const registered = new Set(services.collections.map((c) => c.name));
    const extra = (alsoWrites[collection.name] ?? []).filter((name) => registered.has(name));
    await lockCollections(tx, [collection.name, ...(hasConflictLog ? [CONFLICTS_COLLECTION] : []), ...extra]);
    const ids = rows.map((r) => r.newDocumentState[primaryKey]).filter((id): id is string => typeof id === 'string');
    const stored = await readForUpdate(tx, collection.name, ids);
    const changed = new Set<string>();
    const now = services.clock();
    const storedOf = (doc: Doc) => (typeof doc[primaryKey] === 'string' && stored.get(doc[primaryKey]) ? toWire(stored.get(doc[primaryKey])!) : null);
    const related = await loadRelated(tx, collection.name, rows.map((r) => ({ doc: r.newDocumentState, previous: storedOf(r.newDocumentState) })), person, now);
    const isWorkflow = collection.name === 'workflow_events' || collection.name === 'workflow_instances';
    const histories = isWorkflow
      ? await loadWorkflowHistories(tx, texts(rows.map((r) => r.newDocumentState.instanceId ?? r.newDocumentState.id)), texts(rows.map((r) => dataOf(r.newDocumentState).workflowCode)), collection.name === 'workflow_events')
      : null;
    // Workflows about a record carry its scope as the server knows it (workflow-records.ts).
    const eventRecords: EventRecords | null = histories
      ? await loadEventRecords(tx, texts(rows.map((r) => r.newDocumentState.instanceId ?? r.newDocumentState.id)), collection.name === 'workflow_events' ? rows.map((r) => r.newDocumentState) : [], histories)
      : null;
    const touchedInstances = new Set<string>();
    /** The server's managers, loaded once when a pushed run says which record it read. */
    let eventManagers: ManagerLookup | undefined;
    // Records: their subject, managers and number come from the server's own data (record-stamping.ts).
    const managers = collection.name === 'records' ? await serverManagers(tx) : null;

    for (const row of rows) {
      const raw = row.newDocumentState;
      const id = raw[primaryKey];
      if (typeof id !== 'string' || !id) {
        refuse(raw, null, 'invalid_input', `The document has no ${primaryKey}.`);
        continue;
      }
      const master = stored.get(id) ? toWire(stored.get(id)!) : null;
      if (row.isProbe) {
        // Another person's sign-in carries it: answered only when it changes nothing, never judged or stored.
        const answer = answerProbe(collection, raw, master, row.assumedMasterState ?? null, services.collections);
        if (answer === 'waiting') waiting.push(id);
        else if (answer) conflicts.push(visibleTo(answer));
        continue;
      }
      const problem = services.validator.problemOf(collection, raw);
      if (problem) {
        refuse(raw, master, 'invalid_input', `This ${collection.name} document is not valid: ${problem}.`);
        continue;
      }
      // A password hash is taken when the PC set it: on a new person, or when it differs from the
      // state the PC last had (a reset). A PC that merely holds an older hash never overwrites a newer one.
      const rawAssumed = row.assumedMasterState ?? null;
      const passwordHash = collection.credentialFields.includes('passwordHash') && (!master || (rawAssumed && rawAssumed.passwordHash !== raw.passwordHash)) ? raw.passwordHash : undefined;
      const redacted = redactForSync(collection, raw, services.collections) as WireDocument;
      // Notes about an HR or finance record, and files of a meeting, carry their subject's scope as the server knows it, never the PC's claim.
      const subjectCollection = collection.name === 'activity' ? scopedSubjectCollection(raw) : null;
      const scoped = subjectCollection
        ? stampSubjectScope(redacted, related.get(subjectCollection, String(raw.subjectId)))
        : collection.name === 'workflow_events' && eventRecords
          ? withServerScope(redacted, eventRecords.scopeOf(String(raw.instanceId)))
          : redacted;
      const stamped = managers ? tryStampColumns(scoped, master, managers) : ({ ok: true, doc: scoped } as const);
      if (!stamped.ok) {
        refuse(raw, master, 'invalid_input', stamped.message);
        continue;
      }
      const incoming = stamped.doc;
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
      if (collection.name === 'workflow_instances' && histories) {
        const outcome = await pushInstance(tx, id, incoming, master, histories, eventRecords?.scopeOf);
        if (outcome.refused) refuse(incoming, master, outcome.refused.code, outcome.refused.message);
        else if (outcome.reply) conflicts.push(visibleTo(outcome.reply as WireDocument));
        // The server's instance is always its events' replay; the entries behind the PC's are the pusher's own account of it.
        if (!outcome.refused) await recordClaims(tx, person, collection.name, id, row, redacted);
        if (outcome.wrote) changed.add(collection.name);
        continue;
      }
      // Nothing but PC-only fields or bookkeeping changed (e.g. a password hash stored on first
      // sign-in): no document write and nothing to refuse; an administrator's new hash still counts.
      // The person's own changes only: judged as theirs before anything else (authorship.ts).
      const authorship = collection.hasAuthorFields ? checkAuthorship(person, collection.name, master ? (action === 'create' ? 'update' : action) : 'create', incoming, master) : allow;
      const judge = () => (authorship.isAllowed ? can(person, action, { collection: collection.name, doc: incoming, previous: master, isAppendOnly: collection.isAppendOnly, related }) : authorship);
      // The PC takes the server's bookkeeping, so the two stay identical.
      if (master && isSameContent(master, incoming)) {
        if (passwordHash !== undefined) await afterWrite(tx, collection, master, passwordHash, person);
        // Nothing to write, but the audit entries behind it describe a change the person was allowed to make.
        if (collection.name !== 'audit' && judge().isAllowed) await recordClaims(tx, person, collection.name, id, row, redacted);
        if (!isSameValue(master, incoming)) conflicts.push(visibleTo(master));
        continue;
      }
      let resolution = resolvePush({ isAppendOnly: collection.isAppendOnly, master, assumed, incoming, rules: rulesOf(collection.name) });
      // The PC sent what the server already has (or only lost bookkeeping): nothing is written, so
      // there is nothing to authorise; the PC simply takes the server's version.
      if (resolution.kind === 'keep_master' && resolution.lost.length === 0) {
        if (collection.name !== 'audit' && judge().isAllowed) await recordClaims(tx, person, collection.name, id, row, redacted);
        conflicts.push(visibleTo(resolution.doc as WireDocument));
        continue;
      }
      const decision = judge();
      if (!decision.isAllowed && decision.isWaiting) {
        // Judged again when it is offered next (the PC parks it): nothing of it is stored meanwhile.
        waiting.push(id);
        continue;
      }
      if (!decision.isAllowed) {
        refuse(incoming, master, 'forbidden', decision.reason);
        continue;
      }
      const audited = collection.hasAuthorFields ? checkEditNamesItsEntry(collection.name, action, incoming, claimedIdsOf(row)) : ({ ok: true } as const);
      if (!audited.ok) {
        refuse(incoming, master, audited.error.code, audited.error.message);
        continue;
      }
      // The collection's cross-field rules, as its commands keep them (merge-rules.ts).
      const broken = incoming._deleted === true ? null : newlyBrokenRule(collection.name, incoming, master);
      if (broken) {
        refuse(incoming, master, 'invalid_input', `This ${collection.name} document is not valid: ${broken.message}`);
        continue;
      }
      if (collection.name === 'audit') {
        // An audit entry comes with the change it describes, in its writer's chain; a second version of one is never kept.
        const verdict = resolution.kind === 'accept' ? await judgeAuditEntry(tx, person, incoming) : { ok: false as const, error: { code: 'forbidden' as const, message: 'An audit entry with this id exists with other content; entries never change.' } };
        if (!verdict.ok) {
          refuse(incoming, master, verdict.error.code, verdict.error.message);
          continue;
        }
        await recordChainLink(tx, incoming);
      }
      if (collection.name === 'workflow_events' && histories) {
        // Judged against the history before it; a rival for a taken id (two PCs acted on the same
        // step) is kept as the losing version when it is well formed and the pusher's own.
        const instanceId = String(incoming.instanceId);
        const before = histories.history(instanceId).slice(0, Math.max(0, Number(dataOf(incoming).seq) || 0));
        const check = checkEventAppend({ doc: incoming, before, person, definitions: histories.definitions, isRival: resolution.kind === 'keep_master', now: now.toISOString(), directory: histories.directory });
        if (!check.ok && 'isWaiting' in check) {
          waiting.push(id);
          continue;
        }
        if (!check.ok) {
          refuse(incoming, master, check.error.code, check.error.message);
          continue;
        }
        // A step that requires a ready instrument: judged on the instrument's records here, by the server's clock.
        const unready = resolution.kind === 'keep_master' ? null : await judgeStepInstrument(tx, histories, before, check.value, now.toISOString());
        if (unready) {
          refuse(incoming, master, 'invalid_state', unready);
          continue;
        }
        const bound = eventRecords ? checkStartRecord(check.value, person, histories.definitions, eventRecords.recordOf(instanceId)) : null;
        if (bound && !bound.ok) {
          refuse(incoming, master, bound.error.code, bound.error.message);
          continue;
        }
        // The record a run read decides routing and `record.manager` approvers: it must be the server's record, with managers its directory knows.
        if (eventRecords && check.value.record) {
          eventManagers ??= await serverManagers(tx);
          const seen = checkRecordSnapshot(check.value, eventRecords.recordOf(instanceId), eventManagers.managersOf);
          if (!seen.ok) {
            refuse(incoming, master, seen.error.code, seen.error.message);
            continue;
          }
        }
        if (resolution.kind === 'accept') histories.append(check.value);
        touchedInstances.add(instanceId);
      }

      if (collection.name !== 'audit') await recordClaims(tx, person, collection.name, id, row, redacted);
      if (resolution.kind !== 'keep_master' && collection.name === 'tasks') {
        const placed = await keepRankUnique(tx, resolution.doc, master);
        if (placed !== resolution.doc) resolution = { kind: 'merge', doc: placed, lost: resolution.kind === 'merge' ? resolution.lost : [] };
      }
      let written = resolution.doc as WireDocument;
      if (resolution.kind !== 'keep_master') {
        const doc = managers ? await finishRecord(tx, written, master, managers) : written;
        written = doc;
        // The server numbered or restamped it: the PC takes the server's version at once.
        const isRestamped = managers !== null || collection.name === 'workflow_events';
        if (isRestamped && resolution.kind === 'accept' && !isSameContent(doc, raw)) conflicts.push(visibleTo(doc));
        await upsertDocument(tx, collection.name, id, doc);
        stored.set(id, { id, seq: 0, deleted: doc._deleted === true, data: doc });
        related.remember(collection.name, id, doc._deleted ? null : doc);
        changed.add(collection.name);
        await afterWrite(tx, collection, doc, passwordHash, person);
        if (collection.name === 'notifications') await enqueueOutbox(tx, doc);
        if (collection.name === 'records' && extra.length > 0 && (await restampRecordActivity(tx, doc))) changed.add(CONFLICTS_COLLECTION);
        if (collection.name === 'records' && extra.length > 0) for (const name of await restampRecordWorkflows(tx, doc)) changed.add(name);
      }
      if (resolution.kind !== 'accept') conflicts.push(visibleTo(written));
      if (resolution.kind !== 'accept' && resolution.lost.length > 0 && hasConflictLog && (await recordConflict(tx, collection, master ?? incoming, incoming, resolution.lost, person, now))) {
        changed.add(CONFLICTS_COLLECTION);
      }
    }
    if (histories && touchedInstances.size > 0 && extra.length > 0 && (await deriveInstances(tx, touchedInstances, histories, eventRecords?.scopeOf))) changed.add('workflow_instances');
    await notifyChanged(tx, [...changed]);
  });
  return { conflicts, refused, waiting };
}

/** Side effects of accepted people documents: an administrator's password hash becomes the account's credentials. */
async function afterWrite(tx: SqlClient, collection: SyncCollection, doc: WireDocument, passwordHash: unknown, person: SyncPerson) {
  if (collection.name !== 'people' || doc.kind !== 'person' || typeof doc.email !== 'string') return;
  // Only an administrator's push touches accounts, and only with a real argon2id hash. HR's hires
  // (permissions.ts) get no account until an administrator sets the password; saving theirs would
  // also hand the address over from whoever holds it (saveCredentials), so an HR push never does.
  if (isAdmin(person.roles)) await saveCredentials(tx, String(doc.id), doc.email, isArgon2idHash(passwordHash) ? passwordHash : null);
  if (doc.isActive === false) await endSessionsOfDeactivated(tx, String(doc.id));
}

export type { SqlDatabase };

import type { AuditEntry } from '../../src-shared/audit/audit-contract';
import type { PersonDocument } from '../../src-shared/people/person';
import { isGeneratedId, LINK_PERSON_COMMAND } from '../../src-shared/sync/remap-ids';
import type { WireDocument } from '../../src-shared/sync/protocol';
import type { Actor } from '../audit/audited-writer';
import type { HostServices } from '../host/handler-types';
import { rewritePersonIds } from './remap-person-ids';

/** The local document holding merges planned and not yet carried out. */
export const PERSON_MERGES_KEY = 'person-merges';

/** One local person becoming the team's person with the same email. */
export interface PersonMerge {
  from: string;
  to: string;
  /** The id of the merge's audit entry, chosen when the merge is planned so a re-run writes the same entry. */
  auditId: string;
  /** The team's person document as this PC keeps it: the server's fields plus the local password hash. */
  person: Record<string, unknown>;
}

export interface PendingMerges {
  actor: Actor;
  at: string;
  merges: PersonMerge[];
}

type Services = Pick<HostServices, 'db' | 'clock' | 'newId' | 'log' | 'writer'>;

/**
 * Joining a team: a person who exists on this PC and on the server under different ids (each side
 * created them on its own) is matched by email. The PC takes the server's document (keeping its own
 * password hash so local sign-in keeps working), removes the local duplicate (the server never had
 * it, so the removal changes nothing there) and rewrites every reference to the local id — owners,
 * assignees, watchers, authors, time entries, workflow history, notification recipients and
 * preferences — to the server's, so nothing this PC then pushes names a person the team does not
 * know. Run inside the write queue, before replication starts. Returns the merges made.
 *
 * Restart-safe: the plan is stored first (a local document) and only forgotten once carried out;
 * every step after it is idempotent, and `finishPersonMerges` runs again on the next start.
 */
export async function linkPeopleByEmail(services: Services, serverPeople: WireDocument[], actor: Actor): Promise<PersonMerge[]> {
  const serverByEmail = new Map(serverPeople.filter((p) => p.kind === 'person' && !p._deleted).map((p) => [String(p.email).toLowerCase(), p]));
  const local = await services.db.people.find({ selector: { kind: 'person' } }).exec();
  const merges: PersonMerge[] = [];
  for (const doc of local) {
    const person = doc.toJSON() as PersonDocument;
    const match = serverByEmail.get(person.email.toLowerCase());
    if (!match || match.id === person.id) continue;
    const { _deleted: _d, ...fields } = match;
    merges.push({ from: person.id, to: String(match.id), auditId: services.newId(), person: { ...fields, ...(person.passwordHash ? { passwordHash: person.passwordHash } : {}) } });
  }
  if (merges.length > 0) {
    const earlier = await readPending(services);
    const as = merges.find((m) => m.from === actor.id);
    const pending: PendingMerges = { actor: as ? { id: as.to, name: actor.name } : actor, at: services.clock().toISOString(), merges: [...(earlier?.merges ?? []), ...merges] };
    await services.db.upsertLocal(PERSON_MERGES_KEY, pending);
  }
  await finishPersonMerges(services);
  return merges;
}

/**
 * Carries out stored merges: each one's audit entry and person swap, then one pass over every
 * collection rewriting the old ids. Called by `linkPeopleByEmail` and on every start, before
 * replication, so a merge cut short by a crash is completed before anything is pushed.
 */
export async function finishPersonMerges(services: Services): Promise<number> {
  const pending = await readPending(services);
  if (!pending) return 0;
  for (const merge of pending.merges) await swapPerson(services, merge, pending);
  // Only ids LabFlow generated are unique enough to be told apart from other values by equality.
  const rewritable = pending.merges.filter((m) => isGeneratedId(m.from));
  for (const m of pending.merges) if (!isGeneratedId(m.from)) services.log.warn('a matched person’s local id is not a generated one; references to it are left', { localId: m.from });
  const ids = new Map(rewritable.map((m) => [m.from, m.to]));
  const entryOf = new Map(rewritable.map((m) => [m.from, m.auditId]));
  // A document naming several merged people names the latest merge entry.
  const auditIdOf = (found: string[]) => found.map((id) => entryOf.get(id) ?? '').sort().at(-1) ?? '';
  const counts = ids.size > 0 ? await rewritePersonIds(services.db, ids, auditIdOf) : {};
  await (await services.db.getLocal(PERSON_MERGES_KEY))?.remove();
  const rewritten = Object.values(counts).reduce((sum, n) => sum + n, 0);
  services.log.info('matched local people with the team by email', { merges: pending.merges.map((m) => ({ localId: m.from, serverId: m.to })), rewritten: counts });
  return rewritten;
}

/**
 * The audit entry first (audit-first, as the audited writer does: its `after` is the person as
 * stored, so `completeInterruptedChanges` finishes the swap if the next write is cut off), then
 * the team's person, then the local duplicate removed. Each step checks whether it was done.
 */
async function swapPerson({ db, writer }: Services, merge: PersonMerge, pending: PendingMerges): Promise<void> {
  // The merge's time as the person's updatedAt: a later change that arrives by sync has moved on
  // from it, so the crash roll-forward never puts this version back over a newer one.
  const record = { ...merge.person, updatedAt: pending.at, auditId: merge.auditId };
  if (!(await db.audit.findOne(merge.auditId).exec())) {
    const { actor, at } = pending;
    const entry: AuditEntry = {
      id: merge.auditId,
      createdAt: at,
      updatedAt: at,
      createdBy: actor.id,
      updatedBy: actor.id,
      auditId: merge.auditId,
      at,
      actorId: actor.id,
      actorName: actor.name,
      command: LINK_PERSON_COMMAND,
      collectionName: 'people',
      recordId: merge.to,
      operation: 'update',
      changes: [{ field: 'id', old: merge.from, new: merge.to }],
      after: record,
    };
    await writer.storeEntries([entry]);
  }
  const current = await db.people.findOne(merge.to).exec();
  if (!current) await db.people.upsert(record);
  else if (current.get('auditId') !== merge.auditId && !current.get('passwordHash') && merge.person.passwordHash) {
    // The team's person is here already (pulled earlier): it stays, with the local hash for sign-in.
    await current.incrementalPatch({ passwordHash: merge.person.passwordHash });
  }
  const duplicate = await db.people.findOne(merge.from).exec();
  if (duplicate) await duplicate.remove();
}

async function readPending({ db }: Services): Promise<PendingMerges | null> {
  const doc = await db.getLocal<PendingMerges>(PERSON_MERGES_KEY);
  return doc ? (doc.toJSON().data as PendingMerges) : null;
}

import { from, of, switchMap, type Observable } from 'rxjs';
import type { AuditEntry, AuditTrailEntryView, AuditTrailFilter } from '../../src-shared/audit/audit-contract';
import {
  actionLabel, areaOfCommand, readableChanges, recordLabel, refusedSignatureOf, signaturesInChanges, type SignatureView,
} from '../../src-shared/audit/audit-readable';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { builtInRoles, isAdmin } from '../../src-shared/people/roles';
import { stepOf } from '../../src-shared/workflows/definition-graph';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';

type Doc = Record<string, unknown>;
type TrailResult = Result<{ entries: AuditTrailEntryView[]; isTruncated: boolean }>;

/** Entries read per answer at most: the area, text and signature filters narrow them in memory. */
const SCAN_LIMIT = 3000;

/** Names of what ids and codes in the trail stand for: people, projects, workflow definitions and roles. */
async function namesOf(db: LabDatabase): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const [people, projects, definitions] = await Promise.all([db.people.find().exec(), db.projects.find().exec(), db.workflow_definitions.find().exec()]);
  for (const p of people) names.set(p.id, p.get('name') as string);
  for (const p of projects) names.set(p.id, `${p.get('code') as string} ${p.get('name') as string}`);
  for (const d of definitions) names.set(d.id, String((d.get('definition') as { name?: string } | undefined)?.name ?? d.get('code')));
  // Role codes in `roles` lists; roles an administrator added are people documents, named above.
  for (const role of builtInRoles) names.set(role.code, role.name);
  return names;
}

/** `<instanceId>-<seq, six digits>`: the ids of the events an instance entry's `eventCount` change covers (workflow-events.ts). */
const eventIds = (instanceId: string, from: number, to: number): string[] =>
  Array.from({ length: Math.max(0, Math.min(to - from, 50)) }, (_, i) => `${instanceId}-${String(from + i).padStart(6, '0')}`);

/**
 * The workflow signatures of instance entries: the signed events of the step the entry records,
 * with the step's name from the definition the instance runs.
 */
async function workflowSignatures(db: LabDatabase, entries: readonly AuditEntry[]): Promise<Map<string, SignatureView[]>> {
  const wanted = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.collectionName !== 'workflow_instances') continue;
    const count = entry.changes.find((c) => c.field === 'eventCount');
    if (!count || typeof count.new !== 'number') continue;
    wanted.set(entry.id, eventIds(entry.recordId, typeof count.old === 'number' ? count.old : 0, count.new));
  }
  if (wanted.size === 0) return new Map();
  const events = await db.workflow_events.findByIds([...wanted.values()].flat()).exec();
  const definitionIds = new Set(entries.filter((e) => wanted.has(e.id)).map((e) => String(e.after.definitionId ?? '')));
  const definitions = await db.workflow_definitions.findByIds([...definitionIds]).exec();
  const out = new Map<string, SignatureView[]>();
  for (const entry of entries) {
    const definition = definitions.get(String(entry.after.definitionId ?? ''))?.get('definition') as WorkflowDefinition | undefined;
    const signed = (wanted.get(entry.id) ?? [])
      .map((id) => events.get(id)?.get('data') as WorkflowEvent | undefined)
      .flatMap((event) => (event?.signature ? [{ event, signature: event.signature }] : []));
    if (signed.length === 0) continue;
    out.set(entry.id, signed.map(({ event, signature }) => {
      const stepName = (event.stepId && definition && stepOf(definition, event.stepId)?.name) || event.stepId || '';
      return { signerName: signature.signerName, signedAt: signature.signedAt, meaning: signature.meaning, what: stepName && definition ? `${stepName} (${definition.name})` : stepName || definition?.name || '', isRefused: false };
    }));
  }
  return out;
}

/** The Mango selector of the filter's indexed parts: person, record, time range. */
function selectorOf(filter: AuditTrailFilter): Doc {
  const at: Doc = {};
  if (filter.fromAt) at.$gte = filter.fromAt;
  if (filter.toAt) at.$lt = filter.toAt;
  return {
    ...(filter.personId ? { actorId: filter.personId } : {}),
    ...(filter.recordId ? { recordId: filter.recordId } : {}),
    ...(Object.keys(at).length > 0 ? { at } : {}),
  };
}

/** The readable trail for a filter (see AuditTrailFilter). */
export async function readAuditTrail(db: LabDatabase, filter: AuditTrailFilter): Promise<{ entries: AuditTrailEntryView[]; isTruncated: boolean }> {
  const docs = await db.audit.find({ selector: selectorOf(filter), sort: [{ at: 'desc' }], limit: SCAN_LIMIT }).exec();
  const raw = docs.map((d) => d.toJSON() as AuditEntry);
  const [names, signed] = await Promise.all([namesOf(db), workflowSignatures(db, raw)]);
  const words = filter.text?.trim().toLowerCase() ?? '';
  const entries: AuditTrailEntryView[] = [];
  for (const entry of raw) {
    if (filter.area && areaOfCommand(entry.command) !== filter.area) continue;
    const record = recordLabel(entry.collectionName, entry.after, names);
    const refused = refusedSignatureOf(entry);
    const signatures = [...(signed.get(entry.id) ?? []), ...signaturesInChanges(entry.changes, record), ...(refused ? [refused] : [])];
    if (filter.isSignaturesOnly && signatures.length === 0) continue;
    const action = refused ? 'Signature refused: wrong password' : actionLabel(entry.command);
    if (words && !`${record} ${action} ${entry.actorName}`.toLowerCase().includes(words)) continue;
    entries.push({
      id: entry.id,
      at: entry.at,
      actorId: entry.actorId,
      actorName: names.get(entry.actorId) ?? entry.actorName,
      ...(entry.via ? { via: entry.via } : {}),
      command: entry.command,
      action,
      area: areaOfCommand(entry.command),
      collectionName: entry.collectionName,
      recordId: entry.recordId,
      record,
      changes: refused ? [] : readableChanges(entry.changes, names),
      signatures,
    });
    if (entries.length === filter.limit) break;
  }
  return { entries, isTruncated: entries.length === filter.limit || raw.length === SCAN_LIMIT };
}

export const auditTrailQueryHandlers: QueryHandlers<'audit/trail'> = {
  'audit/trail': (input, context): Observable<TrailResult> => {
    const session = context.sessions.session$.value;
    if (!session || !isAdmin(session.person.roles)) return of(fail('forbidden', 'Only an administrator can read the audit trail.'));
    // Live: a new entry anywhere answers again (the trail is read far less often than it is written).
    return context.db.audit.find({ selector: {}, sort: [{ at: 'desc' }], limit: 1 }).$.pipe(switchMap(() => from(readAuditTrail(context.db, input).then((value) => ok(value)))));
  },
};

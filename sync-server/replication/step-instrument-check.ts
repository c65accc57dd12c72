import { checkReadyInstrument, instrumentNeedOf, instrumentNeedReads } from '../../src-shared/equipment/step-instrument-gate';
import type { RecordLookup, RecordReads } from '../../src-shared/records/record-kind';
import type { WorkflowHistories } from './rule-context';
import { replayEvents } from '../../src-shared/workflows/replay';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import type { SqlClient } from '../db/sql-database';
import { readDocuments } from './document-store';
import { readRecordSet } from './rule-context';

/**
 * The server's side of workflow steps that require a ready instrument
 * (src-shared/equipment/step-instrument-gate.ts): a pushed completion of such a step is judged on
 * the instrument's records as PostgreSQL holds them (the instrument, its calibration plans and
 * calibrations), loaded inside the push transaction, and the server's clock. A PC that judged an
 * overdue balance ready — or never asked — is refused here.
 */
type Doc = Record<string, unknown>;

/** Loads what `reads` names from the server's documents and answers it as the rules read it. */
export async function loadServerLookup(tx: SqlClient, reads: RecordReads): Promise<RecordLookup> {
  const byId = new Map<string, Doc>();
  for (const ref of reads.ids ?? []) {
    const stored = (await readDocuments(tx, ref.collection, [ref.id])).get(ref.id);
    if (stored && !stored.deleted) byId.set(`${ref.collection}/${ref.id}`, stored.data);
  }
  const sets = new Map<string, Doc[]>();
  for (const q of reads.byParent ?? []) sets.set(`p|${q.kind}|${q.parentId}`, await readRecordSet(tx, { kind: q.kind, parentId: q.parentId }));
  for (const q of reads.byPerson ?? []) sets.set(`s|${q.kind}|${q.personId}`, await readRecordSet(tx, { kind: q.kind, personId: q.personId }));
  return {
    get: (collection, id) => byId.get(`${collection}/${id}`) ?? null,
    byParent: (kind, parentId) => sets.get(`p|${kind}|${parentId}`) ?? [],
    byPerson: (kind, personId) => sets.get(`s|${kind}|${personId}`) ?? [],
  };
}

/** The refusal of a pushed event (already checked by the engine's rules) for the instrument its step uses, or null. */
export async function judgeStepInstrument(tx: SqlClient, histories: WorkflowHistories, before: readonly WorkflowEvent[], event: WorkflowEvent, now: string): Promise<string | null> {
  if (event.type !== 'step_completed' || before.length === 0) return null;
  const state = replayEvents(before);
  if (!state.ok) return null;
  const definition = histories.definitions.version(state.value.workflowCode, state.value.definitionVersion)?.definition;
  const need = definition ? instrumentNeedOf(definition, state.value, event) : null;
  if (!need) return null;
  return checkReadyInstrument(await loadServerLookup(tx, instrumentNeedReads(need)), need, now);
}

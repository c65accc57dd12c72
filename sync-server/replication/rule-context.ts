import { relatedNeeds, type RecordQuery, type RelatedDocuments } from '../../src-shared/sync/related-documents';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { DefinitionCatalog } from '../../src-shared/sync/workflow-event-rules';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { directoryFrom, type DirectoryPerson } from '../../src-shared/workflows/directory';
import { gaplessHistory } from '../../src-shared/workflows/replay';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import type { SqlClient } from '../db/sql-database';
import { readDocuments, readWhere } from './document-store';
import { loadWorkflowMoves } from './workflow-records';

/**
 * What the pure rules of src-shared/sync need besides the pushed documents, loaded inside the push
 * transaction: the related documents the write rules name, and for workflow documents the
 * instances' histories and the definitions the server holds.
 */
type Doc = Record<string, unknown>;

/** Related documents the push keeps up to date as it writes (a parent task stored earlier in the same push). */
export interface LoadedRelated extends RelatedDocuments {
  remember(collection: string, id: string, doc: Doc | null): void;
}

const key = (collection: string, id: string) => `${collection}/${id}`;
const recordQueryKey = (q: RecordQuery) => `${q.kind}|${q.parentId ?? ''}|${q.personId ?? ''}|${q.status ?? ''}`;

/** The live records of a kind under a parent or about a person (migration 006 indexes both), or in a status (not indexed: only rare writes ask, e.g. the sales settings). */
export async function readRecordSet(tx: SqlClient, query: RecordQuery): Promise<Doc[]> {
  const [field, value] = query.parentId !== undefined ? ['parentId', query.parentId] : query.status !== undefined ? ['status', query.status] : ['personId', query.personId ?? ''];
  const { rows } = await tx.query<{ data: Doc | string }>(
    `SELECT data FROM documents WHERE collection = 'records' AND NOT deleted AND data->>'kind' = $1 AND data->>'${field}' = $2`,
    [query.kind, value],
  );
  return rows.map((r) => (typeof r.data === 'string' ? (JSON.parse(r.data) as Doc) : r.data));
}

const parsedData = (rows: { data: Doc | string }[]): Doc[] => rows.map((r) => (typeof r.data === 'string' ? (JSON.parse(r.data) as Doc) : r.data));

/**
 * The live meetings in a room that end after `sinceIso`, the series of those that are occurrences,
 * and every occurrence document of those series (one may have moved out of the room, and then its
 * computed occurrence must not count). Migration 009 indexes meetings by room and by series.
 */
async function readMeetingsInRoom(tx: SqlClient, roomId: string, sinceIso: string): Promise<Doc[]> {
  const inRoom = parsedData(
    (await tx.query<{ data: Doc | string }>(`SELECT data FROM documents WHERE collection = 'meetings' AND NOT deleted AND data->>'roomId' = $1 AND data->>'untilAt' >= $2`, [roomId, sinceIso])).rows,
  );
  const have = new Set(inRoom.map((d) => String(d.id)));
  const missingSeries = [...new Set(inRoom.map((d) => String(d.seriesId ?? '')).filter((id) => id !== '' && !have.has(id)))];
  const series = missingSeries.length === 0 ? [] : [...(await readDocuments(tx, 'meetings', missingSeries)).values()].filter((r) => !r.deleted).map((r) => r.data);
  const seriesIds = [...inRoom, ...series].filter((d) => d.seriesId === '').map((d) => String(d.id));
  const occurrences = seriesIds.length === 0 ? [] : parsedData(
    (await tx.query<{ data: Doc | string }>(`SELECT data FROM documents WHERE collection = 'meetings' AND NOT deleted AND data->>'seriesId' = ANY($1::text[])`, [seriesIds])).rows,
  );
  const all = new Map<string, Doc>();
  for (const doc of [...inRoom, ...series, ...occurrences]) all.set(String(doc.id), doc);
  return [...all.values()];
}

const DAY_MS = 86_400_000;

/**
 * A record stored earlier in the same push joins (or leaves) the record sets loaded for the rules:
 * a PC that recorded a calibration and then booked the instrument while offline pushes both
 * together, and the booking is judged with that calibration, as the PC judged it.
 */
function keepRecordSets(sets: Map<string, Doc[]>, id: string, doc: Doc | null) {
  for (const [setKey, list] of sets) {
    const [kind, parentId, personId] = setKey.split('|');
    const belongs = doc !== null && doc.kind === kind && (parentId ? doc.parentId === parentId : doc.personId === personId);
    const at = list.findIndex((d) => d.id === id);
    if (at >= 0 && belongs) list[at] = doc;
    else if (at >= 0) list.splice(at, 1);
    else if (belongs) list.push(doc);
  }
}

/**
 * Loads, in rounds, every document `relatedNeeds` names for these pushed documents (a comment's
 * task, then the task's project), the projects in which `person` follows a task, and for records
 * the moves their workflows made (`workflowMoves`, from the events the server holds and checked).
 */
export async function loadRelated(tx: SqlClient, collection: string, targets: { doc: Doc; previous: Doc | null }[], person: SyncPerson, now: Date = new Date()): Promise<LoadedRelated> {
  const docs = new Map<string, Doc | null>();
  const projects = new Set<string>();
  let worksOn = new Set<string>();
  const recordSets = new Map<string, Doc[]>();
  const roomBookings = new Map<string, Doc[]>();
  const related: LoadedRelated = {
    get: (name, id) => docs.get(key(name, id)) ?? null,
    worksOnProject: (projectId) => worksOn.has(projectId),
    records: (query) => recordSets.get(recordQueryKey(query)) ?? [],
    now: () => now.toISOString(),
    meetingsInRoom: (roomId) => roomBookings.get(roomId) ?? [],
    remember: (name, id, doc) => {
      docs.set(key(name, id), doc);
      if (name === 'records') keepRecordSets(recordSets, id, doc);
    },
  };
  for (let round = 0; round < 3; round++) {
    const wanted = new Map<string, Set<string>>();
    for (const { doc, previous } of targets) {
      const needs = relatedNeeds(collection, doc, previous, related);
      for (const project of needs.projects) projects.add(project);
      for (const query of needs.recordQueries ?? []) if (!recordSets.has(recordQueryKey(query))) recordSets.set(recordQueryKey(query), await readRecordSet(tx, query));
      for (const roomId of needs.rooms ?? []) if (!roomBookings.has(roomId)) roomBookings.set(roomId, await readMeetingsInRoom(tx, roomId, new Date(now.getTime() - DAY_MS).toISOString()));
      for (const ref of needs.docs) {
        if (docs.has(key(ref.collection, ref.id))) continue;
        wanted.set(ref.collection, (wanted.get(ref.collection) ?? new Set()).add(ref.id));
      }
    }
    if (wanted.size === 0) break;
    for (const [name, ids] of wanted) {
      const found = await readDocuments(tx, name, [...ids]);
      for (const id of ids) {
        const stored = found.get(id);
        docs.set(key(name, id), stored && !stored.deleted ? stored.data : null);
      }
    }
  }
  if (projects.size > 0) {
    const { rows } = await tx.query<{ project: string }>(
      `SELECT DISTINCT data->>'projectId' AS project FROM documents
       WHERE collection = 'tasks' AND NOT deleted AND data->>'projectId' = ANY($1::text[])
         AND (data->>'assigneeId' = $2 OR data->'watcherIds' @> jsonb_build_array($2::text))`,
      [[...projects], person.id],
    );
    worksOn = new Set(rows.map((r) => r.project));
  }
  if (collection === 'records') {
    const moves = await loadWorkflowMoves(tx, targets);
    related.workflowMoves = (recordId) => moves.get(recordId) ?? [];
  }
  return related;
}

export interface WorkflowHistories {
  definitions: DefinitionCatalog;
  /** The instance's events the server holds (the part without a gap), in `seq` order; grows with `append`. */
  history(instanceId: string): WorkflowEvent[];
  append(event: WorkflowEvent): void;
  /** The server's people and departments, for the engine's assignee resolution (loaded when events are pushed). */
  directory?: ReadonlyMap<string, DirectoryPerson>;
}

/**
 * Loads the histories of these instances and every stored version of the workflows they (or
 * `moreCodes`) run, and with `withDirectory` the server's people directory.
 */
export async function loadWorkflowHistories(tx: SqlClient, instanceIds: string[], moreCodes: string[], withDirectory = false): Promise<WorkflowHistories> {
  const byInstance = new Map<string, WorkflowEvent[]>();
  for (const row of await readWhere(tx, 'workflow_events', 'instanceId', [...new Set(instanceIds)])) {
    const event = row.data.data as WorkflowEvent | undefined;
    if (!event || typeof event.seq !== 'number') continue;
    byInstance.set(event.instanceId, [...(byInstance.get(event.instanceId) ?? []), event]);
  }
  for (const [id, events] of byInstance) byInstance.set(id, gaplessHistory(events));
  const codes = new Set(moreCodes);
  for (const events of byInstance.values()) if (events[0]?.type === 'instance_started') codes.add(events[0].workflowCode);
  const versions = new Map<string, { id: string; status: string; definition: WorkflowDefinition }>();
  for (const row of await readWhere(tx, 'workflow_definitions', 'code', [...codes])) {
    versions.set(`${String(row.data.code)}@${String(row.data.version)}`, { id: row.id, status: String(row.data.status), definition: row.data.definition as WorkflowDefinition });
  }
  const directory = withDirectory ? await loadDirectory(tx) : undefined;
  return {
    ...(directory ? { directory } : {}),
    definitions: { version: (code, version) => versions.get(`${code}@${version}`) ?? null },
    history: (instanceId) => byInstance.get(instanceId) ?? [],
    append(event) {
      const events = byInstance.get(event.instanceId) ?? [];
      if (event.seq === events.length) byInstance.set(event.instanceId, [...events, event]);
    },
  };
}

/** Everyone and every department, as the server holds them now. */
async function loadDirectory(tx: SqlClient): Promise<Map<string, DirectoryPerson>> {
  const { rows } = await tx.query<{ data: Record<string, unknown> | string }>(
    "SELECT data FROM documents WHERE collection = 'people' AND NOT deleted AND data->>'kind' IN ('person', 'department')",
  );
  return directoryFrom(rows.map((r) => (typeof r.data === 'string' ? (JSON.parse(r.data) as Record<string, unknown>) : r.data)));
}

import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { WorkflowInstance } from '../../src-shared/workflows/instance';
import { gaplessHistory, replay } from '../../src-shared/workflows/replay';
import { eventId, type WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import { SYSTEM_ACTOR, type HostServices } from '../host/handler-types';
import type { DefinitionStore } from './definition-store';
import { definitionDocId } from './workflow-ids';
import { instanceFields, type InstanceDocument } from './workflow-documents';
import { plainInstance } from './instance-store';
import { bindingKey, loadBindings, scopeOf } from './record-link';

const CHECKPOINT_KEY = 'workflow-repair';
/** Events of the previous session are looked at from this long before it started (clock adjustments). */
const CHECKPOINT_MARGIN_MS = 24 * 3_600_000;
const CHUNK = 1000;

type Services = Pick<HostServices, 'db' | 'writer' | 'clock' | 'log'>;

/**
 * Rebuilds one instance from its events and writes it when the stored document is behind (or
 * missing). Returns the document as it now stands, or null when the instance has no history.
 */
export async function repairInstance(services: Services, definitions: DefinitionStore, instanceId: string): Promise<InstanceDocument | null> {
  const { db, writer, clock } = services;
  const [docs, stored] = await Promise.all([
    db.workflow_events.find({ selector: { instanceId } }).exec(),
    db.workflow_instances.findOne(instanceId).exec(),
  ]);
  const current = stored ? plainInstance(stored) : null;
  const history = gaplessHistory(docs.map((d) => d.get('data') as WorkflowEvent));
  const first = history[0];
  if (!first || first.type !== 'instance_started') return current;
  if (current && current.eventCount >= history.length) return current;
  // replay reads only the code of the definition; the version document may not have arrived by sync yet.
  const definition: WorkflowDefinition =
    (await definitions.version(first.workflowCode, first.definitionVersion))?.definition ??
    ({ workflow_code: first.workflowCode, name: first.workflowCode, steps: [], initial_step: '' } as WorkflowDefinition);
  const rebuilt = replay(definition, history);
  if (!rebuilt.ok) throw new Error(`Instance ${instanceId} cannot be rebuilt from its history: ${rebuilt.error.message}`);
  const state: WorkflowInstance = rebuilt.value;
  const scope = scopeOf((await loadBindings(db, [state])).get(bindingKey(state)));
  return writer.replace<InstanceDocument>(
    'workflow_instances',
    current,
    { id: instanceId, ...instanceFields(state, definitionDocId(state.workflowCode, state.definitionVersion)), ...(scope ? { subjectScope: scope } : {}) },
    { actor: SYSTEM_ACTOR, command: 'workflows/repair', now: clock() },
  );
}

/**
 * Finds instances whose write was cut off after their events (see persist-result.ts) and replays
 * them: open instances whose next event exists already, and instances started in the previous
 * session whose document was never written. Run once on start, inside the write queue.
 */
export async function repairInstances(services: Services, definitions: DefinitionStore): Promise<string[]> {
  const { db, clock } = services;
  const startedAt = clock();
  const suspects = new Set<string>();
  const open = await db.workflow_instances.find({ selector: { status: { $in: ['running', 'incident'] } } }).exec();
  for (let i = 0; i < open.length; i += CHUNK) {
    const slice = open.slice(i, i + CHUNK);
    const next = await db.workflow_events.findByIds(slice.map((d) => eventId(d.id, d.get('eventCount') as number))).exec();
    for (const id of next.keys()) suspects.add(id.slice(0, id.lastIndexOf('-')));
  }
  const checkpoint = await db.getLocal<{ since: string }>(CHECKPOINT_KEY);
  const since = checkpoint ? new Date(Date.parse(checkpoint.get('since')) - CHECKPOINT_MARGIN_MS).toISOString() : '';
  const starts = await db.workflow_events.find({ selector: { type: 'instance_started', at: { $gte: since } } }).exec();
  for (let i = 0; i < starts.length; i += CHUNK) {
    const ids = starts.slice(i, i + CHUNK).map((d) => d.get('instanceId') as string);
    const existing = await db.workflow_instances.findByIds(ids).exec();
    for (const id of ids) if (!existing.has(id)) suspects.add(id);
  }
  const repaired: string[] = [];
  for (const id of suspects) {
    try {
      await repairInstance(services, definitions, id);
      repaired.push(id);
    } catch (error) {
      services.log.error('a workflow instance could not be repaired from its history', error, { instanceId: id });
    }
  }
  await db.upsertLocal(CHECKPOINT_KEY, { since: startedAt.toISOString() });
  return repaired;
}

import { fail, ok, type Result } from '../../src-shared/core/result';
import type { RecordActor } from '../../src-shared/records/who';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { Actor, EngineOptions } from '../../src-shared/workflows/instance';
import { systemActor } from '../../src-shared/workflows/instance';
import { mergeRecordChanges } from '../../src-shared/workflows/record-binding';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import type { HostServices } from '../host/handler-types';
import type { PersistEntry } from './persist-result';
import { bindingKey, loadBindings, loadRecordDirectory, mayReadBound, planRecordChange, scopeOf, snapshotOf, type Binding, type RecordDirectory } from './record-link';

/**
 * What one round of the runtime (instance-batch.ts) knows of the records its instances are about:
 * loaded once for the round, so a batch of steps reads the records and the directory once.
 */
export interface RoundRecords {
  bindingOf(ref: { entityType: string; entityId: string }): Binding | undefined;
  /** The person as the record rules see them (the engine itself acts as a workflow, with no rights of its own). */
  recordActorOf(actor: Actor): RecordActor;
  /** Whether the actor may see the instance's record (always for the engine itself). */
  mayAct(actor: Actor, binding: Binding | undefined, stamped: unknown): boolean;
  /** The record a run reads, for the engine. */
  engineOptions(binding: Binding | undefined): Pick<EngineOptions, 'record'>;
  /** Who may be told about the instance: readers of its record. */
  readerCheck(binding: Binding | undefined, stamped: unknown): ((personId: string) => boolean) | undefined;
  /**
   * The record write a run's events make, checked like a person's (`record` in PersistEntry), or
   * nothing when the run changes no record. One record changes once per round: a second run on it
   * is refused as a conflict, to be tried again.
   */
  recordWrite(definition: WorkflowDefinition, binding: Binding | undefined, events: readonly WorkflowEvent[], actor: Actor, at: Date): Promise<Result<Pick<PersistEntry, 'record' | 'scope'>>>;
}

const engineActor: RecordActor = { id: systemActor.userId, roles: [], isActive: true };

export async function loadRoundRecords(services: Pick<HostServices, 'db' | 'newId'>, refs: readonly { entityType: string; entityId: string }[]): Promise<RoundRecords> {
  const bindings = await loadBindings(services.db, refs);
  const directory: RecordDirectory | null = bindings.size > 0 ? await loadRecordDirectory(services.db) : null;
  const changed = new Set<string>();
  const recordActorOf = (actor: Actor): RecordActor => (actor.userId === systemActor.userId || !directory ? engineActor : directory.actorOf(actor.userId));
  return {
    bindingOf: (ref) => bindings.get(bindingKey(ref)),
    recordActorOf,
    mayAct: (actor, binding, stamped) => actor.userId === systemActor.userId || mayReadBound(recordActorOf(actor), binding, stamped),
    engineOptions(binding) {
      const record = directory ? snapshotOf(binding, directory.managers) : undefined;
      return record ? { record } : {};
    },
    readerCheck: (binding, stamped) => (binding && directory ? (personId) => mayReadBound(directory.actorOf(personId), binding, stamped) : undefined),
    async recordWrite(definition, binding, events, actor, at) {
      const scope = scopeOf(binding);
      const base = scope ? { scope } : {};
      const changes = mergeRecordChanges(events);
      if (!changes) return ok(base);
      const id = binding?.record?.doc.id ?? '';
      if (changed.has(id)) return fail('conflict', 'Another workflow step changed this record at the same moment; try again.');
      const planned = await planRecordChange({
        db: services.db,
        newId: services.newId,
        definition,
        binding,
        changes,
        actor: recordActorOf(actor),
        at: at.toISOString(),
        managers: directory?.managers ?? { managersOf: () => [], managedBy: () => [] },
      });
      if (!planned.ok) return planned;
      changed.add(id);
      return ok({ ...base, record: planned.value });
    },
  };
}

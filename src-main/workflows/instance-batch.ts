import { fail, ok, type Result } from '../../src-shared/core/result';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { EngineResult } from '../../src-shared/workflows/engine-run';
import type { Actor, EngineOptions, WorkflowInstance } from '../../src-shared/workflows/instance';
import { checkRepeat } from '../../src-shared/workflows/command-fingerprint';
import { checkSingleInstance, startInstance, startStamp, type StartInput } from '../../src-shared/workflows/start';
import { endedStepTokens } from '../../src-shared/workflows/step-notices';
import { versionToStart } from '../../src-shared/workflows/versions';
import type { WriteContext } from '../audit/audited-writer';
import { checkStepInstruments } from '../equipment/step-instruments';
import { loadLookup } from '../records/record-lookup';
import type { HostServices } from '../host/handler-types';
import type { DefinitionStore } from './definition-store';
import { plainInstance } from './instance-store';
import { directoryResolver, type DirectoryPerson, type PeopleDirectory } from './people-directory';
import { isConflict, persistResults, type PersistEntry } from './persist-result';
import { checkStartRecord } from './record-link';
import { repairInstance } from './repair-instances';
import { attachmentsOfInstances } from './instance-attachments';
import { loadRoundRecords } from './round-records';
import { definitionDocId, instanceIdFor } from './workflow-ids';
import type { InstanceDocument } from './workflow-documents';
import { noticesOf, type WorkflowNotice, type WorkflowNotifier } from './workflow-notices';
import { settleStepNotices } from './settle-step-notices';

/**
 * The runtime's core, for one command or many at once: load the instances (one read), run the
 * pure engine on each, persist every result in one batch (persist-result.ts), then notify.
 */

export interface RuntimeParts {
  services: HostServices;
  definitions: DefinitionStore;
  directory: PeopleDirectory;
  notifier: WorkflowNotifier;
}

/** An engine operation on an instance, given the definition version it runs and the runtime's options. */
export type Operation = (definition: WorkflowDefinition, instance: WorkflowInstance, options: EngineOptions) => Result<EngineResult>;

export interface InstanceOperation {
  instanceId: string;
  actor: Actor;
  /** The command name recorded in the audit entry. */
  command: string;
  operation: Operation;
  /** A slow check (a password) run only when the operation would write something. */
  gate?: () => Promise<Result<null>>;
}

export interface StartRequest {
  code: string;
  input: StartInput & { commandId: string };
  actor: Actor;
  command: string;
}

const writeContext = (actor: Actor, command: string, now: Date): WriteContext => ({ actor: { id: actor.userId, name: actor.name ?? actor.userId }, command, now });

const resolverOptions = (people: ReadonlyMap<string, DirectoryPerson>): EngineOptions => ({
  resolveAssignees: directoryResolver(people),
  isPerson: (id) => people.get(id)?.isActive === true,
});

/** A result ready to persist, and who may be told about it (readers of its record). */
interface Prepared {
  index: number;
  entry: PersistEntry;
  isReader?: ((personId: string) => boolean) | undefined;
}

const notShared = () => fail('not_found', 'That workflow is about a record that is not shared with you.');

/** Splits work so that each round touches an instance once; results keep the input order. */
async function inRounds<T, R>(items: readonly T[], keyOf: (item: T) => string, run: (round: T[]) => Promise<R[]>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let pending = items.map((item, index) => ({ item, index }));
  while (pending.length > 0) {
    const seen = new Set<string>();
    const round: typeof pending = [];
    const rest: typeof pending = [];
    for (const entry of pending) {
      const key = keyOf(entry.item);
      if (seen.has(key)) rest.push(entry);
      else {
        seen.add(key);
        round.push(entry);
      }
    }
    const out = await run(round.map((entry) => entry.item));
    round.forEach((entry, i) => (results[entry.index] = out[i] as R));
    pending = rest;
  }
  return results;
}

/** Persists prepared results and notifies; conflicting instances are repaired and, once, retried. */
async function persistAndNotify(
  parts: RuntimeParts,
  prepared: Prepared[],
  people: ReadonlyMap<string, DirectoryPerson>,
  out: Result<InstanceDocument>[],
  retry: (index: number) => Promise<Result<InstanceDocument>>,
): Promise<void> {
  const outcomes = await persistResults(parts.services, prepared.map((p) => p.entry));
  const notices: WorkflowNotice[] = [];
  const conflicts: number[] = [];
  const endedTokens: string[] = [];
  for (const [k, { index, entry, isReader }] of prepared.entries()) {
    const outcome = outcomes[k] as (typeof outcomes)[number];
    if (isConflict(outcome)) {
      conflicts.push(index);
      continue;
    }
    out[index] = ok(outcome);
    endedTokens.push(...endedStepTokens(entry.previous?.state ?? null, outcome.state));
    if (!entry.result.effects.some((effect) => effect.type === 'notify')) continue;
    // Effects follow the version the result ran on (a migration's target for a migration).
    const ran = await parts.definitions.version(outcome.code, outcome.version);
    if (ran) notices.push(...noticesOf(entry.result.effects, ran.definition, outcome.state, people, isReader));
  }
  if (notices.length > 0) await parts.notifier(notices);
  // A step that ended waits for no one: its "Waiting for you" entries stop counting in the badge.
  await settleStepNotices(parts.services, endedTokens);
  for (const index of conflicts) out[index] = await retry(index);
}

/** Applies operations to existing instances; see InstanceOperation. */
export function applyOperations(parts: RuntimeParts, items: readonly InstanceOperation[], isRetry = false): Promise<Result<InstanceDocument>[]> {
  return inRounds(items, (item) => item.instanceId, async (round) => {
    const { db, clock, log } = parts.services;
    const [docs, people] = await Promise.all([db.workflow_instances.findByIds(round.map((item) => item.instanceId)).exec(), parts.directory.load()]);
    const options = resolverOptions(people);
    const plainDocs = [...docs.values()].map((d) => plainInstance(d));
    const [records, attachments] = await Promise.all([loadRoundRecords(parts.services, plainDocs), attachmentsOfInstances(db, plainDocs)]);
    const out: Result<InstanceDocument>[] = [];
    const prepared: Prepared[] = [];
    for (const [index, item] of round.entries()) {
      const raw = docs.get(item.instanceId);
      if (!raw) {
        out[index] = fail('not_found', 'That workflow instance does not exist.');
        continue;
      }
      const doc = plainInstance(raw);
      const definition = await parts.definitions.version(doc.code, doc.version);
      if (!definition) {
        out[index] = fail('not_found', `Version ${doc.version} of ${doc.code} is not on this computer.`);
        continue;
      }
      const binding = records.bindingOf(doc);
      if (!records.mayAct(item.actor, binding, doc.subjectScope)) {
        out[index] = notShared();
        continue;
      }
      const files = attachments.get(doc.id) ?? new Set<string>();
      const result = item.operation(definition.definition, doc.state, { ...options, ...records.engineOptions(binding), isAttachment: (id) => files.has(id) });
      if (!result.ok || result.value.events.length === 0) {
        out[index] = result.ok ? ok(doc) : result;
        continue;
      }
      // A step that requires a ready instrument is refused before anything is signed or written.
      const instruments = await checkStepInstruments((reads) => loadLookup(db, reads), definition.definition, doc.state, result.value.events, clock().toISOString());
      if (!instruments.ok) {
        out[index] = instruments;
        continue;
      }
      const passed = item.gate ? await item.gate() : ok(null);
      if (!passed.ok) {
        out[index] = passed;
        continue;
      }
      const now = clock();
      const record = await records.recordWrite(definition.definition, binding, result.value.events, item.actor, now);
      if (!record.ok) {
        out[index] = record;
        continue;
      }
      const entry: PersistEntry = { result: result.value, previous: doc, definitionId: doc.definitionId, context: writeContext(item.actor, item.command, now), ...record.value };
      prepared.push({ index, entry, isReader: records.readerCheck(binding, entry.scope ?? doc.subjectScope) });
    }
    await persistAndNotify(parts, prepared, people, out, async (index) => {
      const item = round[index] as InstanceOperation;
      if (isRetry) return fail('conflict', 'The workflow instance changed meanwhile; try again.');
      log.warn('a workflow instance was behind its history; replaying it', { instanceId: item.instanceId });
      await repairInstance(parts.services, parts.definitions, item.instanceId);
      const [again] = await applyOperations(parts, [item], true);
      return again as Result<InstanceDocument>;
    });
    return out;
  });
}

/**
 * Starts instances of the published versions. The instance id comes from the command id, so a
 * repeated start returns the instance it started. One open instance per code and record unless
 * the definition allows more, counting the starts of the same batch.
 */
export function startInstances(parts: RuntimeParts, items: readonly StartRequest[]): Promise<Result<InstanceDocument>[]> {
  return inRounds(items, (item) => instanceIdFor(item.actor.userId, item.input.commandId), async (round) => {
    const { db, clock } = parts.services;
    const ids = round.map((item) => instanceIdFor(item.actor.userId, item.input.commandId));
    // One query per entity type, on the (entityType, entityId) index.
    const entityIdsByType = new Map<string, Set<string>>();
    for (const { input } of round) entityIdsByType.set(input.entityType, (entityIdsByType.get(input.entityType) ?? new Set()).add(input.entityId));
    const [existing, sameRecordGroups, people] = await Promise.all([
      db.workflow_instances.findByIds(ids).exec(),
      Promise.all(
        [...entityIdsByType].map(([entityType, entityIds]) =>
          db.workflow_instances.find({ selector: { entityType, entityId: { $in: [...entityIds] } } }).exec(),
        ),
      ),
      parts.directory.load(),
    ]);
    const sameRecords = sameRecordGroups.flat().filter((doc) => doc.get('status') === 'running' || doc.get('status') === 'incident');
    const openCount = new Map<string, number>();
    const recordKey = (code: string, entityType: string, entityId: string) => JSON.stringify([code, entityType, entityId]);
    for (const doc of sameRecords) {
      const key = recordKey(doc.get('code') as string, doc.get('entityType') as string, doc.get('entityId') as string);
      openCount.set(key, (openCount.get(key) ?? 0) + 1);
    }
    const versionsOf = new Map<string, Promise<WorkflowDefinition[]>>();
    const options = resolverOptions(people);
    const records = await loadRoundRecords(parts.services, round.map((item) => item.input));
    const out: Result<InstanceDocument>[] = [];
    const prepared: Prepared[] = [];
    for (const [index, item] of round.entries()) {
      const instanceId = ids[index] as string;
      const found = existing.get(instanceId);
      const { code, input, actor } = item;
      // Fingerprinted as the client sent it, before the runtime fills in whose request it is.
      const stamp = startStamp(code, input, actor);
      if (found) {
        // The id is the command's: the same request again is a retry, another request a client bug.
        const instance = plainInstance(found);
        const seen = checkRepeat(instance.state, stamp);
        out[index] = seen.ok ? ok(instance) : seen;
        continue;
      }
      if (!versionsOf.has(code)) versionsOf.set(code, parts.definitions.versions(code).then((docs) => docs.map((d) => d.definition)));
      const versions = await (versionsOf.get(code) as Promise<WorkflowDefinition[]>);
      if (versions.length === 0) {
        out[index] = fail('not_found', `There is no workflow ${code}.`, { field: 'code' });
        continue;
      }
      const picked = versionToStart(versions);
      const key = recordKey(code, input.entityType, input.entityId);
      const single = picked.ok ? checkSingleInstance(picked.value, openCount.get(key) ?? 0) : picked;
      if (!single.ok) {
        out[index] = single;
        continue;
      }
      const definition = (picked as { ok: true; value: WorkflowDefinition }).value;
      if (input.requestedBy !== undefined && input.requestedBy !== actor.userId && !people.get(input.requestedBy)?.isActive) {
        out[index] = fail('invalid_input', 'The person the request is for is not in the directory.', { field: 'requestedBy' });
        continue;
      }
      const binding = records.bindingOf(input);
      const bound = checkStartRecord(definition, input, binding, records.recordActorOf(actor));
      if (!bound.ok) {
        out[index] = bound;
        continue;
      }
      // A request about a person's record (their leave, their purchase) is theirs, whoever starts it.
      const subject = binding?.record?.doc.personId;
      const start = input.requestedBy === undefined && subject ? { ...input, requestedBy: subject } : input;
      const now = clock();
      const result = startInstance(definition, start, actor, now.toISOString(), () => instanceId, { ...options, ...records.engineOptions(binding), ...(stamp ? { command: stamp } : {}) });
      if (!result.ok) {
        out[index] = result;
        continue;
      }
      const record = await records.recordWrite(definition, binding, result.value.events, actor, now);
      if (!record.ok) {
        out[index] = record;
        continue;
      }
      openCount.set(key, (openCount.get(key) ?? 0) + 1);
      const definitionId = definitionDocId(code, definition.version ?? 1);
      const entry: PersistEntry = { result: result.value, previous: null, definitionId, context: writeContext(actor, item.command, now), ...record.value };
      prepared.push({ index, entry, isReader: records.readerCheck(binding, entry.scope) });
    }
    await persistAndNotify(parts, prepared, people, out, async (index) => {
      // The same start was cut off after its events: its history is the instance.
      const repaired = await repairInstance(parts.services, parts.definitions, ids[index] as string);
      return repaired ? ok(repaired) : fail('conflict', 'The instance could not be started; try again.');
    });
    return out;
  });
}

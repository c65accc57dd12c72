import { fail, ok, type Result } from '../../src-shared/core/result';
import { advance, pickStep } from '../../src-shared/workflows/advance';
import { stepOf } from '../../src-shared/workflows/definition-graph';
import { meaningFits, needsSignature } from '../../src-shared/workflows/signature-policy';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { runDueWork } from '../../src-shared/workflows/deadlines';
import type { ScheduledWork, WorkflowEffect } from '../../src-shared/workflows/effects';
import type { EngineResult } from '../../src-shared/workflows/engine-run';
import { resolveIncident, type ResolveIncidentCommand } from '../../src-shared/workflows/incidents';
import { cancel, comment, reassign, type ReassignCommand } from '../../src-shared/workflows/instance-actions';
import { systemActor, type Actor, type AdvanceCommand, type EngineOptions, type Signature, type SignatureMeaning, type WorkflowInstance } from '../../src-shared/workflows/instance';
import { checkSingleInstance, startInstance, type StartInput } from '../../src-shared/workflows/start';
import { applyMigration, planMigration, versionToStart } from '../../src-shared/workflows/versions';
import type { HostServices } from '../host/handler-types';
import { createDefinitionStore, type DefinitionStore } from './definition-store';
import { findInstance, openInstancesFor } from './instance-store';
import { createPeopleDirectory, directoryResolver, type DirectoryPerson, type PeopleDirectory } from './people-directory';
import { EventConflictError, persistResult } from './persist-result';
import { repairInstance, repairInstances } from './repair-instances';
import { definitionDocId, instanceIdFor } from './workflow-ids';
import type { InstanceDocument } from './workflow-documents';
import { noticesOf, notifyPeople, type WorkflowNotifier } from './workflow-notices';

type Services = HostServices;

/** An engine operation on an instance, given its definition version and the runtime's options. */
type Operation = (definition: WorkflowDefinition, instance: WorkflowInstance, options: EngineOptions) => Result<EngineResult>;

/** An electronic signature offered with an action: its meaning, and the password check (slow, so run only when the action is otherwise allowed). */
export interface Signer {
  meaning: SignatureMeaning;
  verify(): Promise<boolean>;
}

export interface WorkflowRuntime {
  readonly definitions: DefinitionStore;
  readonly directory: PeopleDirectory;
  /** Starts the published version of `code`. Repeating the command id returns the instance it started. */
  start(code: string, input: StartInput & { commandId: string }, actor: Actor, command?: string): Promise<Result<InstanceDocument>>;
  /**
   * Acts on an active step. Actions that need a signature (signature-policy.ts) are refused with
   * `signature_required` without `signer`, `signature_invalid` when its password check fails,
   * and only after every other check has passed.
   */
  advance(instanceId: string, command: Omit<AdvanceCommand, 'signature'>, actor: Actor, signer?: Signer): Promise<Result<InstanceDocument>>;
  cancel(instanceId: string, command: { commandId: string; reason?: string }, actor: Actor): Promise<Result<InstanceDocument>>;
  reassign(instanceId: string, command: ReassignCommand, actor: Actor): Promise<Result<InstanceDocument>>;
  comment(instanceId: string, command: { commandId: string; comments: string; stepId?: string }, actor: Actor): Promise<Result<InstanceDocument>>;
  resolveIncident(instanceId: string, command: ResolveIncidentCommand, actor: Actor): Promise<Result<InstanceDocument>>;
  /** Moves one instance to another version of its workflow with an explicit step mapping. */
  migrate(instanceId: string, toVersion: number, stepMapping: Readonly<Record<string, string>>, command: { commandId: string; comments?: string }, actor: Actor): Promise<Result<InstanceDocument>>;
  /** Runs one time-driven item (timer, escalation, SLA breach) as the system. */
  runDue(instanceId: string, work: Pick<ScheduledWork, 'kind' | 'token' | 'rule'>): Promise<Result<InstanceDocument>>;
  /** Replays instances whose write was cut off by a crash; run once on start. */
  repair(): Promise<string[]>;
  dispose(): void;
}

export interface RuntimeOptions {
  /** Where notices go; `notify`'s writeNotices (preferences, quiet hours, email, webhooks) by default. */
  notifier?: WorkflowNotifier;
}

/**
 * The side of the workflow engine that touches the world: loads an instance and the definition
 * version it runs, calls the pure engine, persists the result crash-safely (persist-result.ts) and
 * runs its notify effects. Every method runs inside the host's write queue —
 * command handlers already do; background callers wrap it in `runExclusive`.
 */
export function createWorkflowRuntime(services: Services, options: RuntimeOptions = {}): WorkflowRuntime {
  const { db, clock } = services;
  const definitions = createDefinitionStore(db);
  const directory = createPeopleDirectory(db);
  const notifier = options.notifier ?? notifyPeople(services);

  const context = (actor: Actor, command: string) => ({ actor: { id: actor.userId, name: actor.name ?? actor.userId }, command, now: clock() });
  const engineOptions = (people: ReadonlyMap<string, DirectoryPerson>): EngineOptions => ({ resolveAssignees: directoryResolver(people) });

  /**
   * Notify effects become notices. Deadline effects need nothing here: the scheduler derives timers,
   * escalations and breaches from the instances it watches (deadline-rule.ts).
   */
  async function runEffects(effects: readonly WorkflowEffect[], definition: WorkflowDefinition, instance: WorkflowInstance, people: ReadonlyMap<string, DirectoryPerson>) {
    const notices = noticesOf(effects, definition, instance, people);
    if (notices.length > 0) await notifier(notices);
  }

  /**
   * Load → engine → (gate) → persist → effects, with one retry after repairing an instance found
   * behind its history. The gate runs only when the result would write something.
   */
  async function apply(instanceId: string, actor: Actor, command: string, operation: Operation, gate?: () => Promise<Result<null>>, isRetry = false): Promise<Result<InstanceDocument>> {
    const doc = await findInstance(db, instanceId);
    if (!doc) return fail('not_found', 'That workflow instance does not exist.');
    const definitionDoc = await definitions.version(doc.code, doc.version);
    if (!definitionDoc) return fail('not_found', `Version ${doc.version} of ${doc.code} is not on this computer.`);
    const people = await directory.load();
    const result = operation(definitionDoc.definition, doc.state, engineOptions(people));
    if (!result.ok) return result;
    if (gate && result.value.events.length > 0) {
      const passed = await gate();
      if (!passed.ok) return passed;
    }
    let written: InstanceDocument;
    try {
      written = await persistResult(services, result.value, doc, doc.definitionId, context(actor, command));
    } catch (error) {
      if (!(error instanceof EventConflictError) || isRetry) throw error;
      services.log.warn('a workflow instance was behind its history; replaying it', { instanceId });
      await repairInstance(services, definitions, instanceId);
      return apply(instanceId, actor, command, operation, gate, true);
    }
    // Effects follow the version the result ran on (a migration's target for migrate).
    const ran = written.version === definitionDoc.version ? definitionDoc : await definitions.version(written.code, written.version);
    await runEffects(result.value.effects, ran?.definition ?? definitionDoc.definition, written.state, people);
    return ok(written);
  }

  const runtime: WorkflowRuntime = {
    definitions,
    directory,

    async start(code, input, actor, command = 'workflows/instances/start') {
      const instanceId = instanceIdFor(actor.userId, input.commandId);
      const existing = await findInstance(db, instanceId);
      if (existing) return ok(existing);
      const versions = await definitions.versions(code);
      if (versions.length === 0) return fail('not_found', `There is no workflow ${code}.`, { field: 'code' });
      const picked = versionToStart(versions.map((v) => v.definition));
      if (!picked.ok) return picked;
      const definition = picked.value;
      const running = await openInstancesFor(db, code, input.entityType, input.entityId);
      const single = checkSingleInstance(definition, running);
      if (!single.ok) return single;
      const people = await directory.load();
      if (input.requestedBy !== undefined && input.requestedBy !== actor.userId && !people.get(input.requestedBy)?.isActive) {
        return fail('invalid_input', 'The person the request is for is not in the directory.', { field: 'requestedBy' });
      }
      const result = startInstance(definition, input, actor, clock().toISOString(), () => instanceId, engineOptions(people));
      if (!result.ok) return result;
      const definitionId = definitionDocId(code, definition.version ?? 1);
      let written: InstanceDocument;
      try {
        written = await persistResult(services, result.value, null, definitionId, context(actor, command));
      } catch (error) {
        if (!(error instanceof EventConflictError)) throw error;
        // The same start was cut off after its events: its history is the instance.
        const repaired = await repairInstance(services, definitions, instanceId);
        return repaired ? ok(repaired) : fail('conflict', 'The instance could not be started; try again.');
      }
      await runEffects(result.value.effects, definition, written.state, people);
      return ok(written);
    },

    advance(instanceId, command, actor, signer) {
      const operation: Operation = (definition, instance, opts) => {
        const now = clock().toISOString();
        const picked = pickStep(instance, command, actor);
        const step = picked.ok ? stepOf(definition, picked.value.stepId) : undefined;
        const isNeeded = step !== undefined && needsSignature(step, command.action);
        const signature: Signature | undefined =
          signer || isNeeded ? { meaning: signer?.meaning ?? 'reviewed', signerName: actor.name ?? actor.userId, signedAt: now } : undefined;
        const result = advance(definition, instance, { ...command, ...(signature ? { signature } : {}) }, actor, now, opts);
        if (!result.ok || result.value.events.length === 0) return result;
        if (isNeeded && !signer) return fail('signature_required', `"${step?.name}" needs your electronic signature: your password and what it means.`, { field: 'signature' });
        if (signer && !meaningFits(command.action, signer.meaning)) {
          return fail('invalid_input', `A signature meaning "${signer.meaning}" does not fit the action "${command.action}".`, { field: 'signature.meaning' });
        }
        return result;
      };
      const gate = signer
        ? async () => ((await signer.verify()) ? ok(null) : fail('signature_invalid', 'The password is not correct; nothing was signed.', { field: 'signature.password' }))
        : undefined;
      return apply(instanceId, actor, 'workflows/instances/advance', operation, gate);
    },

    cancel: (instanceId, command, actor) =>
      apply(instanceId, actor, 'workflows/instances/cancel', (definition, instance) => cancel(definition, instance, command, actor, clock().toISOString())),

    reassign: (instanceId, command, actor) =>
      apply(instanceId, actor, 'workflows/instances/reassign', (definition, instance, opts) => reassign(definition, instance, command, actor, clock().toISOString(), opts)),

    comment: (instanceId, command, actor) =>
      apply(instanceId, actor, 'workflows/instances/comment', (definition, instance) => comment(definition, instance, command, actor, clock().toISOString())),

    resolveIncident: (instanceId, command, actor) =>
      apply(instanceId, actor, 'workflows/instances/resolve-incident', (definition, instance, opts) =>
        resolveIncident(definition, instance, command, actor, clock().toISOString(), opts),
      ),

    async migrate(instanceId, toVersion, stepMapping, command, actor) {
      const doc = await findInstance(db, instanceId);
      if (!doc) return fail('not_found', 'That workflow instance does not exist.');
      const target = await definitions.version(doc.code, toVersion);
      if (!target) return fail('not_found', `${doc.code} has no version ${toVersion}.`, { field: 'toVersion' });
      if (target.status !== 'published') return fail('invalid_state', `Version ${toVersion} of ${doc.code} is ${target.status}; instances move only to a published version.`, { field: 'toVersion' });
      return apply(instanceId, actor, 'workflows/definitions/migrate-instances', (definition, instance) => {
        if (instance.processedCommandIds.includes(command.commandId)) return ok({ instance, events: [], effects: [] });
        const plan = planMigration(instance, definition, target.definition, stepMapping);
        if (!plan.ok) return plan;
        return applyMigration(target.definition, instance, plan.value, command, actor, clock().toISOString());
      });
    },

    runDue: (instanceId, work) =>
      apply(instanceId, systemActor, 'workflows/deadline', (definition, instance, opts) => runDueWork(definition, instance, work, clock().toISOString(), opts)),

    repair: () => repairInstances(services, definitions),

    dispose() {
      definitions.dispose();
      directory.dispose();
    },
  };
  return runtime;
}

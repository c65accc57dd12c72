import { fail, ok, type Result } from '../../src-shared/core/result';
import { advance, pickStep } from '../../src-shared/workflows/advance';
import { checkRepeat } from '../../src-shared/workflows/command-fingerprint';
import { stepOf } from '../../src-shared/workflows/definition-graph';
import { runDueWork } from '../../src-shared/workflows/deadlines';
import type { ScheduledWork } from '../../src-shared/workflows/effects';
import { resolveIncident, type ResolveIncidentCommand } from '../../src-shared/workflows/incidents';
import { cancel, comment, reassign, type ReassignCommand } from '../../src-shared/workflows/instance-actions';
import { systemActor, type Actor, type AdvanceCommand, type Signature, type SignatureMeaning } from '../../src-shared/workflows/instance';
import { meaningFits, needsSignature } from '../../src-shared/workflows/signature-policy';
import type { StartInput } from '../../src-shared/workflows/start';
import { applyMigration, migrationStamp, planMigration } from '../../src-shared/workflows/versions';
import { recordRefusedSignature } from '../audit/refused-signatures';
import type { HostServices } from '../host/handler-types';
import { createDefinitionStore, type DefinitionStore } from './definition-store';
import { applyOperations, startInstances, type InstanceOperation, type Operation, type RuntimeParts } from './instance-batch';
import { createPeopleDirectory, type PeopleDirectory } from './people-directory';
import { finishIntents } from './record-intents';
import { repairInstances } from './repair-instances';
import type { InstanceDocument } from './workflow-documents';
import { notifyPeople, type WorkflowNotifier } from './workflow-notices';

/** An electronic signature offered with an action: its meaning, and the password check (slow, so run only when the action is otherwise allowed). */
export interface Signer {
  meaning: SignatureMeaning;
  verify(): Promise<boolean>;
}

export interface AdvanceRequest {
  instanceId: string;
  command: Omit<AdvanceCommand, 'signature'>;
  actor: Actor;
  signer?: Signer;
}

type Outcome = Promise<Result<InstanceDocument>>;

export interface WorkflowRuntime {
  readonly definitions: DefinitionStore;
  readonly directory: PeopleDirectory;
  /** Starts the published version of `code`. Repeating the command id returns the instance it started. */
  start(code: string, input: StartInput & { commandId: string }, actor: Actor): Outcome;
  startMany(items: readonly { code: string; input: StartInput & { commandId: string }; actor: Actor }[]): Promise<Result<InstanceDocument>[]>;
  /**
   * Acts on an active step. Actions that need a signature (signature-policy.ts) are refused with
   * `signature_required` without `signer`, `signature_invalid` when its password check fails,
   * and only after every other check has passed.
   */
  advance(instanceId: string, command: Omit<AdvanceCommand, 'signature'>, actor: Actor, signer?: Signer): Outcome;
  /** Many advances persisted together (different instances in one batch; repeats of one instance in order). */
  advanceMany(items: readonly AdvanceRequest[]): Promise<Result<InstanceDocument>[]>;
  cancel(instanceId: string, command: { commandId: string; reason?: string }, actor: Actor): Outcome;
  reassign(instanceId: string, command: ReassignCommand, actor: Actor): Outcome;
  comment(instanceId: string, command: { commandId: string; comments: string; stepId?: string }, actor: Actor): Outcome;
  resolveIncident(instanceId: string, command: ResolveIncidentCommand, actor: Actor): Outcome;
  /** Moves instances to another (published) version of their workflow with an explicit step mapping. */
  migrate(
    instanceIds: readonly string[],
    toVersion: number,
    stepMapping: Readonly<Record<string, string>>,
    command: { commandId: string; comments?: string },
    actor: Actor,
  ): Promise<Result<InstanceDocument>[]>;
  /** Runs time-driven items (timers, escalations, SLA breaches) as the system, persisted together. */
  runDue(items: readonly { instanceId: string; work: Pick<ScheduledWork, 'kind' | 'token' | 'rule'> }[]): Promise<Result<InstanceDocument>[]>;
  /** Finishes record writes and replays instances cut off by a crash; run once on start. */
  repair(): Promise<string[]>;
  dispose(): void;
}

export interface RuntimeOptions {
  /** Where notices go; `notify`'s writeNotices (preferences, quiet hours, email, webhooks) by default. */
  notifier?: WorkflowNotifier;
}

/**
 * The side of the workflow engine that touches the world: loads instances and the definition
 * versions they run, calls the pure engine, persists results crash-safely (persist-result.ts) and
 * notifies. Deadlines need nothing here: the scheduler derives them from the instances
 * (deadline-rule.ts). Every method runs inside the host's write queue — command handlers already
 * do; background callers wrap it in `runExclusive`.
 */
export function createWorkflowRuntime(services: HostServices, options: RuntimeOptions = {}): WorkflowRuntime {
  const { clock } = services;
  const definitions = createDefinitionStore(services.db);
  const directory = createPeopleDirectory(services.db);
  const parts: RuntimeParts = { services, definitions, directory, notifier: options.notifier ?? notifyPeople(services) };
  const now = () => clock().toISOString();

  const one = async (item: InstanceOperation): Outcome => (await applyOperations(parts, [item]))[0] as Result<InstanceDocument>;

  function advanceOperation({ instanceId, command, actor, signer }: AdvanceRequest): InstanceOperation {
    /** What the signature would sign, as a person reads it (set by the operation, which runs before the gate). */
    let signing = '';
    const operation: Operation = (definition, instance, opts) => {
      const at = now();
      const picked = pickStep(instance, command, actor);
      const step = picked.ok ? stepOf(definition, picked.value.stepId) : undefined;
      signing = step ? `${step.name} (${definition.name})` : definition.name;
      const isNeeded = step !== undefined && needsSignature(step, command.action);
      // Without a signer a needed signature is stood in for, so the engine's own refusals come first.
      const signature: Signature | undefined =
        signer || isNeeded ? { meaning: signer?.meaning ?? 'reviewed', signerId: actor.userId, signerName: actor.name ?? actor.userId, signedAt: at } : undefined;
      const result = advance(definition, instance, { ...command, ...(signature ? { signature } : {}) }, actor, at, opts);
      if (!result.ok || result.value.events.length === 0) return result;
      if (isNeeded && !signer) return fail('signature_required', `"${step?.name}" needs your electronic signature: your password and what it means.`, { field: 'signature' });
      if (signer && !meaningFits(command.action, signer.meaning)) {
        return fail('invalid_input', `A signature meaning "${signer.meaning}" does not fit the action "${command.action}".`, { field: 'signature.meaning' });
      }
      return result;
    };
    const gate = signer
      ? async (): Promise<Result<null>> => {
          if (await signer.verify()) return ok(null);
          const context = { actor: { id: actor.userId, name: actor.name ?? actor.userId }, command: 'workflows/instances/advance', now: clock() };
          await recordRefusedSignature(services.writer, context, { subjectType: 'workflow_instances', subjectId: instanceId, meaning: signer.meaning, what: signing });
          return fail('signature_invalid', 'The password is not correct; nothing was signed.', { field: 'signature.password' });
        }
      : undefined;
    return { instanceId, actor, command: 'workflows/instances/advance', operation, ...(gate ? { gate } : {}) };
  }

  return {
    definitions,
    directory,

    async start(code, input, actor) {
      return (await startInstances(parts, [{ code, input, actor, command: 'workflows/instances/start' }]))[0] as Result<InstanceDocument>;
    },

    startMany: (items) => startInstances(parts, items.map((item) => ({ ...item, command: 'workflows/instances/start' }))),

    advance: (instanceId, command, actor, signer) => one(advanceOperation({ instanceId, command, actor, ...(signer ? { signer } : {}) })),

    advanceMany: (items) => applyOperations(parts, items.map(advanceOperation)),

    cancel: (instanceId, command, actor) =>
      one({ instanceId, actor, command: 'workflows/instances/cancel', operation: (definition, instance) => cancel(definition, instance, command, actor, now()) }),

    reassign: (instanceId, command, actor) =>
      one({ instanceId, actor, command: 'workflows/instances/reassign', operation: (definition, instance, opts) => reassign(definition, instance, command, actor, now(), opts) }),

    comment: (instanceId, command, actor) =>
      one({ instanceId, actor, command: 'workflows/instances/comment', operation: (definition, instance) => comment(definition, instance, command, actor, now()) }),

    resolveIncident: (instanceId, command, actor) =>
      one({
        instanceId,
        actor,
        command: 'workflows/instances/resolve-incident',
        operation: (definition, instance, opts) => resolveIncident(definition, instance, command, actor, now(), opts),
      }),

    async migrate(instanceIds, toVersion, stepMapping, command, actor) {
      const docs = await services.db.workflow_instances.findByIds([...instanceIds]).exec();
      const targets = new Map<string, Awaited<ReturnType<DefinitionStore['version']>>>();
      for (const doc of docs.values()) {
        const code = doc.get('code') as string;
        if (!targets.has(code)) targets.set(code, await definitions.version(code, toVersion));
      }
      return applyOperations(
        parts,
        instanceIds.map((instanceId) => ({
          instanceId,
          actor,
          command: 'workflows/definitions/migrate-instances',
          operation: (definition, instance) => {
            const seen = checkRepeat(instance, migrationStamp(toVersion, command, actor));
            if (!seen.ok) return seen;
            if (seen.value === 'repeat') return ok({ instance, events: [], effects: [] });
            const target = targets.get(instance.workflowCode);
            if (!target) return fail('not_found', `${instance.workflowCode} has no version ${toVersion}.`, { field: 'toVersion' });
            if (target.status !== 'published') {
              return fail('invalid_state', `Version ${toVersion} of ${instance.workflowCode} is ${target.status}; instances move only to a published version.`, { field: 'toVersion' });
            }
            const plan = planMigration(instance, definition, target.definition, stepMapping);
            if (!plan.ok) return plan;
            return applyMigration(target.definition, instance, plan.value, command, actor, now());
          },
        })),
      );
    },

    runDue: (items) =>
      applyOperations(
        parts,
        items.map(({ instanceId, work }) => ({
          instanceId,
          actor: systemActor,
          command: 'workflows/deadline',
          operation: (definition, instance, opts) => runDueWork(definition, instance, work, now(), opts),
        })),
      ),

    async repair() {
      await finishIntents(services);
      return repairInstances(services, definitions);
    },

    dispose() {
      definitions.dispose();
      directory.dispose();
    },
  };
}

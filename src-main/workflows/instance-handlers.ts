import { ok, type Result } from '../../src-shared/core/result';
import type { InstanceSummaryView } from '../../src-shared/workflows/workflow-contract';
import { verifyPassword } from '../auth/passwords';
import type { BatchedCall, CommandBatches, CommandContext, CommandHandlers } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import { actorOf, summaryOf, type RuntimeOf } from './handler-support';
import type { InstanceDocument } from './workflow-documents';
import type { AdvanceRequest, WorkflowRuntime } from './workflow-runtime';

type Names =
  | 'workflows/instances/start'
  | 'workflows/instances/advance'
  | 'workflows/instances/cancel'
  | 'workflows/instances/reassign'
  | 'workflows/instances/comment'
  | 'workflows/instances/resolve-incident';

const view = async (runtime: WorkflowRuntime, context: CommandContext, result: Result<InstanceDocument>): Promise<Result<InstanceSummaryView>> =>
  result.ok ? ok(await summaryOf(runtime, context.db, result.value, context.clock())) : result;

/** An advance as the runtime takes it: the acting person read fresh, and the signature's password check. */
async function advanceRequestOf(runtime: WorkflowRuntime, { input, context }: BatchedCall<'workflows/instances/advance'>): Promise<Result<AdvanceRequest>> {
  const actor = await actorOf(runtime, context.actor.id);
  if (!actor.ok) return actor;
  const { instanceId, signature, ...command } = input;
  const signer = signature && {
    meaning: signature.meaning,
    verify: async () => verifyPassword((await findPerson(context.db, actor.value.userId))?.passwordHash, signature.password),
  };
  return ok({ instanceId, command, actor: actor.value, ...(signer ? { signer } : {}) });
}

/**
 * Advances that arrived together (API scripts driving many instances): each is checked by the
 * engine and audited as its own command, and all are written in one batch (instance-batch.ts).
 */
export function instanceCommandBatches(runtimeOf: RuntimeOf): CommandBatches<'workflows/instances/advance'> {
  return {
    async 'workflows/instances/advance'(calls) {
      const first = calls[0];
      if (!first) return [];
      const runtime = runtimeOf(first.context);
      const requests = await Promise.all(calls.map((call) => advanceRequestOf(runtime, call)));
      const allowed = requests.flatMap((request, index) => (request.ok ? [{ index, request: request.value }] : []));
      const results = await runtime.advanceMany(allowed.map((a) => a.request));
      const out = new Array<Result<InstanceSummaryView>>(calls.length);
      requests.forEach((request, index) => void (!request.ok && (out[index] = request)));
      for (const [i, { index }] of allowed.entries()) {
        const call = calls[index] as BatchedCall<'workflows/instances/advance'>;
        out[index] = await view(runtime, call.context, results[i] as Result<InstanceDocument>);
      }
      return out;
    },
  };
}

/** Instance commands: who may do what is the engine's decision (typed refusals, nothing written). */
export function instanceCommandHandlers(runtimeOf: RuntimeOf): CommandHandlers<Names> {
  return {
    async 'workflows/instances/start'(input, context) {
      const runtime = runtimeOf(context);
      const actor = await actorOf(runtime, context.actor.id);
      if (!actor.ok) return actor;
      const { code, ...start } = input;
      return view(runtime, context, await runtime.start(code, start, actor.value));
    },

    async 'workflows/instances/advance'(input, context) {
      const runtime = runtimeOf(context);
      const request = await advanceRequestOf(runtime, { input, context });
      if (!request.ok) return request;
      const { instanceId, command, actor, signer } = request.value;
      return view(runtime, context, await runtime.advance(instanceId, command, actor, signer));
    },

    async 'workflows/instances/cancel'(input, context) {
      const runtime = runtimeOf(context);
      const actor = await actorOf(runtime, context.actor.id);
      if (!actor.ok) return actor;
      const { instanceId, ...command } = input;
      return view(runtime, context, await runtime.cancel(instanceId, command, actor.value));
    },

    async 'workflows/instances/reassign'(input, context) {
      const runtime = runtimeOf(context);
      const actor = await actorOf(runtime, context.actor.id);
      if (!actor.ok) return actor;
      const { instanceId, ...command } = input;
      return view(runtime, context, await runtime.reassign(instanceId, command, actor.value));
    },

    async 'workflows/instances/comment'(input, context) {
      const runtime = runtimeOf(context);
      const actor = await actorOf(runtime, context.actor.id);
      if (!actor.ok) return actor;
      const { instanceId, ...command } = input;
      return view(runtime, context, await runtime.comment(instanceId, command, actor.value));
    },

    async 'workflows/instances/resolve-incident'(input, context) {
      const runtime = runtimeOf(context);
      const actor = await actorOf(runtime, context.actor.id);
      if (!actor.ok) return actor;
      const { instanceId, ...command } = input;
      return view(runtime, context, await runtime.resolveIncident(instanceId, command, actor.value));
    },
  };
}

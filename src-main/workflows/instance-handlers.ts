import { ok, type Result } from '../../src-shared/core/result';
import type { InstanceSummaryView } from '../../src-shared/workflows/workflow-contract';
import { verifyPassword } from '../auth/passwords';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import { actorOf, summaryOf, type RuntimeOf } from './handler-support';
import type { InstanceDocument } from './workflow-documents';
import type { WorkflowRuntime } from './workflow-runtime';

type Names =
  | 'workflows/instances/start'
  | 'workflows/instances/advance'
  | 'workflows/instances/cancel'
  | 'workflows/instances/reassign'
  | 'workflows/instances/comment'
  | 'workflows/instances/resolve-incident';

const view = async (runtime: WorkflowRuntime, context: CommandContext, result: Result<InstanceDocument>): Promise<Result<InstanceSummaryView>> =>
  result.ok ? ok(await summaryOf(runtime, context.db, result.value, context.clock())) : result;

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
      const actor = await actorOf(runtime, context.actor.id);
      if (!actor.ok) return actor;
      const { instanceId, signature, ...command } = input;
      const signer = signature && {
        meaning: signature.meaning,
        verify: async () => verifyPassword((await findPerson(context.db, actor.value.userId))?.passwordHash, signature.password),
      };
      return view(runtime, context, await runtime.advance(instanceId, command, actor.value, signer));
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

import { ok } from '../../src-shared/core/result';
import { definitionVersionView } from '../../src-shared/workflows/definition-views';
import { validateDefinition } from '../../src-shared/workflows/validate-definition';
import type { MigrationResultView } from '../../src-shared/workflows/workflow-contract';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { createDefinitionService } from './definition-service';
import { adminOf, nameOfPeople, type RuntimeOf } from './handler-support';
import { planMigrationView } from './migration-planning';
import type { DefinitionDocument } from './workflow-documents';
import type { WorkflowRuntime } from './workflow-runtime';

type Names =
  | 'workflows/definitions/create'
  | 'workflows/definitions/update'
  | 'workflows/definitions/validate'
  | 'workflows/definitions/publish'
  | 'workflows/definitions/retire'
  | 'workflows/definitions/import'
  | 'workflows/definitions/export'
  | 'workflows/definitions/plan-migration'
  | 'workflows/definitions/migrate-instances';

const writeContext = (context: CommandContext) => ({ actor: context.actor, command: context.command, now: context.clock() });

async function versionView(runtime: WorkflowRuntime, doc: DefinitionDocument) {
  return definitionVersionView(doc, nameOfPeople(await runtime.directory.load()));
}

/** Definition commands: administrators only, except validate and export, which write nothing. */
export function definitionCommandHandlers(runtimeOf: RuntimeOf): CommandHandlers<Names> {
  const serviceOf = (context: CommandContext) => {
    const runtime = runtimeOf(context);
    return { runtime, service: createDefinitionService(context, runtime.definitions) };
  };
  return {
    async 'workflows/definitions/create'(input, context) {
      const { runtime, service } = serviceOf(context);
      const admin = await adminOf(runtime, context.actor.id);
      if (!admin.ok) return admin;
      const created = await service.create(input.commandId, input.source, writeContext(context));
      return created.ok ? ok(await versionView(runtime, created.value)) : created;
    },

    async 'workflows/definitions/update'(input, context) {
      const { runtime, service } = serviceOf(context);
      const admin = await adminOf(runtime, context.actor.id);
      if (!admin.ok) return admin;
      const saved = await service.update(input.commandId, input.code, input.definition, writeContext(context));
      return saved.ok ? ok(await versionView(runtime, saved.value)) : saved;
    },

    async 'workflows/definitions/validate'(input) {
      return ok(validateDefinition(input.definition));
    },

    async 'workflows/definitions/publish'(input, context) {
      const { runtime, service } = serviceOf(context);
      const admin = await adminOf(runtime, context.actor.id);
      if (!admin.ok) return admin;
      const published = await service.publish(input.commandId, input.code, input.version, writeContext(context));
      return published.ok ? ok({ definition: await versionView(runtime, published.value.doc), isNew: published.value.isNew }) : published;
    },

    async 'workflows/definitions/retire'(input, context) {
      const { runtime, service } = serviceOf(context);
      const admin = await adminOf(runtime, context.actor.id);
      if (!admin.ok) return admin;
      const retired = await service.retire(input.commandId, input.code, writeContext(context));
      if (!retired.ok) return retired;
      return ok(await Promise.all(retired.value.map((doc) => versionView(runtime, doc))));
    },

    async 'workflows/definitions/import'(input, context) {
      const { runtime, service } = serviceOf(context);
      const admin = await adminOf(runtime, context.actor.id);
      if (!admin.ok) return admin;
      const imported = await service.import(input.commandId, input.definition, input.publish, writeContext(context));
      return imported.ok ? ok({ definition: await versionView(runtime, imported.value.doc), isNew: imported.value.isNew }) : imported;
    },

    async 'workflows/definitions/export'(input, context) {
      return serviceOf(context).service.export(input.code, input.version);
    },

    async 'workflows/definitions/plan-migration'(input, context) {
      const { runtime } = serviceOf(context);
      const admin = await adminOf(runtime, context.actor.id);
      if (!admin.ok) return admin;
      return planMigrationView(context.db, runtime.definitions, input);
    },

    async 'workflows/definitions/migrate-instances'(input, context) {
      const { runtime } = serviceOf(context);
      const admin = await adminOf(runtime, context.actor.id);
      if (!admin.ok) return admin;
      const selector = input.instanceIds
        ? { id: { $in: input.instanceIds } }
        : { code: input.code, version: input.fromVersion, status: { $in: ['running', 'incident'] } };
      const docs = await context.db.workflow_instances.find({ selector }).exec();
      const outcome: MigrationResultView = { migrated: [], skipped: [] };
      const movable = docs.filter((doc) => {
        if (doc.get('code') === input.code && doc.get('version') === input.fromVersion) return true;
        outcome.skipped.push({ instanceId: doc.id, code: 'invalid_input', message: `It runs ${doc.get('code')} version ${doc.get('version')}.` });
        return false;
      });
      const command = { commandId: input.commandId, ...(input.comments ? { comments: input.comments } : {}) };
      const moved = await runtime.migrate(movable.map((doc) => doc.id), input.toVersion, input.stepMapping, command, admin.value);
      moved.forEach((result, i) => {
        const instanceId = movable[i]?.id as string;
        if (result.ok) outcome.migrated.push(instanceId);
        else outcome.skipped.push({ instanceId, code: result.error.code, message: result.error.message });
      });
      return ok(outcome);
    },
  };
}

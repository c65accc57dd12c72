import { of } from 'rxjs';
import { fail } from '../../src-shared/core/result';
import type { WorkflowContract } from '../../src-shared/workflows/workflow-contract';
import type { HostFeature } from '../host/feature';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';

type Names = keyof WorkflowContract;
type CommandNames = { [K in Names]: WorkflowContract[K]['kind'] extends 'command' ? K : never }[Names];
type QueryNames = Exclude<Names, CommandNames>;

const notYet = () => fail('invalid_state', 'Workflows are not available yet.');

const commands = Object.fromEntries(
  (['workflows/definitions/create', 'workflows/definitions/update', 'workflows/definitions/validate', 'workflows/definitions/publish', 'workflows/definitions/retire', 'workflows/definitions/import', 'workflows/definitions/export', 'workflows/definitions/migrate-instances', 'workflows/instances/start', 'workflows/instances/advance', 'workflows/instances/cancel', 'workflows/instances/reassign', 'workflows/instances/comment', 'workflows/instances/resolve-incident'] satisfies CommandNames[]).map((name) => [name, async () => notYet()]),
) as unknown as CommandHandlers<CommandNames>;

const queries = Object.fromEntries(
  (['workflows/definitions/list', 'workflows/definitions/get', 'workflows/templates/list', 'workflows/my-work', 'workflows/instances/list', 'workflows/instances/get', 'workflows/sla-violations'] satisfies QueryNames[]).map((name) => [name, () => of(notYet())]),
) as unknown as QueryHandlers<QueryNames>;

/** Workflows in the host: stub while the runtime is built. */
export const workflowFeature: HostFeature = { name: 'workflows', commands, queries };

import type { LabDatabase } from '../database/open-database';
import type { HostFeature } from '../host/feature';
import type { HostServices } from '../host/handler-types';
import { definitionCommandHandlers } from './definition-handlers';
import { definitionQueryHandlers } from './definition-queries';
import { instanceCommandBatches, instanceCommandHandlers } from './instance-handlers';
import { instanceQueryHandlers } from './instance-queries';
import { createWorkflowRuntime, type WorkflowRuntime } from './workflow-runtime';

/**
 * Workflows in the host: definition and instance commands, live queries, and on start the crash
 * repair (before the scheduler, listed after this feature, derives deadlines: deadline-rule.ts). One runtime per database (a process may run several hosts in
 * tests), created on first use and disposed with the host.
 */
export function createWorkflowFeature(): HostFeature {
  const runtimes = new WeakMap<LabDatabase, WorkflowRuntime>();
  const runtimeOf = (services: HostServices): WorkflowRuntime => {
    let runtime = runtimes.get(services.db);
    if (!runtime) {
      runtime = createWorkflowRuntime(services);
      runtimes.set(services.db, runtime);
    }
    return runtime;
  };
  return {
    name: 'workflows',
    commands: { ...definitionCommandHandlers(runtimeOf), ...instanceCommandHandlers(runtimeOf) },
    queries: { ...definitionQueryHandlers(runtimeOf), ...instanceQueryHandlers(runtimeOf) },
    batches: instanceCommandBatches(runtimeOf),
    async start(services) {
      const runtime = runtimeOf(services);
      const repaired = await services.runExclusive(() => runtime.repair());
      if (repaired.length > 0) services.log.warn('workflow instances rebuilt from their history after a crash', { count: repaired.length });
      return {
        dispose() {
          runtime.dispose();
          runtimes.delete(services.db);
        },
      };
    },
  };
}

export const workflowFeature = createWorkflowFeature();

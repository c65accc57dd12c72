import { useNavigation } from '../shell/navigation';
import { workflowPaths, type WorkflowTab } from './workflow-route';

/** Moves inside the Workflows section (through the shared navigation, so leave guards apply). */
export function useWorkflowNav() {
  const go = useNavigation((s) => s.go);
  return {
    openTab: (tab: WorkflowTab) => go('workflows', workflowPaths.tab(tab)),
    openInstance: (instanceId: string) => go('workflows', workflowPaths.instance(instanceId)),
    openEditor: (code: string) => go('workflows', workflowPaths.editor(code)),
    openMigration: (code: string) => go('workflows', workflowPaths.migration(code)),
  };
}

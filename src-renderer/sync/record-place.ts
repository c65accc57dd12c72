import { workflowPaths } from '../workflows/workflow-route';

/** What a record of each synced collection is called in lists ("Task “Calibrate”"). */
export const recordNoun: Record<string, string> = {
  tasks: 'Task',
  projects: 'Project',
  people: 'Person',
  plan_items: 'Plan item',
  activity: 'Comment or entry',
  workflow_definitions: 'Workflow definition',
  workflow_instances: 'Workflow',
  workflow_events: 'Workflow event',
  meetings: 'Meeting',
  records: 'Record',
  notifications: 'Notification',
};

/**
 * Where a synced record is shown, as a section and path for `useNavigation().go`; null for records
 * without a page of their own. People lead to Settings → People & roles; workflow definitions are
 * opened by their code.
 */
export function recordPlace(collection: string, recordId: string, code?: string): { section: string; path: string[] } | null {
  switch (collection) {
    case 'tasks':
      return { section: 'tasks', path: [recordId] };
    case 'projects':
      return { section: 'projects', path: [recordId] };
    case 'workflow_instances':
      return { section: 'workflows', path: workflowPaths.instance(recordId) };
    case 'workflow_definitions':
      return code ? { section: 'workflows', path: workflowPaths.editor(code) } : null;
    case 'people':
      return { section: 'settings', path: ['people'] };
    default:
      return null;
  }
}

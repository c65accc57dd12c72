/**
 * The Workflows section's sub-routes, read from the hash path after `#/workflows`. Notifications
 * link to `#/workflows/<instanceId>` (see src-shared/notifications/app-link.ts), so a single
 * segment that is not a tab name opens that instance.
 */
export type WorkflowTab = 'my-work' | 'instances' | 'definitions' | 'sla-violations';

export type WorkflowRoute =
  | { view: 'tab'; tab: WorkflowTab }
  | { view: 'instance'; instanceId: string }
  | { view: 'editor'; code: string }
  | { view: 'migration'; code: string };

export const workflowTabs: { tab: WorkflowTab; label: string }[] = [
  { tab: 'my-work', label: 'My work' },
  { tab: 'instances', label: 'Instances' },
  { tab: 'definitions', label: 'Definitions' },
  { tab: 'sla-violations', label: 'SLA violations' },
];

const isTab = (segment: string | undefined): segment is WorkflowTab => workflowTabs.some((t) => t.tab === segment);

export function workflowRoute(path: readonly string[]): WorkflowRoute {
  const [first, second, third] = path;
  if (first === undefined) return { view: 'tab', tab: 'my-work' };
  if (first === 'instances' && second) return { view: 'instance', instanceId: second };
  if (first === 'definitions' && second && third === 'migrate') return { view: 'migration', code: second };
  if (first === 'definitions' && second) return { view: 'editor', code: second };
  if (isTab(first)) return { view: 'tab', tab: first };
  return { view: 'instance', instanceId: first };
}

/** Hash paths (after the section) for links inside the section. */
export const workflowPaths = {
  tab: (tab: WorkflowTab) => [tab],
  instance: (instanceId: string) => ['instances', instanceId],
  editor: (code: string) => ['definitions', code],
  migration: (code: string) => ['definitions', code, 'migrate'],
};

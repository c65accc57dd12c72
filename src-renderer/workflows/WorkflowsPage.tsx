import { Stack, Tab, Tabs } from '@mui/material';
import type { SessionView } from '../../src-shared/auth/auth-contract';
import { isAdmin } from '../../src-shared/people/roles';
import { useNavigation } from '../shell/navigation';
import { DefinitionEditor } from './DefinitionEditor';
import { DefinitionsList } from './DefinitionsList';
import { InstancePage } from './InstancePage';
import { InstancesList } from './InstancesList';
import { MigrationPage } from './MigrationPage';
import { MyWorkList } from './MyWorkList';
import { SlaViolationsList } from './SlaViolationsList';
import { useWorkflowNav } from './use-workflow-nav';
import { workflowRoute, workflowTabs, type WorkflowTab } from './workflow-route';

/** The Workflows section: tabs for the lists, sub-routes for one definition's editor and one instance. */
export function WorkflowsPage({ session }: { session: SessionView }) {
  const path = useNavigation((s) => s.path);
  const route = workflowRoute(path);
  const nav = useWorkflowNav();
  const admin = isAdmin(session.person.roles);
  const tab: WorkflowTab = route.view === 'tab' ? route.tab : route.view === 'editor' || route.view === 'migration' ? 'definitions' : 'instances';
  return (
    <Stack spacing={2}>
      {/* onClick rather than onChange: the selected tab also leads back from an editor or an instance to its list. */}
      <Tabs value={tab} aria-label="Workflows">
        {workflowTabs.map((t) => <Tab key={t.tab} value={t.tab} label={t.label} onClick={() => nav.openTab(t.tab)} />)}
      </Tabs>
      {route.view === 'tab' && route.tab === 'my-work' && <MyWorkList signerName={session.person.name} />}
      {route.view === 'tab' && route.tab === 'instances' && <InstancesList />}
      {route.view === 'tab' && route.tab === 'definitions' && <DefinitionsList isAdmin={admin} />}
      {route.view === 'tab' && route.tab === 'sla-violations' && <SlaViolationsList />}
      {route.view === 'editor' && <DefinitionEditor key={route.code} code={route.code} />}
      {route.view === 'migration' && <MigrationPage key={route.code} code={route.code} />}
      {route.view === 'instance' && <InstancePage key={route.instanceId} instanceId={route.instanceId} session={session} />}
    </Stack>
  );
}

import { Stack, Tab, Tabs, Typography } from '@mui/material';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { ModuleRegisters } from '../records/ModuleRegisters';
import { kindsOfModule } from '../records/record-routes';
import { useNavigation } from '../shell/navigation';
import { CatalogueTab } from './CatalogueTab';
import { DuplicatesTab } from './DuplicatesTab';
import { LeadsTab } from './LeadsTab';
import { OpportunityList } from './OpportunityList';
import { PipelineAnalytics } from './PipelineAnalytics';
import { PipelineBoard } from './PipelineBoard';
import { QuotationsTab } from './QuotationsTab';
import { SalesSettingsTab } from './SalesSettingsTab';

const TABS = [
  ['pipeline', 'Pipeline'],
  ['analytics', 'Forecast & win rate'],
  ['opportunities', 'Opportunities'],
  ['leads', 'Leads'],
  ['quotations', 'Quotations & orders'],
  ['catalogue', 'Catalogue'],
  ['duplicates', 'Possible duplicates'],
  ['settings', 'Sales settings'],
  ['registers', 'Registers'],
] as const;
type TabId = (typeof TABS)[number][0];

/** A register's address names its kind (`#/crm/organisation`), which no tab id is. */
const isCrmKind = (segment: string | undefined) => recordKindOf(segment)?.module === 'crm';

/**
 * The CRM section: the pipeline board, its forecast, funnel and win rate, the opportunity list, leads
 * (capture, qualify, convert), quotations and orders, the catalogue with its price lists, possible
 * duplicate organisations (with the merge) and the sales settings as tabs (`#/crm/<tab>`); the Registers tab lists every CRM kind's generic
 * register (organisations, contacts, interactions, the catalogue …), the open one named in the
 * address, which is where a record page's "where it belongs" link leads.
 */
export function CrmPage() {
  const { path, go } = useNavigation();
  const [first] = path;
  const inRegisters = isCrmKind(first);
  const current: TabId = inRegisters ? 'registers' : TABS.some(([id]) => id === first) ? (first as TabId) : 'pipeline';
  const openTab = (tab: TabId) => go('crm', [tab === 'registers' ? (kindsOfModule('crm')[0]?.kind ?? tab) : tab]);
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">CRM</Typography>
      <Tabs value={current} onChange={(_e, tab: TabId) => openTab(tab)} aria-label="CRM views" variant="scrollable" scrollButtons="auto">
        {TABS.map(([id, label]) => <Tab key={id} value={id} label={label} />)}
      </Tabs>
      {current === 'pipeline' && <PipelineBoard />}
      {current === 'analytics' && <PipelineAnalytics />}
      {current === 'opportunities' && <OpportunityList />}
      {current === 'leads' && <LeadsTab />}
      {current === 'quotations' && <QuotationsTab />}
      {current === 'catalogue' && <CatalogueTab />}
      {current === 'duplicates' && <DuplicatesTab />}
      {current === 'settings' && <SalesSettingsTab />}
      {current === 'registers' && <ModuleRegisters module="crm" path={path} />}
    </Stack>
  );
}

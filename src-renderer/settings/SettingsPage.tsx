import { Box, FormControlLabel, Paper, Stack, Switch, Tab, Tabs } from '@mui/material';
import type { SessionView } from '../../src-shared/auth/auth-contract';
import { isAdmin } from '../../src-shared/people/roles';
import { useThemeMode } from '../app/theme';
import { useNavigation } from '../shell/navigation';
import { NotificationAdmin } from '../notifications/NotificationAdmin';
import { ApiSettings } from './ApiSettings';
import { BackupSettings } from './BackupSettings';
import { AuditTrail } from './audit/AuditTrail';
import { DepartmentSettings } from './DepartmentSettings';
import { OrganisationSettings } from '../documents/OrganisationSettings';
import { PeopleSettings } from './PeopleSettings';
import { TeamSyncSettings } from '../sync/TeamSyncSettings';

type SettingsTab = 'people' | 'departments' | 'organisation' | 'appearance' | 'audit' | 'sync' | 'api' | 'notifications' | 'backups';
const everyoneTabs: readonly SettingsTab[] = ['people', 'departments', 'organisation', 'appearance', 'sync', 'api'];
const adminTabs: readonly SettingsTab[] = [...everyoneTabs, 'notifications', 'backups', 'audit'];

/** Settings, one tab at a time; the tab is part of the address (`#/settings/sync`), so links and reloads keep it. */
export function SettingsPage({ session }: { session: SessionView }) {
  const { path, go } = useNavigation();
  const { mode, toggle } = useThemeMode();
  const admin = isAdmin(session.person.roles);
  const requested = path[0] as SettingsTab | undefined;
  const tab: SettingsTab = requested && (admin ? adminTabs : everyoneTabs).includes(requested) ? requested : 'people';
  return (
    <Stack spacing={2}>
      <Tabs value={tab} onChange={(_e, v: SettingsTab) => go('settings', [v])} aria-label="Settings">
        <Tab value="people" label="People & roles" />
        <Tab value="departments" label="Departments" />
        <Tab value="organisation" label="Organisation" />
        <Tab value="appearance" label="Appearance" />
        <Tab value="sync" label="Team sync" />
        <Tab value="api" label="API" />
        {admin && <Tab value="notifications" label="Notifications" />}
        {admin && <Tab value="backups" label="Backups" />}
        {admin && <Tab value="audit" label="Audit trail" />}
      </Tabs>
      <Box>
        {tab === 'people' && <PeopleSettings isAdmin={admin} />}
        {tab === 'departments' && <DepartmentSettings isAdmin={admin} />}
        {tab === 'organisation' && <OrganisationSettings />}
        {tab === 'appearance' && (
          <Paper variant="outlined" sx={{ p: 2 }}>
            <FormControlLabel control={<Switch checked={mode === 'dark'} onChange={toggle} />} label="Dark theme" />
          </Paper>
        )}
        {tab === 'sync' && <TeamSyncSettings />}
        {tab === 'api' && <ApiSettings isAdmin={admin} />}
        {tab === 'notifications' && admin && <NotificationAdmin />}
        {tab === 'backups' && admin && <BackupSettings />}
        {tab === 'audit' && admin && <AuditTrail />}
      </Box>
    </Stack>
  );
}

import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import LogoutIcon from '@mui/icons-material/Logout';
import {
  AppBar, Box, Divider, Drawer, IconButton, List, ListItemButton, ListItemIcon, ListItemText, Toolbar, Tooltip, Typography,
} from '@mui/material';
import { useEffect } from 'react';
import type { SessionView } from '../../src-shared/auth/auth-contract';
import { useThemeMode } from '../app/theme';
import { useCommand } from '../bridge/BridgeProvider';
import { CrmPage } from '../crm/CrmPage';
import { EquipmentPage } from '../equipment/EquipmentPage';
import { FinancePage } from '../finance/FinancePage';
import { HrPage } from '../hr/HrPage';
import { MeetingsPage } from '../meetings/MeetingsPage';
import { ProjectsPage } from '../projects/ProjectsPage';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { NotificationToasts } from '../notifications/NotificationToasts';
import { UnreadBadge } from '../notifications/UnreadBadge';
import { ModuleRegisters } from '../records/ModuleRegisters';
import { kindsOfModule, RECORD_SECTION, useOpenRecordModule } from '../records/record-routes';
import { RecordPage } from '../records/RecordPage';
import { GlobalSearch } from '../search/GlobalSearch';
import { SettingsPage } from '../settings/SettingsPage';
import { TasksPage } from '../tasks/TasksPage';
import { WorkflowsPage } from '../workflows/WorkflowsPage';
import { EmptySection } from './EmptySection';
import { useNavigation } from './navigation';
import { forgetSignIn } from '../auth/resumed-sign-in';
import { sections } from './sections';
import { StatusArea } from './StatusArea';

const RAIL_WIDTH = 208;

export function AppShell({ session }: { session: SessionView }) {
  const { section, path, go } = useNavigation();
  const { mode, toggle } = useThemeMode();
  const signOut = useCommand('auth/sign-out');
  // A record page belongs to its kind's module section.
  const recordModule = useOpenRecordModule((s) => s.module);
  const isRecord = section === RECORD_SECTION;
  const current = sections.find((s) => s.id === (isRecord ? recordModule : section)) ?? (isRecord ? null : sections[0]!);

  // Alt+1 … Alt+0 jump between sections, as in most desktop apps with a navigation rail.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = event.key === '0' ? 9 : Number(event.key) - 1;
      const target = sections[index];
      if (target) {
        event.preventDefault();
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" color="default" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" sx={{ fontWeight: 700, width: RAIL_WIDTH - 24 }}>LabFlow</Typography>
          <Typography variant="subtitle1" component="h1" sx={{ flexGrow: 1 }}>{current?.label ?? 'Record'}</Typography>
          <GlobalSearch />
          <StatusArea />
          <Tooltip title={mode === 'light' ? 'Dark theme' : 'Light theme'}>
            <IconButton onClick={toggle} aria-label="Switch theme">{mode === 'light' ? <DarkModeIcon /> : <LightModeIcon />}</IconButton>
          </Tooltip>
          <Typography variant="body2" data-testid="signed-in-as">{session.person.name}</Typography>
          <Tooltip title="Sign out">
            <IconButton onClick={() => {
              forgetSignIn();
              void signOut.run({});
            }} aria-label="Sign out"><LogoutIcon /></IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: RAIL_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: RAIL_WIDTH, boxSizing: 'border-box' } }}>
        <Toolbar variant="dense" />
        <List component="nav" aria-label="Sections" dense>
          {sections.map((s, index) => (
            <Box key={s.id}>
              {s.id === 'notifications' && <Divider sx={{ my: 1 }} />}
              <ListItemButton selected={s.id === current?.id} onClick={() => go(s.id)} title={`${s.label} (Alt+${(index + 1) % 10})`}>
                <ListItemIcon sx={{ minWidth: 40 }}>{s.id === 'notifications' ? <UnreadBadge>{s.icon}</UnreadBadge> : s.icon}</ListItemIcon>
                <ListItemText primary={s.label} />
              </ListItemButton>
            </Box>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar variant="dense" />
        {isRecord ? (
          <RecordPage key={path[0] ?? ''} id={path[0] ?? ''} tab={path[1]} />
        ) : !current ? null : current.id === 'projects' ? (
          <ProjectsPage />
        ) : current.id === 'tasks' ? (
          <TasksPage />
        ) : current.id === 'notifications' ? (
          <NotificationsPage />
        ) : current.id === 'meetings' ? (
          <MeetingsPage personId={session.person.id} />
        ) : current.id === 'equipment' ? (
          <EquipmentPage />
        ) : current.id === 'hr' ? (
          <HrPage personId={session.person.id} personName={session.person.name} />
        ) : current.id === 'finance' ? (
          <FinancePage personId={session.person.id} personName={session.person.name} roles={session.person.roles} />
        ) : current.id === 'crm' ? (
          <CrmPage />
        ) : current.id === 'workflows' ? (
          <WorkflowsPage session={session} />
        ) : current.id === 'settings' ? (
          <SettingsPage session={session} />
        ) : current.module && kindsOfModule(current.module).length > 0 ? (
          <ModuleRegisters module={current.module} path={path} />
        ) : (
          <EmptySection icon={current.icon} title={`${current.label} is on its way`} text={current.emptyText} />
        )}
      </Box>
      <NotificationToasts personId={session.person.id} />
    </Box>
  );
}

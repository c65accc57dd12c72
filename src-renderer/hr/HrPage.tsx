import { Stack, Tab, Tabs, Typography } from '@mui/material';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { ModuleRegisters } from '../records/ModuleRegisters';
import { kindsOfModule } from '../records/record-routes';
import { useNavigation } from '../shell/navigation';
import { Attendance } from './Attendance';
import { EmployeeList } from './EmployeeList';
import { Exits } from './Exits';
import { HiringTab } from './HiringTab';
import { HolidayCalendars } from './HolidayCalendars';
import { MyLeave } from './MyLeave';
import { OnboardingTab } from './OnboardingTab';
import { Reviews } from './Reviews';
import { TeamCalendar } from './TeamCalendar';
import { TrainingPage } from './TrainingPage';

const TABS = [
  ['leave', 'My leave'],
  ['team', 'Team calendar'],
  ['timesheets', 'Attendance'],
  ['employees', 'Employees'],
  ['training', 'Training'],
  ['reviews', 'Reviews'],
  ['hiring', 'Hiring'],
  ['onboarding', 'Onboarding'],
  ['exits', 'Exits'],
  ['holidays', 'Public holidays'],
  ['registers', 'Registers'],
] as const;
type TabId = (typeof TABS)[number][0];

/** A register's address names its kind (`#/hr/leave_request`). */
const isHrKind = (segment: string | undefined) => recordKindOf(segment)?.module === 'hr';

/**
 * The HR section: a person's own leave (balances, requests), the team leave calendar of the people
 * whose leave they may read, the employee list with the training matrix, and every HR record
 * kind's register (`#/hr/<kind>`, where a record page's "where it belongs" link leads).
 */
export function HrPage({ personId, personName }: { personId: string; personName: string }) {
  const { path, go } = useNavigation();
  const [first] = path;
  const inRegisters = isHrKind(first);
  const current: TabId = inRegisters ? 'registers' : TABS.some(([id]) => id === first) ? (first as TabId) : 'leave';
  const openTab = (tab: TabId) => go('hr', [tab === 'registers' ? (kindsOfModule('hr')[0]?.kind ?? tab) : tab]);
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">HR</Typography>
      <Tabs value={current} onChange={(_e, tab: TabId) => openTab(tab)} aria-label="HR views" variant="scrollable" scrollButtons="auto">
        {TABS.map(([id, label]) => <Tab key={id} value={id} label={label} />)}
      </Tabs>
      {current === 'leave' && <MyLeave personId={personId} personName={personName} />}
      {current === 'team' && <TeamCalendar />}
      {current === 'employees' && <EmployeeList />}
      {current === 'holidays' && <HolidayCalendars />}
      {current === 'training' && <TrainingPage />}
      {current === 'timesheets' && <Attendance personId={personId} />}
      {current === 'exits' && <Exits />}
      {current === 'reviews' && <Reviews />}
      {current === 'hiring' && <HiringTab personId={personId} personName={personName} />}
      {current === 'onboarding' && <OnboardingTab />}
      {current === 'registers' && <ModuleRegisters module="hr" path={path} />}
    </Stack>
  );
}

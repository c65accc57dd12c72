import { Stack, Tab, Tabs, Typography } from '@mui/material';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { ModuleRegisters } from '../records/ModuleRegisters';
import { kindsOfModule } from '../records/record-routes';
import { useNavigation } from '../shell/navigation';
import { BookingCalendar } from './BookingCalendar';
import { EquipmentDashboard } from './EquipmentDashboard';
import { InstrumentList } from './InstrumentList';
import { InstrumentPage } from './InstrumentPage';
import { ProcurementTab } from './ProcurementTab';
import { ProtocolsTab } from './ProtocolsTab';
import { RfqPage } from './RfqPage';

const TABS = [
  ['dashboard', 'Dashboard'],
  ['instruments', 'Instruments'],
  ['bookings', 'Bookings'],
  ['procurement', 'Procurement'],
  ['protocols', 'Qualification protocols'],
  ['registers', 'Registers'],
] as const;
type TabId = (typeof TABS)[number][0];

/** A register's address names its kind (`#/equipment/purchase_request`), which no instrument id can be. */
const isEquipmentKind = (segment: string | undefined) => recordKindOf(segment)?.module === 'equipment';

/**
 * The Equipment section: the dashboard, the register, the booking calendar, procurement and the
 * qualification protocols as tabs (`#/equipment/<tab>`); one instrument at `#/equipment/<id>`
 * (where reminders lead), one RFQ with its bid evaluation at `#/equipment/rfq/<id>`. The Registers
 * tab lists every equipment record kind's register, the open one named in the address
 * (`#/equipment/purchase_request`), which is where a record page's "where it belongs" link leads.
 */
export function EquipmentPage() {
  const { path, go } = useNavigation();
  const [first, second] = path;
  if (first === 'rfq' && second) return <RfqPage key={second} rfqId={second} />;
  const inRegisters = isEquipmentKind(first);
  if (first && !inRegisters && !TABS.some(([id]) => id === first)) return <InstrumentPage key={first} equipmentId={first} tab={second} />;
  const current: TabId = inRegisters ? 'registers' : ((first as TabId | undefined) ?? 'dashboard');
  const openTab = (tab: TabId) => go('equipment', [tab === 'registers' ? (kindsOfModule('equipment')[0]?.kind ?? tab) : tab]);
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">Equipment</Typography>
      <Tabs value={current} onChange={(_e, tab: TabId) => openTab(tab)} aria-label="Equipment views">
        {TABS.map(([id, label]) => <Tab key={id} value={id} label={label} />)}
      </Tabs>
      {current === 'dashboard' && <EquipmentDashboard />}
      {current === 'instruments' && <InstrumentList />}
      {current === 'bookings' && <BookingCalendar />}
      {current === 'procurement' && <ProcurementTab />}
      {current === 'protocols' && <ProtocolsTab />}
      {current === 'registers' && <ModuleRegisters module="equipment" path={path} />}
    </Stack>
  );
}

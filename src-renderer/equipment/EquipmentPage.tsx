import { Stack, Tab, Tabs, Typography } from '@mui/material';
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
] as const;
type TabId = (typeof TABS)[number][0];

/**
 * The Equipment section: the dashboard, the register, the booking calendar, procurement and the
 * qualification protocols as tabs (`#/equipment/<tab>`); one instrument at `#/equipment/<id>`
 * (where reminders lead), one RFQ with its bid evaluation at `#/equipment/rfq/<id>`.
 */
export function EquipmentPage() {
  const { path, go } = useNavigation();
  const [first, second] = path;
  if (first === 'rfq' && second) return <RfqPage key={second} rfqId={second} />;
  if (first && !TABS.some(([id]) => id === first)) return <InstrumentPage key={first} equipmentId={first} tab={second} />;
  const current: TabId = (first as TabId | undefined) ?? 'dashboard';
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">Equipment</Typography>
      <Tabs value={current} onChange={(_e, tab: TabId) => go('equipment', [tab])} aria-label="Equipment views">
        {TABS.map(([id, label]) => <Tab key={id} value={id} label={label} />)}
      </Tabs>
      {current === 'dashboard' && <EquipmentDashboard />}
      {current === 'instruments' && <InstrumentList />}
      {current === 'bookings' && <BookingCalendar />}
      {current === 'procurement' && <ProcurementTab />}
      {current === 'protocols' && <ProtocolsTab />}
    </Stack>
  );
}

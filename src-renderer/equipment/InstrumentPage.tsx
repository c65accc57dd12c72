import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, Chip, IconButton, LinearProgress, Stack, Tab, Tabs, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import type { EquipmentData } from '../../src-shared/equipment/equipment-kind';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { PrintDocumentButton } from '../documents/PrintDocumentButton';
import { errorText } from '../errors/error-text';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { useNavigation } from '../shell/navigation';
import { BookingCalendar } from './BookingCalendar';
import { CalibrationTab } from './CalibrationTab';
import { DecommissionTab } from './DecommissionTab';
import { FaultDialog } from './FaultDialog';
import { HistoryCard } from './HistoryCard';
import { InstallDialog } from './InstallDialog';
import { InstrumentDetails } from './InstrumentDetails';
import { MaintenanceTab } from './MaintenanceTab';
import { MoveDialog } from './MoveDialog';
import { QualificationTab } from './QualificationTab';
import { StatusChip } from './StatusChip';
import { TransitionButtons } from './TransitionButtons';
import { UsageDialog } from './UsageDialog';

const TABS = [
  ['overview', 'Overview'], ['calibration', 'Calibration'], ['qualification', 'Qualification'], ['maintenance', 'Maintenance'],
  ['bookings', 'Bookings'], ['history', 'History card'], ['files', 'Manuals and files'], ['decommissioning', 'Decommissioning'],
] as const;
type TabId = (typeof TABS)[number][0];

/** One instrument (`#/equipment/<id>/<tab>`): whether it may be used now and why not, what may be done to it, and a tab per part of its life. */
export function InstrumentPage({ equipmentId, tab }: { equipmentId: string; tab: string | undefined }) {
  const { go } = useNavigation();
  const overview = useLiveQuery('equipment/instrument', { id: equipmentId });
  const [dialog, setDialog] = useState<'install' | 'move' | 'use' | 'fault' | null>(null);
  const current: TabId = TABS.some(([id]) => id === tab) ? (tab as TabId) : 'overview';
  if (overview.error) return <Alert severity="error" action={<Button onClick={() => go('equipment', ['instruments'])}>Back to the register</Button>}>{errorText(overview.error)}</Alert>;
  const o = overview.data;
  if (!o) return <LinearProgress aria-label="Loading the instrument" />;
  const { record } = o;
  const data = record.data as EquipmentData;
  const isRetired = record.status === 'decommissioned' || record.status === 'disposed';
  // Location and custodian are changed by the same people (the custodian and QA); custodian is a listed field.
  const canEdit = record.editableFields.includes('custodianId');
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Tooltip title="All instruments"><IconButton aria-label="Back to the register" onClick={() => go('equipment', ['instruments'])}><ArrowBackIcon /></IconButton></Tooltip>
        <Chip label={record.number || 'No asset number'} variant="outlined" sx={{ fontFamily: 'monospace', fontWeight: 600 }} />
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h5" component="h2" noWrap>{data.name}</Typography>
          <Typography variant="caption" color="text.secondary">{[o.location || 'No location', `Custodian ${o.custodianName || '—'}`, data.isGxpCritical ? 'GxP impact' : ''].filter(Boolean).join(' · ')}</Typography>
        </Box>
        <PrintDocumentButton subjectType="records" subjectId={equipmentId} />
        <StatusChip kind="equipment" status={record.status} size="medium" />
      </Stack>
      {o.fitness.isFit
        ? <Alert severity="success" data-testid="fitness">Fit for use: in service and in calibration.</Alert>
        : <Alert severity={isRetired ? 'info' : 'warning'} data-testid="fitness">Not fit for use. {o.fitness.message}</Alert>}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }} useFlexGap>
        {record.status === 'received' && canEdit && <Button variant="contained" size="small" onClick={() => setDialog('install')}>Record installation</Button>}
        {!isRetired && canEdit && <Button size="small" variant="outlined" onClick={() => setDialog('move')}>Move</Button>}
        {!isRetired && <Button size="small" variant="outlined" onClick={() => setDialog('use')}>Log use</Button>}
        {!isRetired && <Button size="small" variant="outlined" onClick={() => setDialog('fault')}>Report a fault</Button>}
        <TransitionButtons record={record} hidden={['installed', 'decommissioned']} />
      </Stack>
      <Tabs value={current} onChange={(_e, t: TabId) => go('equipment', [equipmentId, t])} aria-label="Instrument views" variant="scrollable">
        {TABS.map(([id, label]) => <Tab key={id} value={id} label={label} />)}
      </Tabs>
      {current === 'overview' && <InstrumentDetails overview={o} />}
      {current === 'calibration' && <CalibrationTab overview={o} />}
      {current === 'qualification' && <QualificationTab overview={o} />}
      {current === 'maintenance' && <MaintenanceTab overview={o} />}
      {current === 'bookings' && <BookingCalendar equipmentId={equipmentId} />}
      {current === 'history' && <HistoryCard equipmentId={equipmentId} />}
      {/* Manuals, SOPs, certificates and kept documents (a history card printed and kept) stay with the instrument. */}
      {current === 'files' && <AttachmentsPanel subjectType="records" subjectId={equipmentId} />}
      {current === 'decommissioning' && <DecommissionTab overview={o} />}
      {dialog === 'install' && <InstallDialog equipmentId={equipmentId} data={data} onClose={() => setDialog(null)} />}
      {dialog === 'move' && <MoveDialog equipmentId={equipmentId} location={data.location} onClose={() => setDialog(null)} />}
      {dialog === 'use' && <UsageDialog equipmentId={equipmentId} onClose={() => setDialog(null)} />}
      {dialog === 'fault' && <FaultDialog equipmentId={equipmentId} canTakeOutOfService={record.transitions.some((t) => t.to === 'out_of_service')} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

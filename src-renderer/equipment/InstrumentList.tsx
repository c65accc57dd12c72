import AddIcon from '@mui/icons-material/Add';
import BiotechIcon from '@mui/icons-material/Biotech';
import {
  Alert, Button, Chip, FormControlLabel, LinearProgress, Link, Paper, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { useNavigation } from '../shell/navigation';
import { formatDay } from '../tasks/task-labels';
import { daysLeftText } from './equipment-labels';
import { RegisterInstrumentDialog } from './RegisterInstrumentDialog';
import { StatusChip } from './StatusChip';

/** The equipment register: asset number, name, location, custodian, status, next calibration and whether it may be used today. */
export function InstrumentList() {
  const { go } = useNavigation();
  const [text, setText] = useState('');
  const [includeRetired, setIncludeRetired] = useState(false);
  const [isRegistering, setIsRegistering] = useState(false);
  const list = useLiveQuery('equipment/list', { text, includeRetired });
  const rows = list.data ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField size="small" label="Find an instrument" value={text} onChange={(e) => setText(e.target.value)} sx={{ width: 320 }} />
        <FormControlLabel control={<Switch checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)} />} label="Show decommissioned" sx={{ flexGrow: 1 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setIsRegistering(true)}>Register instrument</Button>
      </Stack>
      {list.isLoading && <LinearProgress aria-label="Loading instruments" />}
      {list.error && <Alert severity="error">{errorText(list.error)}</Alert>}
      {!list.isLoading && rows.length === 0 && (
        <EmptySection icon={<BiotechIcon />} title={text ? 'No instrument matches' : 'No instruments yet'}
          text="Instruments arrive through goods receipts of purchase orders, or QA registers the ones the lab already has." />
      )}
      {rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Instruments">
            <TableHead>
              <TableRow><TableCell>Asset</TableCell><TableCell>Instrument</TableCell><TableCell>Location</TableCell><TableCell>Custodian</TableCell><TableCell>Status</TableCell><TableCell>Next calibration</TableCell><TableCell>Fit for use</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} hover data-testid="instrument-row">
                  <TableCell sx={{ fontFamily: 'monospace' }}>{r.number}</TableCell>
                  <TableCell>
                    <Link component="button" onClick={() => go('equipment', [r.id])} aria-label={`Open ${r.number} ${r.name}`} sx={{ fontWeight: 500 }}>{r.name}</Link>
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{[r.manufacturer, r.model, r.serialNumber && `S/N ${r.serialNumber}`].filter(Boolean).join(' · ')}</Typography>
                  </TableCell>
                  <TableCell>{r.location || '—'}</TableCell>
                  <TableCell>{r.custodianName}</TableCell>
                  <TableCell><StatusChip kind="equipment" status={r.status} /></TableCell>
                  <TableCell>{r.nextDue ? `${formatDay(r.nextDue.dueDate)} (${daysLeftText(r.nextDue.daysLeft)})` : 'No plan'}</TableCell>
                  <TableCell>
                    {r.fitness.isFit ? <Chip size="small" color="success" label="Yes" /> : <Tooltip title={r.fitness.message ?? ''}><Chip size="small" color="error" label="No" /></Tooltip>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {isRegistering && <RegisterInstrumentDialog onClose={(id) => { setIsRegistering(false); if (id) go('equipment', [id]); }} />}
    </Stack>
  );
}

import { Alert, Button, Checkbox, FormControlLabel, LinearProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { DecommissioningData } from '../../src-shared/equipment/decommissioning-kind';
import { disposalMethods, type EquipmentData } from '../../src-shared/equipment/equipment-kind';
import type { InstrumentOverview } from '../../src-shared/equipment/equipment-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { StatusChip } from './StatusChip';
import { TransitionButtons } from './TransitionButtons';
import { WorkflowApproval } from './WorkflowApproval';
import { DateField } from '../format/DateField';

function RequestPanel({ requestId }: { requestId: string }) {
  const record = useLiveQuery('records/get', { id: requestId });
  const update = useCommand('records/update');
  const decommission = useCommand('equipment/decommission');
  const [checks, setChecks] = useState({ dataArchived: false, dataArchiveLocation: '', disposalMethod: '' });
  const r = record.data;
  useEffect(() => {
    if (!r) return;
    const d = r.data as DecommissioningData;
    setChecks({ dataArchived: d.dataArchived, dataArchiveLocation: d.dataArchiveLocation, disposalMethod: d.disposalMethod ?? '' });
  }, [r]);
  if (!r) return <LinearProgress aria-label="Loading the request" />;
  const data = r.data as DecommissioningData;
  const canCheck = r.editableFields.includes('dataArchived');
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle1" sx={{ flexGrow: 1 }}>{r.number}: {data.reason}</Typography>
          <StatusChip kind="decommissioning" status={r.status} />
        </Stack>
        <TransitionButtons record={r} />
        {r.status === 'submitted' && <WorkflowApproval recordId={r.id} kind="decommissioning" code="EQUIPMENT_DECOMMISSIONING" />}
        {['draft', 'submitted', 'approved'].includes(r.status) && (
          <Stack spacing={1.5}>
            <Typography variant="subtitle2">Checks before decommissioning</Typography>
            <FormControlLabel disabled={!canCheck} control={<Checkbox checked={checks.dataArchived} onChange={(e) => setChecks((c) => ({ ...c, dataArchived: e.target.checked }))} />} label="Its data is archived" />
            <TextField size="small" disabled={!canCheck} label="Archive location" value={checks.dataArchiveLocation} onChange={(e) => setChecks((c) => ({ ...c, dataArchiveLocation: e.target.value }))} />
            <TextField size="small" select disabled={!canCheck} label="Disposal method" value={checks.disposalMethod} onChange={(e) => setChecks((c) => ({ ...c, disposalMethod: e.target.value }))}>
              {disposalMethods.map((m) => <MenuItem key={m.value} value={m.value}>{m.label}</MenuItem>)}
            </TextField>
            <Stack direction="row" spacing={1}>
              {canCheck && <Button variant="outlined" disabled={update.isRunning} onClick={async () => { if ((await update.run({ id: r.id, data: { ...checks, disposalMethod: checks.disposalMethod || null } })).ok) decommission.clearError(); }}>Save checks</Button>}
              {r.status === 'approved' && <Button variant="contained" color="warning" disabled={decommission.isRunning} onClick={() => void decommission.run({ requestId: r.id })}>Decommission the instrument</Button>}
            </Stack>
            <Typography variant="caption" color="text.secondary">Decommissioning cancels the instrument’s open bookings; the instrument then becomes read-only and keeps its history.</Typography>
          </Stack>
        )}
        {update.error && <Alert severity="error">{errorText(update.error)}</Alert>}
        {decommission.error && <Alert severity="error">{errorText(decommission.error)}</Alert>}
      </Stack>
    </Paper>
  );
}

function DisposalForm({ overview }: { overview: InstrumentOverview }) {
  const update = useCommand('records/update');
  const data = overview.record.data as EquipmentData;
  const [disposal, setDisposal] = useState({ disposalMethod: data.disposalMethod ?? '', disposalCertificateNumber: data.disposalCertificateNumber ?? '', disposedOn: data.disposedOn ?? '' });
  if (!overview.record.editableFields.includes('disposalMethod')) return null;
  return (
    <Stack spacing={1.5}>
      <Typography variant="subtitle1">Disposal</Typography>
      <Stack direction="row" spacing={2}>
        <TextField size="small" select label="Disposed of by" value={disposal.disposalMethod} onChange={(e) => setDisposal((d) => ({ ...d, disposalMethod: e.target.value }))} sx={{ minWidth: 240 }}>
          {disposalMethods.map((m) => <MenuItem key={m.value} value={m.value}>{m.label}</MenuItem>)}
        </TextField>
        <TextField size="small" label="Disposal certificate" value={disposal.disposalCertificateNumber} onChange={(e) => setDisposal((d) => ({ ...d, disposalCertificateNumber: e.target.value }))} />
        <DateField size="small" label="Disposed on" value={disposal.disposedOn} onChange={(day) => setDisposal((d) => ({ ...d, disposedOn: day }))} />
        <Button variant="outlined" onClick={() => void update.run({ id: overview.record.id, data: { disposalMethod: disposal.disposalMethod || null, disposalCertificateNumber: disposal.disposalCertificateNumber || null, disposedOn: disposal.disposedOn || null } })}>Save disposal</Button>
      </Stack>
      {update.error && <Alert severity="error">{errorText(update.error)}</Alert>}
      <Typography variant="caption" color="text.secondary">Then “Record disposal” above completes the instrument’s life.</Typography>
    </Stack>
  );
}

/** Retiring the instrument: request, approval (workflow), checks, decommissioning, disposal. */
export function DecommissionTab({ overview }: { overview: InstrumentOverview }) {
  const add = useCommand('equipment/add-record');
  const [reason, setReason] = useState('');
  const [plannedDate, setPlannedDate] = useState('');
  const isRetired = ['decommissioned', 'disposed'].includes(overview.record.status);
  const hasOpen = overview.decommissioning.some((d) => ['draft', 'submitted', 'approved'].includes(d.status));
  return (
    <Stack spacing={2}>
      {!isRetired && !hasOpen && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField size="small" label="Why is it retired" value={reason} onChange={(e) => setReason(e.target.value)} sx={{ flexGrow: 1 }} />
          <DateField size="small" label="Planned date" value={plannedDate} onChange={setPlannedDate} />
          <Button variant="outlined" disabled={!reason.trim() || add.isRunning} onClick={() => void add.run({ kind: 'decommissioning', equipmentId: overview.record.id, data: { reason, ...(plannedDate ? { plannedDate } : {}) } })}>Request decommissioning</Button>
        </Stack>
      )}
      {add.error && <Alert severity="error">{errorText(add.error)}</Alert>}
      {overview.decommissioning.length === 0 && <Typography variant="body2" color="text.secondary">No decommissioning requested.</Typography>}
      {overview.decommissioning.map((d) => <RequestPanel key={d.id} requestId={d.id} />)}
      {overview.record.status === 'decommissioned' && <DisposalForm overview={overview} />}
    </Stack>
  );
}

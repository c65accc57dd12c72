import { Alert, Button, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { InstrumentOverview } from '../../src-shared/equipment/equipment-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatDay } from '../tasks/task-labels';
import { QualificationPanel } from './QualificationPanel';
import { StatusChip } from './StatusChip';

/** The instrument's qualifications (FAT, SAT, IQ/OQ/PQ): start one from an approved protocol, execute, sign. */
export function QualificationTab({ overview }: { overview: InstrumentOverview }) {
  const protocols = useLiveQuery('records/register', { kind: 'qualification_protocol', filters: [{ field: 'status', op: 'equals', value: 'approved' }], limit: 100 });
  const start = useCommand('equipment/qualification/start');
  const [protocolId, setProtocolId] = useState('');
  const [openId, setOpenId] = useState<string | null>(overview.qualifications.find((q) => q.status !== 'approved' && q.status !== 'cancelled')?.id ?? null);
  const rows = protocols.data?.rows ?? [];
  const isRetired = ['decommissioned', 'disposed'].includes(overview.record.status);
  return (
    <Stack spacing={2}>
      {!isRetired && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField select size="small" label="Protocol" value={protocolId} onChange={(e) => setProtocolId(e.target.value)} sx={{ minWidth: 360 }}
            helperText={rows.length === 0 ? 'QA approves protocols under Equipment → Qualification protocols.' : undefined}>
            {rows.map((r) => <MenuItem key={r.id} value={r.id}>{r.number} {r.title}</MenuItem>)}
          </TextField>
          <Button variant="contained" disabled={!protocolId || start.isRunning} onClick={async () => {
            const result = await start.run({ equipmentId: overview.record.id, protocolId });
            if (result.ok) setOpenId(result.value.id);
          }}>Execute this protocol</Button>
        </Stack>
      )}
      {start.error && <Alert severity="error">{errorText(start.error)}</Alert>}
      {overview.qualifications.length === 0 ? <Typography variant="body2" color="text.secondary">No qualification yet. An instrument is put in service only after one is approved.</Typography> : (
        <Paper variant="outlined">
          <Table size="small" aria-label="Qualifications">
            <TableHead><TableRow><TableCell>Number</TableCell><TableCell>Qualification</TableCell><TableCell>Started</TableCell><TableCell>Status</TableCell><TableCell /></TableRow></TableHead>
            <TableBody>
              {overview.qualifications.map((q) => (
                <TableRow key={q.id} selected={q.id === openId}>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{q.number}</TableCell>
                  <TableCell>{q.title}</TableCell>
                  <TableCell>{formatDay(q.date)}</TableCell>
                  <TableCell><StatusChip kind="qualification" status={q.status} /></TableCell>
                  <TableCell align="right"><Button size="small" onClick={() => setOpenId(q.id)}>Open</Button></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {openId && <QualificationPanel key={openId} qualificationId={openId} />}
    </Stack>
  );
}

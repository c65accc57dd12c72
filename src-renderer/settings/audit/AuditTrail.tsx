import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Chip, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { auditTrailCsv, signatureText } from '../../../src-shared/audit/audit-csv';
import type { AuditTrailEntryView } from '../../../src-shared/audit/audit-contract';
import { useLiveQuery } from '../../bridge/BridgeProvider';
import { errorText } from '../../errors/error-text';
import { saveTextFile } from '../../files/save-text-file';
import { formatDateTime } from '../../format/date-time';
import { AuditFilterBar, noFilter, trailInput, type AuditFilterChoice } from './AuditFilterBar';

const LIMIT = 200;

/** One entry's changes, one line each, wrapping inside the column instead of running off the page. */
function Changes({ entry }: { entry: AuditTrailEntryView }) {
  return (
    <Stack spacing={0.5}>
      {entry.changes.map((c, i) => (
        <Typography key={i} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          <strong>{c.field}:</strong> {c.old} → {c.new}
        </Typography>
      ))}
      {entry.signatures.map((s, i) => (
        <Chip key={`s${i}`} size="small" color={s.isRefused ? 'error' : 'success'} variant="outlined" data-testid="audit-signature"
          label={signatureText(s)} sx={{ height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }} />
      ))}
    </Stack>
  );
}

/**
 * The audit trail for administrators: who did what to which record, when (local time, stored in UTC),
 * with signatures and refused signature attempts, filters and a CSV export of what is shown.
 */
export function AuditTrail() {
  const [filter, setFilter] = useState<AuditFilterChoice>(noFilter);
  const trail = useLiveQuery('audit/trail', trailInput(filter, LIMIT));
  const entries = trail.data?.entries ?? [];
  const exportCsv = () => saveTextFile(`Audit trail ${new Date().toISOString().slice(0, 10)}.csv`, auditTrailCsv(entries), 'text/csv');
  if (trail.error) return <Alert severity="info">{errorText(trail.error)}</Alert>;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flexGrow: 1 }}><AuditFilterBar value={filter} onChange={setFilter} /></Box>
        <Button startIcon={<DownloadIcon />} onClick={exportCsv} disabled={entries.length === 0} sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>Export CSV</Button>
      </Stack>
      {!trail.data && <LinearProgress aria-label="Loading the audit trail" />}
      {trail.data?.isTruncated && <Typography variant="caption" color="text.secondary">Showing the newest {entries.length} entries; narrow the filter to see older ones.</Typography>}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Audit trail" sx={{ tableLayout: 'fixed', width: '100%' }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 150 }}>When</TableCell>
              <TableCell sx={{ width: 160 }}>Who</TableCell>
              <TableCell sx={{ width: 210 }}>Action</TableCell>
              <TableCell sx={{ width: 220 }}>Record</TableCell>
              <TableCell>Changes</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {trail.data && entries.length === 0 && (
              <TableRow><TableCell colSpan={5}><Typography color="text.secondary">Nothing matches this filter.</Typography></TableCell></TableRow>
            )}
            {entries.map((entry) => (
              <TableRow key={entry.id} data-testid="audit-row" sx={{ verticalAlign: 'top' }}>
                <TableCell>{formatDateTime(entry.at)}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {entry.actorName}
                  {entry.via && <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{entry.via}</Typography>}
                </TableCell>
                <TableCell title={entry.command}>{entry.action}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{entry.record}</TableCell>
                <TableCell><Changes entry={entry} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}

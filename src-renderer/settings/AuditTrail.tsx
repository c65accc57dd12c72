import { Alert, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** The latest changes by every command: who, when (shown in local time, stored in UTC), what. */
export function AuditTrail() {
  const audit = useLiveQuery('audit/list', { limit: 200 });
  if (audit.error) return <Alert severity="info">{errorText(audit.error)}</Alert>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Audit trail">
        <TableHead><TableRow><TableCell>When</TableCell><TableCell>Who</TableCell><TableCell>Command</TableCell><TableCell>Record</TableCell><TableCell>Changes</TableCell></TableRow></TableHead>
        <TableBody>
          {(audit.data ?? []).map((entry) => (
            <TableRow key={entry.id}>
              <TableCell title={entry.at}>{new Date(entry.at).toLocaleString()}</TableCell>
              <TableCell>
                {entry.actorName}
                {entry.via && <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{entry.via}</Typography>}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{entry.command}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{entry.collectionName}/{entry.recordId.slice(-6)}</TableCell>
              <TableCell>{entry.changes.map((c) => `${c.field}: ${show(c.old)} → ${show(c.new)}`).join('; ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

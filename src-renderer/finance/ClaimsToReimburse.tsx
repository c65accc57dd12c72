import { Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { formatMoney } from '../../src-shared/format/display-format';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { usePeople } from '../records/use-people';
import { ReimburseDialog } from './ReimburseDialog';

const isMoney = (v: unknown): v is { amountMinor: number; currency: string } => typeof v === 'object' && v !== null && 'amountMinor' in v && 'currency' in v;

/** Approved expense claims waiting for their money: finance pays each as an outgoing payment to the claimant. */
export function ClaimsToReimburse({ onDone }: { onDone: (message: string) => void }) {
  const claims = useLiveQuery('records/register', { kind: 'expense_claim', filters: [{ field: 'status', op: 'equals', value: 'approved' }], sort: { field: 'number', direction: 'asc' }, limit: 200 });
  const { nameOf } = usePeople();
  const [paying, setPaying] = useState<RegisterRow | null>(null);
  const rows = claims.data?.rows ?? [];
  return (
    <Paper variant="outlined" component="section" aria-label="Claims to reimburse">
      <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>Claims to reimburse</Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>No approved expense claims are waiting for their money.</Typography>
      ) : (
        <Table size="small" aria-label="Claims to reimburse">
          <TableHead><TableRow>{['Number', 'Claimant', 'Purpose', 'Total', ''].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-testid="claim-to-reimburse">
                <TableCell>{r.number}</TableCell>
                <TableCell>{nameOf(String(r.values.personId)) ?? 'A former colleague'}</TableCell>
                <TableCell>{String(r.values.purpose ?? '')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{isMoney(r.values.total) ? formatMoney(r.values.total.amountMinor, r.values.total.currency) : ''}</TableCell>
                <TableCell align="right"><Button size="small" variant="contained" onClick={() => setPaying(r)}>Reimburse</Button></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {paying && <ReimburseDialog claim={paying} claimant={nameOf(String(paying.values.personId)) ?? 'the claimant'} onClose={(message) => { setPaying(null); if (message) onDone(message); }} />}
    </Paper>
  );
}

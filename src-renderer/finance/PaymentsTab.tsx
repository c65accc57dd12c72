import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import { useLiveQuery } from '../bridge/BridgeProvider';

/** Payments received and made, newest first, with the invoices each settles and what is left unallocated. */
export function PaymentsTab() {
  const view = useLiveQuery('finance/receivables', {});
  const payments = view.data?.payments ?? [];
  if (payments.length === 0) return <Typography variant="body2" color="text.secondary">No payments yet: record one on an issued invoice.</Typography>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Payments">
        <TableHead><TableRow>{['Number', 'Received / paid', 'Organisation', 'Amount', 'Settles', 'Unallocated', 'Reference'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
        <TableBody>
          {payments.map((p) => (
            <TableRow key={p.id} data-testid="payment-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.number}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.direction === 'incoming' ? 'Received' : 'Paid out'} {formatDay(p.paidOn)}</TableCell>
              <TableCell>{p.organisationName}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatMoney(p.amount.amountMinor, p.amount.currency)}</TableCell>
              <TableCell>{p.invoiceNumbers.join(', ') || '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.direction === 'incoming' ? formatMoney(p.amount.amountMinor - p.allocatedMinor, p.amount.currency) : '—'}</TableCell>
              <TableCell>{p.reference || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

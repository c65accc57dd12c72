import { Alert, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import type { PaymentRow } from '../../src-shared/finance/invoice-contract';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { ClaimsToReimburse } from './ClaimsToReimburse';
import { StatementImportDialog } from './StatementImportDialog';
import { VoidPaymentDialog } from './VoidPaymentDialog';

/**
 * Payments received and made, newest first, with the invoices (or the expense claim) each settles
 * and what is left unallocated; a bank statement is imported here, and approved claims reimbursed.
 */
export function PaymentsTab() {
  const view = useLiveQuery('finance/receivables', {});
  const [importing, setImporting] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<PaymentRow | null>(null);
  const payments = view.data?.payments ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row"><Button variant="outlined" onClick={() => setImporting(true)}>Import bank statement…</Button></Stack>
      {note && <Alert severity="success" onClose={() => setNote(null)}>{note}</Alert>}
      {importing && <StatementImportDialog onClose={(message) => { setImporting(false); if (message) setNote(message); }} />}
      <ClaimsToReimburse onDone={setNote} />
      {payments.length === 0 ? <Typography variant="body2" color="text.secondary">No payments yet: record one on an issued invoice, or import a bank statement.</Typography> : <PaymentTable payments={payments} onVoid={setVoiding} />}
      {voiding && <VoidPaymentDialog payment={voiding} onClose={(message) => { setVoiding(null); if (message) setNote(message); }} />}
    </Stack>
  );
}

function PaymentTable({ payments, onVoid }: { payments: PaymentRow[]; onVoid: (payment: PaymentRow) => void }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Payments">
        <TableHead><TableRow>{['Number', 'Received / paid', 'Organisation or person', 'Amount', 'Settles', 'Unallocated', 'Reference', ''].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
        <TableBody>
          {payments.map((p) => (
            <TableRow key={p.id} data-testid="payment-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.number}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.direction === 'incoming' ? 'Received' : 'Paid out'} {formatDay(p.paidOn)}</TableCell>
              <TableCell>{p.organisationName}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatMoney(p.amount.amountMinor, p.amount.currency)}</TableCell>
              <TableCell>{p.claimNumber ? `Expense claim ${p.claimNumber}` : p.invoiceNumbers.join(', ') || '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.direction === 'incoming' && !p.isVoided ? formatMoney(p.amount.amountMinor - p.allocatedMinor, p.amount.currency) : '—'}</TableCell>
              <TableCell>{p.reference || '—'}</TableCell>
              <TableCell align="right">
                {p.isVoided ? <Chip size="small" label="Voided" color="error" variant="outlined" /> : !p.claimNumber && <Button size="small" color="error" onClick={() => onVoid(p)}>Void</Button>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

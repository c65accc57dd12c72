import { Alert, Box, Button, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { standingChip } from '../finance/standing';
import type { RecordTabProps } from '../records/record-tabs';
import { useRecordNav } from '../records/record-routes';

/**
 * "Invoices & payments" on an organisation (all its invoices) and a sales order (its own): each
 * invoice with what it still owes, the payments allocated to them, and the amount open per
 * currency. Finance keeps these; anyone else reads a sentence saying so. On an order not yet
 * invoiced, finance makes the invoice here (finance/invoices/from-order).
 */
export function CustomerAccountTab({ record }: RecordTabProps) {
  const account = useLiveQuery('crm/account', { id: record.id });
  const createInvoice = useCommand('finance/invoices/from-order');
  const nav = useRecordNav();
  const view = account.data;
  if (account.error) return <Alert severity="error">{errorText(account.error)}</Alert>;
  if (!view) return <Typography variant="body2" color="text.secondary">Reading the account…</Typography>;
  if (!view.canRead) return <Alert severity="info">{view.explanation}</Alert>;
  const open = async () => {
    const made = await createInvoice.run({ orderId: record.id, paymentTermsDays: 30 });
    if (made.ok) nav.openRecord(made.value.id);
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} aria-label="Still open">
        {view.open.length === 0 ? (
          <Typography variant="body2" color="text.secondary">Nothing invoiced yet{view.invoices.length > 0 ? ' (only draft invoices)' : ''}.</Typography>
        ) : (
          view.open.map((o) => (
            <Paper key={o.currency} variant="outlined" sx={{ p: 1.5, minWidth: 220 }} data-testid="open-amount">
              <Typography variant="overline">Still open ({o.currency})</Typography>
              <Typography variant="h6">{formatMoney(o.outstandingMinor, o.currency)}</Typography>
              <Typography variant="body2" color="text.secondary">
                Invoiced {formatMoney(o.invoicedMinor, o.currency)} · paid {formatMoney(o.paidMinor, o.currency)}{o.creditedMinor > 0 ? ` · credited ${formatMoney(o.creditedMinor, o.currency)}` : ''}
              </Typography>
            </Paper>
          ))
        )}
      </Stack>
      {view.canCreateInvoice && (
        <Box>
          <Button variant="contained" disabled={createInvoice.isRunning} onClick={() => void open()}>Create invoice</Button>
        </Box>
      )}
      {createInvoice.error && <Alert severity="error">{errorText(createInvoice.error)}</Alert>}
      <Typography variant="subtitle2">Invoices</Typography>
      {view.invoices.length === 0 ? (
        <Typography variant="body2" color="text.secondary">No invoices.</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Invoices">
            <TableHead>
              <TableRow>{['Number', 'Status', 'Issued', 'Due', 'Total', 'Paid', 'Still owed'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
            </TableHead>
            <TableBody>
              {view.invoices.map((i) => (
                <TableRow key={i.id}>
                  <TableCell><Link component="button" variant="body2" onClick={() => nav.openRecord(i.id)}>{i.number || 'Draft'}</Link></TableCell>
                  <TableCell>{standingChip(i.standing)}</TableCell>
                  <TableCell>{i.issuedOn ? formatDay(i.issuedOn) : '—'}</TableCell>
                  <TableCell>{i.dueOn ? formatDay(i.dueOn) : '—'}</TableCell>
                  <TableCell>{formatMoney(i.totalMinor, i.currency)}</TableCell>
                  <TableCell>{formatMoney(i.paidMinor, i.currency)}</TableCell>
                  <TableCell>{formatMoney(i.outstandingMinor, i.currency)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Typography variant="subtitle2">Payments</Typography>
      {view.payments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">No payments.</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Payments">
            <TableHead>
              <TableRow>{['Number', 'Paid on', 'Reference', 'Pays', 'Amount'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
            </TableHead>
            <TableBody>
              {view.payments.map((p) => (
                <TableRow key={p.id}>
                  <TableCell><Link component="button" variant="body2" onClick={() => nav.openRecord(p.id)}>{p.number}</Link></TableCell>
                  <TableCell>{formatDay(p.paidOn)}</TableCell>
                  <TableCell>{p.reference || '—'}</TableCell>
                  <TableCell>{p.invoiceNumbers.join(', ')}</TableCell>
                  <TableCell>{formatMoney(p.allocatedMinor, p.currency)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { SupplierInvoiceRow } from '../../src-shared/finance/payables-contract';
import { supplierInvoiceKind } from '../../src-shared/finance/supplier-invoice-kind';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useRecordNav } from '../records/record-routes';
import { StatusChip } from '../records/StatusChip';
import { PaySupplierDialog } from './PaySupplierDialog';
import { SupplierInvoiceEditor } from './SupplierInvoiceEditor';

/**
 * Supplier invoices (payables) with what the lab still owes on each: one is entered as received,
 * approved for payment once checked against the order and the delivery (from then on it counts as
 * actual in the budget it is charged to), and paid by an outgoing payment. Each opens as a record
 * (details, links, activity); the register with filters and export is under Registers.
 */
export function SupplierInvoicesTab() {
  const view = useLiveQuery('finance/supplier-invoices', {});
  const transition = useCommand('records/transition');
  const nav = useRecordNav();
  const [entering, setEntering] = useState(false);
  const [paying, setPaying] = useState<SupplierInvoiceRow | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const rows = view.data ?? [];
  const approve = async (row: SupplierInvoiceRow) => {
    const approved = await transition.run({ id: row.id, to: 'approved' });
    if (approved.ok) setNote(`${row.number} is approved for payment and counts as spent in its budget.`);
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row"><Button variant="contained" startIcon={<AddIcon />} onClick={() => setEntering(true)}>Enter supplier invoice</Button></Stack>
      {note && <Alert severity="success" onClose={() => setNote(null)}>{note}</Alert>}
      {transition.error && <Alert severity="error">{errorText(transition.error)}</Alert>}
      {view.error && <Alert severity="error">{errorText(view.error)}</Alert>}
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">No supplier invoices yet: enter one when it arrives with Enter supplier invoice.</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Supplier invoices">
            <TableHead><TableRow>{['Number', 'Supplier', 'Their number', 'Order', 'Items', 'Total', 'Still owed', 'Invoice date', 'Due', 'Status', 'Actions'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="supplier-invoice-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.number}</TableCell>
                  <TableCell>{r.supplierName}</TableCell>
                  <TableCell>{r.supplierReference}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.purchaseOrderNumber || '—'}</TableCell>
                  <TableCell>{r.title}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatMoney(r.totalMinor, r.currency)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid="supplier-invoice-owed">{r.status === 'rejected' ? '—' : formatMoney(r.outstandingMinor, r.currency)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDay(r.invoiceDate)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDay(r.dueOn)}</TableCell>
                  <TableCell><StatusChip kind={supplierInvoiceKind} status={r.status} /></TableCell>
                  <TableCell>
                    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                      {r.status === 'received' && <Button size="small" variant="contained" disabled={transition.isRunning} onClick={() => void approve(r)}>Approve for payment</Button>}
                      {r.status === 'approved' && <Button size="small" variant="contained" onClick={() => setPaying(r)}>Pay</Button>}
                      <Button size="small" onClick={() => nav.openRecord(r.id)}>Open</Button>
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {entering && <SupplierInvoiceEditor onClose={(message) => { setEntering(false); if (message) setNote(message); }} />}
      {paying && <PaySupplierDialog invoice={paying} onClose={(message) => { setPaying(null); if (message) setNote(message); }} />}
    </Stack>
  );
}

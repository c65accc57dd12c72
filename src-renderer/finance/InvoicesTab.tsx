import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { InvoiceRow } from '../../src-shared/finance/invoice-contract';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useRecordNav } from '../records/record-routes';
import { todayLocal } from '../tasks/task-labels';
import { CreditNoteDialog } from './CreditNoteDialog';
import { InvoiceEditor } from './InvoiceEditor';
import { PaymentDialog } from './PaymentDialog';
import { standingChip } from './standing';

/**
 * Invoices with what each still owes: a draft is edited and issued (its number then comes from the
 * series — from the sync server in a team); an issued one takes payments and credit notes and is
 * emailed to the customer as a PDF on the letterhead ("Send invoice"). The status shown is the
 * standing on today, so an invoice past its due date reads "Overdue".
 */
export function InvoicesTab() {
  const view = useLiveQuery('finance/receivables', {});
  const issue = useCommand('finance/invoices/issue');
  const send = useCommand('finance/invoices/send');
  const nav = useRecordNav();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [paying, setPaying] = useState<InvoiceRow | null>(null);
  const [crediting, setCrediting] = useState<InvoiceRow | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const invoices = view.data?.invoices ?? [];
  const money = (minor: number, currency: string) => formatMoney(minor, currency);
  /** Emails the PDF to the customer's contact through the outbox; the record's activity notes it. */
  const sendByEmail = async (id: string, what: string) => {
    setSending(id);
    const sent = await send.run({ id });
    setSending(null);
    if (sent.ok) setNote(`${what} is on its way to ${sent.value.emailedTo}, its PDF attached.`);
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>New invoice</Button>
      </Stack>
      {note && <Alert severity="success" onClose={() => setNote(null)}>{note}</Alert>}
      {issue.error && <Alert severity="error">{errorText(issue.error)}</Alert>}
      {send.error && <Alert severity="error">{errorText(send.error)}</Alert>}
      {view.error && <Alert severity="error">{errorText(view.error)}</Alert>}
      {invoices.length === 0 ? (
        <Typography variant="body2" color="text.secondary">No invoices yet: make one with New invoice, or with Create invoice on a sales order.</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Invoices">
            <TableHead><TableRow>{['Number', 'Customer', 'Invoice', 'Total', 'Outstanding', 'Issued', 'Due', 'Status', 'Actions'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
            <TableBody>
              {invoices.map((i) => (
                <TableRow key={i.id} data-testid="invoice-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{i.number || 'Not issued'}</TableCell>
                  <TableCell>{i.customerName}</TableCell>
                  <TableCell>{i.title}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{money(i.totalMinor, i.currency)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid="invoice-outstanding">{i.status === 'draft' || i.status === 'cancelled' ? '—' : money(i.outstandingMinor, i.currency)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDay(i.issuedOn)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDay(i.dueOn)}</TableCell>
                  <TableCell>{standingChip(i.standing)}</TableCell>
                  <TableCell>
                    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                      {i.status === 'draft' && <Button size="small" variant="outlined" onClick={() => setEditing(i.id)}>Edit</Button>}
                      {i.status === 'draft' && <Button size="small" variant="contained" disabled={issue.isRunning} onClick={async () => {
                        const issued = await issue.run({ id: i.id, issuedOn: todayLocal() });
                        if (issued.ok) setNote(`Invoice ${issued.value.number} is issued, due ${formatDay((issued.value.data as { dueOn?: string }).dueOn)}.`);
                      }}>Issue</Button>}
                      {(i.status === 'issued' || i.status === 'partly_paid') && <Button size="small" variant="contained" onClick={() => setPaying(i)}>Record payment</Button>}
                      {['issued', 'partly_paid'].includes(i.status) && i.outstandingMinor > 0 && <Button size="small" variant="outlined" onClick={() => setCrediting(i)}>Credit note</Button>}
                      {['issued', 'partly_paid', 'paid'].includes(i.status) && <Button size="small" variant="outlined" disabled={send.isRunning} onClick={() => void sendByEmail(i.id, `Invoice ${i.number}`)}>{sending === i.id ? 'Sending…' : 'Send invoice'}</Button>}
                      <Button size="small" onClick={() => nav.openRecord(i.id)}>Open</Button>
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {view.data && view.data.creditNotes.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="h6" component="h3">Credit notes</Typography>
          {view.data.creditNotes.map((c) => (
            <Typography key={c.id} variant="body2">
              <Chip size="small" label={c.number || 'Numbering…'} sx={{ mr: 1 }} />
              {money(c.totalMinor, c.currency)} off {invoices.find((i) => i.id === c.invoiceId)?.number ?? 'an invoice'} on {formatDay(c.issuedOn)}: {c.reason}
              {c.number && <Button size="small" sx={{ ml: 1 }} disabled={send.isRunning} onClick={() => void sendByEmail(c.id, `Credit note ${c.number}`)}>{sending === c.id ? 'Sending…' : 'Send credit note'}</Button>}
            </Typography>
          ))}
        </Stack>
      )}
      {editing && <InvoiceEditor invoiceId={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {paying && <PaymentDialog invoice={paying} onClose={(message) => { setPaying(null); if (message) setNote(message); }} />}
      {crediting && <CreditNoteDialog invoice={crediting} onClose={(message) => { setCrediting(null); if (message) setNote(message); }} />}
    </Stack>
  );
}

import { Alert, Box, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { parseCsv } from '../../src-shared/crm/csv-parse';
import type { StatementMatchRow } from '../../src-shared/finance/invoice-contract';
import { guessStatementColumns, statementFieldLabels, statementFields, type StatementField } from '../../src-shared/finance/statement-matching';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import { useCommand } from '../bridge/BridgeProvider';
import { FormDialog } from '../shell/FormDialog';
import { errorText } from '../errors/error-text';
import { CsvFileChooser } from '../import/CsvFileChooser';

const reasons = { reference_and_amount: 'number and amount agree', reference: 'number in the reference', amount: 'same amount owed' } as const;

/**
 * Bank statement import: the CSV saved from the bank, its columns mapped (guessed from the headers),
 * and for each money-in line the invoices it probably pays. Nothing is recorded until a person
 * confirms a line: Record payment then records it against the chosen invoice, once.
 */
export function StatementImportDialog({ onClose }: { onClose: (message?: string) => void }) {
  const match = useCommand('finance/statement/match');
  const record = useCommand('finance/payments/record');
  const [file, setFile] = useState<{ name: string; text: string; headers: string[] } | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<StatementField, number>>>({});
  const [currency, setCurrency] = useState('EUR');
  const [rows, setRows] = useState<StatementMatchRow[] | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [recorded, setRecorded] = useState<Record<string, string>>({});
  const choose = async (picked: File) => {
    const text = await picked.text();
    const headers = parseCsv(text).headers;
    setFile({ name: picked.name, text, headers });
    setMapping(guessStatementColumns(headers));
    setRows(null);
  };
  const find = async () => {
    if (!file) return;
    const result = await match.run({ csv: file.text, mapping, currency });
    if (result.ok) {
      setRows(result.value.rows);
      setChosen(Object.fromEntries(result.value.rows.filter((r) => r.suggestions[0]).map((r) => [r.line.key, r.suggestions[0]!.invoiceId])));
    }
  };
  const confirm = async (row: StatementMatchRow) => {
    const suggestion = row.suggestions.find((s) => s.invoiceId === chosen[row.line.key]);
    if (!suggestion) return;
    const result = await record.run({
      direction: 'incoming', organisationId: suggestion.customerId, amount: { amountMinor: row.line.amountMinor, currency: row.line.currency }, paidOn: row.line.bookedOn,
      reference: row.line.reference.slice(0, 200), allocations: [{ invoiceId: suggestion.invoiceId, amountMinor: suggestion.amountMinor }], statementLineKey: row.line.key,
    });
    if (result.ok) setRecorded((r) => ({ ...r, [row.line.key]: result.value.payment.number }));
  };
  const error = match.error ?? record.error;
  return (
    <FormDialog open onClose={() => onClose()} maxWidth="lg" fullWidth aria-labelledby="statement-title">
      <DialogTitle id="statement-title">Import bank statement</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <CsvFileChooser inputLabel="Statement file" chosen={file?.name ?? null} hint="The statement as CSV from your bank: a header line, one booking per line." onChoose={(picked) => void choose(picked)}>
            <TextField label="Currency" size="small" value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} sx={{ width: 100 }} />
          </CsvFileChooser>
          {file && (
            <Stack direction="row" spacing={2}>
              {statementFields.map((field) => (
                <TextField key={field} select size="small" label={statementFieldLabels[field]} value={mapping[field] ?? ''} sx={{ flex: 1 }}
                  onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value === '' ? undefined : Number(e.target.value) }))}>
                  <MenuItem value="">Not in the file</MenuItem>
                  {file.headers.map((h, i) => <MenuItem key={i} value={i}>{h || `Column ${i + 1}`}</MenuItem>)}
                </TextField>
              ))}
              <Button variant="contained" disabled={match.isRunning} onClick={() => void find()}>Find matches</Button>
            </Stack>
          )}
          {error && <Alert severity="error">{errorText(error)}</Alert>}
          {rows && (
            <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Statement lines">
              <TableHead><TableRow>{['Booked', 'Amount', 'Reference', 'Payer', 'Invoice it pays', ''].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
              <TableBody>
                {rows.map((row) => {
                  const done = recorded[row.line.key] ?? row.recordedAs;
                  return (
                    <TableRow key={row.line.key} data-testid="statement-line">
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDay(row.line.bookedOn)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatMoney(row.line.amountMinor, row.line.currency)}</TableCell>
                      <TableCell>{row.line.reference || '—'}</TableCell>
                      <TableCell>{row.line.counterparty || '—'}</TableCell>
                      <TableCell sx={{ minWidth: 280 }}>
                        {done ? `Recorded as ${done}` : row.line.amountMinor <= 0 ? 'Money out: not an invoice payment' : row.suggestions.length === 0 ? 'No open invoice matches' : (
                          <TextField select size="small" fullWidth label="Invoice" value={chosen[row.line.key] ?? ''} onChange={(e) => setChosen((c) => ({ ...c, [row.line.key]: e.target.value }))}>
                            {row.suggestions.map((s) => <MenuItem key={s.invoiceId} value={s.invoiceId}>{s.invoiceNumber} — {s.customerName}, owes {formatMoney(s.outstandingMinor, row.line.currency)} ({reasons[s.reason]})</MenuItem>)}
                          </TextField>
                        )}
                      </TableCell>
                      <TableCell>{!done && row.suggestions.length > 0 && <Button size="small" variant="contained" disabled={record.isRunning} onClick={() => void confirm(row)}>Record payment</Button>}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            </Box>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(Object.keys(recorded).length ? `${Object.keys(recorded).length} statement ${Object.keys(recorded).length === 1 ? 'line is' : 'lines are'} recorded as payments.` : undefined)}>Close</Button>
      </DialogActions>
    </FormDialog>
  );
}

import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { Dispatch, SetStateAction } from 'react';
import type { QuotationTotals } from '../../src-shared/crm/quotation-money';
import { formatMoney } from '../../src-shared/format/display-format';
import { emptyLine, type LineDraft, type LineProblems } from './quotation-draft';

/**
 * The lines of a quotation or an invoice as the person types them — quantity, unit price, discount
 * and tax per line — with each line's net and the totals per tax rate computed live by the same
 * integer-money rules the host checks (src-shared/finance/money.ts).
 */
export function LineItemsTable({ label, drafts, setDrafts, currency, problems, totals }: {
  /** "Quotation" or "Invoice": names the table, the totals and their test id. */
  label: string;
  drafts: LineDraft[];
  setDrafts: Dispatch<SetStateAction<LineDraft[]>>;
  currency: string;
  problems: Map<string, LineProblems>;
  totals: QuotationTotals;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  const setLine = (id: string, change: Partial<LineDraft>) => setDrafts((ds) => ds.map((d) => (d.id === id ? { ...d, ...change } : d)));
  const addLine = () => setDrafts((ds) => [...ds, emptyLine(`line-${Math.max(0, ...ds.map((d) => Number(d.id.replace('line-', '')) || 0)) + 1}`)]);
  return (
    <>
          <Table size="small" aria-label={`${label} lines`}>
            <TableHead>
              <TableRow>{['Description', 'Quantity', 'Unit', `Unit price (${currency})`, 'Discount %', 'Tax %', 'Net', ''].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
            </TableHead>
            <TableBody>
              {drafts.map((d, i) => {
                const p = problems.get(d.id) ?? {};
                const net = totals.lines.find((l) => l.lineId === d.id)?.netMinor;
                const cell = (key: 'description' | 'quantity' | 'unit' | 'unitPrice' | 'discountPercent' | 'taxRatePercent', label: string, width: number) => (
                  <TableCell sx={{ width }}>
                    <TextField size="small" variant="standard" fullWidth value={d[key]} onChange={(e) => setLine(d.id, { [key]: e.target.value })}
                      error={!!p[key] && d[key] !== ''} helperText={d[key] !== '' ? p[key] : undefined} slotProps={{ htmlInput: { 'aria-label': `Line ${i + 1} ${label}` } }} />
                  </TableCell>
                );
                return (
                  <TableRow key={d.id}>
                    {cell('description', 'description', 320)}
                    {cell('quantity', 'quantity', 90)}
                    {cell('unit', 'unit', 80)}
                    {cell('unitPrice', 'unit price', 130)}
                    {cell('discountPercent', 'discount', 90)}
                    {cell('taxRatePercent', 'tax', 80)}
                    <TableCell sx={{ width: 130 }}>{net === undefined ? '—' : money(net)}</TableCell>
                    <TableCell sx={{ width: 50 }}>
                      <IconButton size="small" aria-label={`Remove line ${i + 1}`} disabled={drafts.length === 1} onClick={() => setDrafts((ds) => ds.filter((x) => x.id !== d.id))}><DeleteIcon fontSize="small" /></IconButton>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
            <Button startIcon={<AddIcon />} onClick={addLine}>Add line</Button>
            <Stack spacing={0.5} sx={{ minWidth: 260 }} aria-label={`${label} totals`}>
              <Typography variant="body2">Net: {money(totals.netMinor)}{totals.discountMinor ? ` (discount ${money(totals.discountMinor)})` : ''}</Typography>
              {totals.taxBands.map((band) => <Typography key={band.rateBasisPoints} variant="body2">Tax {band.rateBasisPoints / 100} %: {money(band.taxMinor)}</Typography>)}
              <Typography variant="subtitle1" data-testid={`${label.toLowerCase()}-total`}>Total: {money(totals.grossMinor)}</Typography>
            </Stack>
          </Stack>
    </>
  );
}

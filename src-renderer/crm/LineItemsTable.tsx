import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Autocomplete, Button, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { Dispatch, SetStateAction } from 'react';
import type { QuotationTotals } from '../../src-shared/crm/quotation-money';
import { formatMoney } from '../../src-shared/format/display-format';
import { priceIn } from '../../src-shared/crm/catalogue-item-kind';
import type { CatalogueChoice } from '../../src-shared/crm/catalogue-line';
import { emptyLine, lineDraftFromCatalogue, type LineDraft, type LineProblems } from './quotation-draft';

/**
 * The lines of a quotation or an invoice as the person types them — quantity, unit price, discount
 * and tax per line — with each line's net and the totals per tax rate computed live by the same
 * integer-money rules the host checks (src-shared/finance/money.ts).
 */
export function LineItemsTable({ label, drafts, setDrafts, currency, problems, totals, catalogue }: {
  /** "Quotation" or "Invoice": names the table, the totals and their test id. */
  label: string;
  drafts: LineDraft[];
  setDrafts: Dispatch<SetStateAction<LineDraft[]>>;
  currency: string;
  problems: Map<string, LineProblems>;
  totals: QuotationTotals;
  /** Items offered for "Add from catalogue" (a quotation's lines); none: free-text lines only. */
  catalogue?: readonly CatalogueChoice[];
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  const setLine = (id: string, change: Partial<LineDraft>) => setDrafts((ds) => ds.map((d) => (d.id === id ? { ...d, ...change } : d)));
  const nextId = (ds: readonly LineDraft[]) => `line-${Math.max(0, ...ds.map((d) => Number(d.id.replace('line-', '')) || 0)) + 1}`;
  const addLine = () => setDrafts((ds) => [...ds, emptyLine(nextId(ds))]);
  // An untouched first line is taken by the chosen item rather than left empty above it.
  const isBlank = (d: LineDraft) => !d.description.trim() && !d.unitPrice.trim();
  const addFromCatalogue = (item: CatalogueChoice) =>
    setDrafts((ds) => (ds.length === 1 && isBlank(ds[0]!) ? [lineDraftFromCatalogue(ds[0]!.id, item, currency)] : [...ds, lineDraftFromCatalogue(nextId(ds), item, currency)]));
  const priceText = (item: CatalogueChoice) => {
    const price = priceIn(item, currency);
    return price === undefined ? `no ${currency} price` : `${money(price)} per ${item.unit}`;
  };
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
                // A catalogue item without a price in this currency: say so where the price goes.
                const hint = (key: string) => (key === 'unitPrice' && d.catalogueItemId && d.unitPrice === '' ? `No ${currency} price in the catalogue; type one.` : undefined);
                const cell = (key: 'description' | 'quantity' | 'unit' | 'unitPrice' | 'discountPercent' | 'taxRatePercent', label: string, width: number) => (
                  <TableCell sx={{ width }}>
                    <TextField size="small" variant="standard" fullWidth value={d[key]} onChange={(e) => setLine(d.id, { [key]: e.target.value })}
                      error={!!p[key] && d[key] !== ''} helperText={d[key] !== '' ? p[key] : hint(key)} slotProps={{ htmlInput: { 'aria-label': `Line ${i + 1} ${label}` } }} />
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
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button startIcon={<AddIcon />} onClick={addLine}>Add line</Button>
              {catalogue && (
                <Autocomplete
                  options={catalogue}
                  value={null}
                  blurOnSelect
                  sx={{ width: 380 }}
                  getOptionLabel={(item) => `${item.code} ${item.name}`}
                  renderOption={({ key, ...props }, item) => <li key={key} {...props}>{item.code} {item.name} — {priceText(item)}</li>}
                  noOptionsText="No item in the catalogue matches."
                  onChange={(_e, item) => item && addFromCatalogue(item)}
                  renderInput={(params) => <TextField {...params} size="small" label="Add from catalogue" />}
                />
              )}
            </Stack>
            <Stack spacing={0.5} sx={{ minWidth: 260 }} aria-label={`${label} totals`}>
              <Typography variant="body2">Net: {money(totals.netMinor)}{totals.discountMinor ? ` (discount ${money(totals.discountMinor)})` : ''}</Typography>
              {totals.taxBands.map((band) => <Typography key={band.rateBasisPoints} variant="body2">Tax {band.rateBasisPoints / 100} %: {money(band.taxMinor)}</Typography>)}
              <Typography variant="subtitle1" data-testid={`${label.toLowerCase()}-total`}>Total: {money(totals.grossMinor)}</Typography>
            </Stack>
          </Stack>
    </>
  );
}

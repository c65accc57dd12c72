import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Button, DialogActions, DialogContent, DialogTitle, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { catalogueUnits } from '../../src-shared/crm/catalogue-item-kind';
import type { CatalogueChoice } from '../../src-shared/crm/catalogue-line';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';
import { catalogueDataOf, catalogueDraftOf, emptyCatalogueItem, type CatalogueItemDraft, type CatalogueProblems } from './catalogue-draft';

/** A new catalogue item or one being changed: code, name, type, unit, default tax rate and a price per currency. */
export function CatalogueItemDialog({ item, defaultCurrency, onClose }: { item: CatalogueChoice | null; defaultCurrency: string; onClose: () => void }) {
  const create = useCommand('records/create');
  const update = useCommand('records/update');
  const [draft, setDraft] = useState<CatalogueItemDraft>(() => (item ? catalogueDraftOf(item) : emptyCatalogueItem(defaultCurrency)));
  const [problems, setProblems] = useState<CatalogueProblems>({});
  // A field's message goes once the person changes that field; the rest stay until the next Save.
  const forget = (...keys: (keyof CatalogueProblems)[]) => setProblems((ps) => Object.fromEntries(Object.entries(ps).filter(([key]) => !keys.includes(key as keyof CatalogueProblems))));
  const set = (change: Partial<CatalogueItemDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    forget(...(Object.keys(change) as (keyof CatalogueProblems)[]));
  };
  const setPrice = (i: number, change: Partial<CatalogueItemDraft['prices'][number]>) => {
    setDraft((d) => ({ ...d, prices: d.prices.map((p, j) => (j === i ? { ...p, ...change } : p)) }));
    forget(change.amount === undefined ? `currency-${i}` : `price-${i}`);
  };
  const error = create.error ?? update.error;
  const save = async () => {
    const parsed = catalogueDataOf(draft);
    if (!parsed.ok) return setProblems(parsed.problems);
    setProblems({});
    const result = item ? await update.run({ id: item.id, data: parsed.data }) : await create.run({ kind: 'catalogue_item', data: parsed.data });
    if (result.ok) onClose();
  };
  const title = item ? `Catalogue item ${item.code}` : 'New catalogue item';
  return (
    <FormDialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="catalogue-item-title">
      <DialogTitle id="catalogue-item-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField label="Code" value={draft.code} onChange={(e) => set({ code: e.target.value })} error={!!problems.code} helperText={problems.code} sx={{ flex: 1 }} required />
            <TextField label="Name" value={draft.name} onChange={(e) => set({ name: e.target.value })} error={!!problems.name} helperText={problems.name} sx={{ flex: 2 }} required />
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField select label="Type" value={draft.type} onChange={(e) => set({ type: e.target.value as CatalogueItemDraft['type'] })} sx={{ flex: 1 }}>
              <MenuItem value="service">Service</MenuItem>
              <MenuItem value="product">Product</MenuItem>
            </TextField>
            <TextField select label="Unit" value={draft.unit} onChange={(e) => set({ unit: e.target.value as CatalogueItemDraft['unit'] })} sx={{ flex: 1 }}>
              {catalogueUnits.map((u) => <MenuItem key={u.value} value={u.value}>{u.label}</MenuItem>)}
            </TextField>
            <TextField label="Default tax rate (%)" value={draft.taxRate} onChange={(e) => set({ taxRate: e.target.value })} error={!!problems.taxRate} helperText={problems.taxRate} sx={{ flex: 1 }} />
          </Stack>
          <TextField label="Description" value={draft.description} onChange={(e) => set({ description: e.target.value })} multiline minRows={2} />
          <Typography variant="subtitle2">Price list</Typography>
          {draft.prices.map((p, i) => (
            <Stack key={i} direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <TextField label={`Currency ${i + 1}`} value={p.currency} onChange={(e) => setPrice(i, { currency: e.target.value.toUpperCase() })} error={!!problems[`currency-${i}`]} helperText={problems[`currency-${i}`]} sx={{ width: 140 }} />
              <TextField label={`Price ${i + 1}`} value={p.amount} onChange={(e) => setPrice(i, { amount: e.target.value })} error={!!problems[`price-${i}`]} helperText={problems[`price-${i}`] ?? `per ${draft.unit}`} sx={{ flex: 1 }} />
              <IconButton aria-label={`Remove price ${i + 1}`} onClick={() => { setDraft((d) => ({ ...d, prices: d.prices.filter((_p, j) => j !== i) })); setProblems({}); }}><DeleteIcon fontSize="small" /></IconButton>
            </Stack>
          ))}
          <Button startIcon={<AddIcon />} onClick={() => setDraft((d) => ({ ...d, prices: [...d.prices, { currency: '', amount: '' }] }))} sx={{ alignSelf: 'flex-start' }}>Add a price in another currency</Button>
          {error && <Alert severity="error">{errorText(error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={create.isRunning || update.isRunning} onClick={() => void save()}>Save</Button>
      </DialogActions>
    </FormDialog>
  );
}

import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useMemo, useState } from 'react';
import type { InvoiceData } from '../../src-shared/finance/invoice-kind';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { LineItemsTable } from '../crm/LineItemsTable';
import { draftTotals, emptyLine, lineDraftOf, type LineDraft } from '../crm/quotation-draft';
import { FormDialog } from '../shell/FormDialog';
import { errorText } from '../errors/error-text';

/** Loads a draft invoice before editing it; a new one starts empty. */
export function InvoiceEditor({ invoiceId, onClose }: { invoiceId: string | null; onClose: () => void }) {
  return invoiceId ? <DraftLoader id={invoiceId} onClose={onClose} /> : <InvoiceForm invoiceId={null} existing={undefined} onClose={onClose} />;
}

function DraftLoader({ id, onClose }: { id: string; onClose: () => void }) {
  const existing = useLiveQuery('records/get', { id });
  return existing.data ? <InvoiceForm invoiceId={id} existing={existing.data.data as InvoiceData} onClose={onClose} /> : null;
}

/**
 * An ad hoc invoice or a draft being changed: the customer, currency, payment terms and lines, with
 * totals computed live by the money core the host checks. Issuing is a separate step on the list.
 */
function InvoiceForm({ invoiceId, existing, onClose }: { invoiceId: string | null; existing: InvoiceData | undefined; onClose: () => void }) {
  const organisations = useLiveQuery('records/register', { kind: 'organisation', sort: { field: 'title', direction: 'asc' }, limit: 500 });
  const create = useCommand('records/create');
  const update = useCommand('records/update');
  const [organisationId, setOrganisationId] = useState(existing?.organisationId ?? '');
  const [currency, setCurrency] = useState(existing?.currency ?? 'EUR');
  const [terms, setTerms] = useState(String(existing?.paymentTermsDays ?? 30));
  const [reference, setReference] = useState(existing?.customerReference ?? '');
  const [drafts, setDrafts] = useState<LineDraft[]>(() => (existing ? existing.lines.map((l) => lineDraftOf(l, existing.currency)) : [emptyLine('line-1')]));
  const { lines, problems, totals } = useMemo(() => draftTotals(drafts, currency), [drafts, currency]);
  const termsDays = /^\d{1,3}$/.test(terms.trim()) ? Number(terms) : null;
  const error = create.error ?? update.error;
  const save = async () => {
    const data = { organisationId, currency, lines, taxRounding: 'per_line', total: { amountMinor: totals.grossMinor, currency }, paymentTermsDays: termsDays, customerReference: reference };
    const result = invoiceId ? await update.run({ id: invoiceId, data }) : await create.run({ kind: 'invoice', data });
    if (result.ok) onClose();
  };
  const canSave = organisationId !== '' && problems.size === 0 && lines.length > 0 && termsDays !== null && termsDays <= 365 && /^[A-Z]{3}$/.test(currency);
  return (
    <FormDialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="invoice-editor-title">
      <DialogTitle id="invoice-editor-title">{invoiceId ? 'Draft invoice' : 'New invoice'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField select label="Customer" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} sx={{ flex: 2 }} required
              helperText={(organisations.data?.rows.length ?? 0) === 0 ? 'No organisation yet: add the customer in CRM first.' : undefined}>
              {(organisations.data?.rows ?? []).map((o) => <MenuItem key={o.id} value={o.id}>{o.title}</MenuItem>)}
            </TextField>
            <TextField label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} sx={{ width: 110 }} disabled={invoiceId !== null}
              error={!/^[A-Z]{3}$/.test(currency)} helperText={/^[A-Z]{3}$/.test(currency) ? undefined : 'e.g. EUR'} />
            <TextField label="Payment terms (days)" value={terms} onChange={(e) => setTerms(e.target.value)} sx={{ width: 190 }}
              error={termsDays === null || termsDays > 365} helperText={termsDays === null || termsDays > 365 ? '0 to 365 days.' : 'Due this many days after issue.'} />
            <TextField label="Customer reference" value={reference} onChange={(e) => setReference(e.target.value)} sx={{ flex: 1 }} />
          </Stack>
          <LineItemsTable label="Invoice" drafts={drafts} setDrafts={setDrafts} currency={currency} problems={problems} totals={totals} />
          {error && <Alert severity="error">{errorText(error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!canSave || create.isRunning || update.isRunning} onClick={() => void save()}>Save draft</Button>
      </DialogActions>
    </FormDialog>
  );
}

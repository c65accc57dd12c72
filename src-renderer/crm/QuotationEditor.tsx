import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { offeredItems } from '../../src-shared/crm/catalogue-line';
import { needsDiscountApproval } from '../../src-shared/crm/quotation-money';
import type { QuotationData } from '../../src-shared/crm/quotation-kind';
import type { RecordView } from '../../src-shared/records/record-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useSignedInPerson } from '../records/use-people';
import { todayLocal } from '../tasks/task-labels';
import { LineItemsTable } from './LineItemsTable';
import { draftTotals, emptyLine, lineDraftOf, type LineDraft } from './quotation-draft';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const inDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A quotation's offer, new (for an open opportunity) or a draft being changed: lines from the
 * catalogue (price in the quotation's currency, unit and tax filled in) or free text, with quantity, unit price, discount and tax, totals computed as the person types with the same
 * integer-money rules the host checks (quotation-money.ts), validity and terms.
 */
export function QuotationEditor({ quotation, onClose }: { quotation: RecordView | null; onClose: () => void }) {
  const pipeline = useLiveQuery('crm/pipeline', {});
  const catalogue = useLiveQuery('crm/catalogue', {});
  const settings = useLiveQuery('crm/settings', {}).data?.settings;
  const me = useSignedInPerson();
  const create = useCommand('records/create');
  const update = useCommand('records/update');
  const existing = quotation?.data as QuotationData | undefined;
  const [opportunityId, setOpportunityId] = useState(existing?.opportunityId ?? '');
  // A new quotation is valid for the settings' days until the person picks a date.
  const [pickedValidUntil, setValidUntil] = useState<string | null>(existing?.validUntil ?? null);
  const validUntil = pickedValidUntil ?? inDays(todayLocal(), settings?.quotationValidityDays ?? 30);
  const taxRounding = existing?.taxRounding ?? settings?.taxRounding ?? 'per_line';
  const [terms, setTerms] = useState(existing?.terms ?? 'Payment within 30 days of invoice.');
  const [drafts, setDrafts] = useState<LineDraft[]>(() => (existing ? existing.lines.map((l) => lineDraftOf(l, existing.currency)) : [emptyLine('line-1')]));
  const opportunities = pipeline.data?.open ?? [];
  const opportunity = opportunities.find((o) => o.id === opportunityId);
  const currency = existing?.currency ?? opportunity?.value.currency ?? 'EUR';
  const { lines, problems, totals } = useMemo(() => draftTotals(drafts, currency, taxRounding), [drafts, currency, taxRounding]);
  const threshold = settings?.discountApprovalAbovePercent;
  const needsApproval = threshold !== undefined && needsDiscountApproval(lines, threshold);
  const error = create.error ?? update.error;

  const save = async () => {
    const offer = { currency, lines, total: { amountMinor: totals.grossMinor, currency }, validUntil, terms, taxRounding };
    const result = quotation
      ? await update.run({ id: quotation.id, data: offer })
      : await create.run({ kind: 'quotation', data: { ...offer, organisationId: opportunity?.organisationId, ...(opportunity?.contactId ? { contactId: opportunity.contactId } : {}), opportunityId, ownerId: me?.id } });
    if (result.ok) onClose();
  };
  const canSave = problems.size === 0 && lines.length > 0 && (quotation !== null || opportunity !== undefined);
  return (
    <FormDialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="quotation-editor-title">
      <DialogTitle id="quotation-editor-title">{quotation ? `Quotation ${quotation.number}` : 'New quotation'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            {quotation ? (
              <Typography sx={{ flex: 2 }}>{opportunity ? `${opportunity.name} — ${opportunity.organisationName}` : quotation.title}</Typography>
            ) : (
              <TextField select label="Opportunity" value={opportunityId} onChange={(e) => setOpportunityId(e.target.value)} sx={{ flex: 2 }} required
                helperText={opportunities.length === 0 ? 'No open opportunity: convert a lead first.' : 'The customer and contact come from it.'}>
                {opportunities.map((o) => <MenuItem key={o.id} value={o.id}>{o.number} {o.name} — {o.organisationName}</MenuItem>)}
              </TextField>
            )}
            <DateField label="Valid until" value={validUntil} onChange={setValidUntil} sx={{ flex: 1 }} />
          </Stack>
          <LineItemsTable label="Quotation" drafts={drafts} setDrafts={setDrafts} currency={currency} problems={problems} totals={totals} catalogue={offeredItems(catalogue.data ?? [])} />
          <TextField label="Terms" value={terms} onChange={(e) => setTerms(e.target.value)} multiline minRows={2} />
          {needsApproval && <Alert severity="warning">A line is discounted by more than {threshold} %: a sales manager must approve the discount before this quotation can be sent.</Alert>}
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

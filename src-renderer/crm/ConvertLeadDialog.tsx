import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { parseMoneyAmount } from '../../src-shared/finance/money';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { todayLocal } from '../tasks/task-labels';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

/** Three months from `day` ('YYYY-MM-DD'): a first guess at when a new opportunity closes. */
const inThreeMonths = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m + 2, Math.min(d, 28))).toISOString().slice(0, 10);
};

/**
 * Converting a qualified lead: the customer (from the lead's company), the contact (from its
 * person) and an opportunity in a stage of the pipeline, in one step (crm/leads/convert).
 */
export function ConvertLeadDialog({ lead, onClose, onConverted }: { lead: RegisterRow; onClose: () => void; onConverted: (text: string) => void }) {
  const pipeline = useLiveQuery('crm/pipeline', {});
  const convert = useCommand('crm/leads/convert');
  const company = String(lead.values.companyName ?? '');
  const [name, setName] = useState(company ? `${company}: ${String(lead.values.interest ?? '') || 'new business'}`.slice(0, 200) : '');
  const [stageId, setStageId] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [closeOn, setCloseOn] = useState(() => inThreeMonths(todayLocal()));
  const [amountProblem, setAmountProblem] = useState<string | undefined>();
  const stages = pipeline.data?.stages ?? [];
  const stage = stageId || stages[0]?.id || '';

  const submit = async () => {
    const value = parseMoneyAmount(amount, currency);
    if (!value.ok) return setAmountProblem(value.message);
    setAmountProblem(undefined);
    const result = await convert.run({ id: lead.id, opportunity: { name, stageId: stage, value: { amountMinor: value.amountMinor, currency }, expectedCloseOn: closeOn } });
    if (result.ok) onConverted(`${lead.title} is now a customer with the opportunity ${result.value.opportunity.number}.`);
  };
  const field = (path: string) => fieldError(convert.error, path);
  return (
    <FormDialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="convert-lead-title">
      <DialogTitle id="convert-lead-title">Convert {lead.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {company ? `${company} becomes a customer` : 'A customer is made'}, {String(lead.values.lastName ?? '') ? `${[lead.values.firstName, lead.values.lastName].filter(Boolean).join(' ')} its contact` : 'with a contact'}, and this opportunity goes into the pipeline.
          </Typography>
          <TextField label="Opportunity" value={name} onChange={(e) => setName(e.target.value)} required error={!!field('opportunity.name')} helperText={field('opportunity.name')} />
          <TextField select label="Stage" value={stage} onChange={(e) => setStageId(e.target.value)} error={!!field('opportunity.stageId')} helperText={field('opportunity.stageId') ?? 'Its probability starts at the stage’s default.'}>
            {stages.map((s) => <MenuItem key={s.id} value={s.id}>{s.label} ({s.probabilityPercent} %)</MenuItem>)}
          </TextField>
          <Stack direction="row" spacing={2}>
            <TextField label="Value" value={amount} onChange={(e) => { setAmount(e.target.value); setAmountProblem(undefined); }} required error={!!amountProblem} helperText={amountProblem} sx={{ flex: 2 }} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
            <TextField label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} sx={{ flex: 1 }} slotProps={{ htmlInput: { maxLength: 3 } }} />
          </Stack>
          <DateField label="Expected close" value={closeOn} onChange={setCloseOn} error={!!field('opportunity.expectedCloseOn')} helperText={field('opportunity.expectedCloseOn')} />
          {convert.error && !convert.error.field?.startsWith('opportunity.') && <Alert severity="error">{errorText(convert.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={convert.isRunning || !name || !amount} onClick={() => void submit()}>Convert</Button>
      </DialogActions>
    </FormDialog>
  );
}

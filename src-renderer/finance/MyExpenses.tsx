import AddIcon from '@mui/icons-material/Add';
import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { expenseClaimKind } from '../../src-shared/finance/expense-claim-kind';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { RecordTotalsTable } from './RecordTotalsTable';
import { ExpenseClaimEditor } from './ExpenseClaimEditor';
import { useExpenseSettings } from './use-expense-settings';

const tone = { approved: 'success', reimbursed: 'success', submitted: 'info', rejected: 'error' } as const;

/**
 * The signed-in person's expense claims (`#/finance/expenses`, one claim at `#/finance/expenses/<id>`):
 * start a claim with its purpose and currency, then fill it in (ExpenseClaimEditor).
 */
export function MyExpenses({ personId, personName }: { personId: string; personName: string }) {
  const { path, go } = useNavigation();
  const openId = path[0] === 'expenses' ? path[1] : undefined;
  const settings = useExpenseSettings();
  const claims = useLiveQuery('records/register', { kind: 'expense_claim', text: '', filters: [{ field: 'personId', op: 'equals', value: personId }], sort: { field: 'number', direction: 'desc' }, offset: 0, limit: 100 });
  const create = useCommand('records/create');
  const [purpose, setPurpose] = useState('');
  const [currency, setCurrency] = useState('');
  const claimCurrency = (currency || settings?.currency || 'EUR').toUpperCase();

  const start = async () => {
    const made = await create.run({ kind: 'expense_claim', data: { personId, purpose, lines: [], total: { amountMinor: 0, currency: claimCurrency } } });
    if (!made.ok) return;
    setPurpose('');
    go('finance', ['expenses', made.value.id]);
  };

  return (
    <Stack spacing={2}>
      {openId ? (
        <>
          <Stack direction="row"><Button onClick={() => go('finance', ['expenses'])}>Back to my claims</Button></Stack>
          <ExpenseClaimEditor key={openId} claimId={openId} personName={personName} />
        </>
      ) : (
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="New expense claim">
          <Stack spacing={2}>
            <Typography variant="h6" component="h3">New expense claim</Typography>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <TextField label="Purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} sx={{ flex: 1 }} placeholder="e.g. Audit visit in Berlin"
                error={create.error?.field === 'data.purpose'} helperText={create.error?.field === 'data.purpose' ? create.error.message : undefined} />
              <TextField label="Currency" value={claimCurrency} onChange={(e) => setCurrency(e.target.value)} sx={{ width: 120 }} slotProps={{ htmlInput: { maxLength: 3 } }}
                error={create.error?.field?.startsWith('data.total') === true} helperText={create.error?.field?.startsWith('data.total') ? create.error.message : undefined} />
            </Stack>
            {create.error && !create.error.field?.startsWith('data.') && <Alert severity="error">{errorText(create.error)}</Alert>}
            <Stack direction="row"><Button variant="contained" startIcon={<AddIcon />} onClick={() => void start()} disabled={create.isRunning}>Start a claim</Button></Stack>
          </Stack>
        </Paper>
      )}
      <Paper variant="outlined" component="section" aria-label="Your expense claims">
        <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>Your claims</Typography>
        {claims.error && <Alert severity="error">{errorText(claims.error)}</Alert>}
        {claims.data && claims.data.rows.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 2 }}>You have not claimed any expenses yet.</Typography>
        ) : (
          <RecordTotalsTable label="Expense claims" rows={claims.data?.rows ?? []} openId={openId} onOpen={(id) => go('finance', ['expenses', id])}
            what={{ heading: 'Purpose', of: (r) => String(r.values.purpose ?? '') }} statusLabel={statusLabel} tones={tone} rowTestId="expense-claim-row" />
        )}
      </Paper>
    </Stack>
  );
}

const statusLabel = (status: string) => expenseClaimKind.statuses.find((s) => s.id === status)?.label ?? status;

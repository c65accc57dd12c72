import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { expenseCategories, expenseCategoryLabels, type ExpenseCategory } from '../../src-shared/finance/expense-categories';
import { expenseSettingsKind, policyOf, type ExpenseSettings } from '../../src-shared/finance/expense-settings-kind';
import { formatMoney } from '../../src-shared/format/display-format';
import { majorAmountText, parseMoneyAmount } from '../../src-shared/finance/money';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useExpenseSettings } from './use-expense-settings';

type Texts = Record<ExpenseCategory, { limit: string; receiptAbove: string }>;

const textsOf = (s: ExpenseSettings): Texts =>
  Object.fromEntries(expenseCategories.map((c) => {
    const p = policyOf(s, c);
    return [c, { limit: p.limitMinor === null ? '' : majorAmountText(p.limitMinor, s.currency), receiptAbove: p.receiptAboveMinor === null ? '' : majorAmountText(p.receiptAboveMinor, s.currency) }];
  })) as Texts;

/** An amount typed in a policy field: empty means "none". */
const amountOf = (text: string, currency: string): { ok: true; minor: number | null } | { ok: false; message: string } => {
  if (!text.trim()) return { ok: true, minor: null };
  const parsed = parseMoneyAmount(text, currency);
  return parsed.ok ? { ok: true, minor: parsed.amountMinor } : parsed;
};

/**
 * Finance's expense policy (the one `expense_settings` record): per category the most a line may
 * claim and the amount above which it needs a receipt, and the mileage rate. Everyone reads what
 * applies to their claims; only finance changes it (the kind's rules, here and on the sync server).
 */
export function ExpensePolicyTab({ isFinance }: { isFinance: boolean }) {
  const settings = useExpenseSettings();
  const found = useLiveQuery('records/register', { kind: 'expense_settings', text: '', filters: [], offset: 0, limit: 1 });
  const create = useCommand('records/create');
  const update = useCommand('records/update');
  const [texts, setTexts] = useState<Texts | null>(null);
  const [rate, setRate] = useState('');
  const [reminderDays, setReminderDays] = useState('');
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings && texts === null) {
      setTexts(textsOf(settings));
      setRate(majorAmountText(settings.mileageRateMinorPerKm, settings.currency));
      setReminderDays(settings.overdueReminderDays.join(', '));
    }
  }, [settings, texts]);
  if (!settings || !texts) return <Typography color="text.secondary">Loading the expense policy…</Typography>;
  const currency = settings.currency;

  const save = async () => {
    setProblem('');
    setSaved(false);
    const policies = [];
    for (const category of expenseCategories) {
      const limit = amountOf(texts[category].limit, currency);
      const receipt = amountOf(texts[category].receiptAbove, currency);
      if (!limit.ok || !receipt.ok) return setProblem(`${expenseCategoryLabels[category]}: ${!limit.ok ? limit.message : !receipt.ok ? receipt.message : ''}`);
      policies.push({ category, limitMinor: limit.minor, receiptAboveMinor: receipt.minor });
    }
    const mileage = parseMoneyAmount(rate, currency);
    if (!mileage.ok) return setProblem(`Mileage rate: ${mileage.message}`);
    const days = reminderDays.split(/[\s,;]+/).filter(Boolean);
    if (days.some((d) => !/^\d{1,3}$/.test(d))) return setProblem('Overdue reminders: whole days after the due date, separated by commas, e.g. 7, 14, 30.');
    const data = { ...settings, policies, mileageRateMinorPerKm: mileage.amountMinor, overdueReminderDays: days.map(Number) };
    const id = found.data?.rows[0]?.id;
    const result = id ? await update.run({ id, data }) : await create.run({ kind: expenseSettingsKind.kind, data });
    if (!result.ok) return setProblem(errorText(result.error));
    setSaved(true);
  };
  const set = (category: ExpenseCategory, field: 'limit' | 'receiptAbove', value: string) => setTexts({ ...texts, [category]: { ...texts[category], [field]: value } });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Expense policy">
      <Stack spacing={2}>
        <Typography variant="h6" component="h3">Expense policy</Typography>
        <Typography color="text.secondary">{isFinance ? `Amounts in ${currency}. Leave a field empty for no limit, or no receipt needed; 0 asks a receipt for every line.` : 'What finance allows per line. Only finance changes it.'}</Typography>
        <TextField label={`Mileage rate (${currency} a km)`} value={rate} onChange={(e) => setRate(e.target.value)} disabled={!isFinance} sx={{ maxWidth: 260 }}
          helperText={`Now ${formatMoney(settings.mileageRateMinorPerKm, currency)} a km`} />
        <TextField label="Remind customers of an overdue invoice (days after the due date)" value={reminderDays} onChange={(e) => setReminderDays(e.target.value)} disabled={!isFinance} sx={{ maxWidth: 520 }}
          helperText="The invoice PDF is emailed again to the customer on each of these days while it is unpaid, e.g. 7, 14, 30. Empty: no reminders." />
        <Table size="small" aria-label="Limits per category">
          <TableHead><TableRow><TableCell>Category</TableCell><TableCell>Most a line may claim</TableCell><TableCell>Receipt needed above</TableCell></TableRow></TableHead>
          <TableBody>
            {expenseCategories.map((c) => (
              <TableRow key={c}>
                <TableCell>{expenseCategoryLabels[c]}</TableCell>
                <TableCell><TextField size="small" value={texts[c].limit} onChange={(e) => set(c, 'limit', e.target.value)} disabled={!isFinance} placeholder="No limit" slotProps={{ htmlInput: { 'aria-label': `${expenseCategoryLabels[c]}: most a line may claim` } }} /></TableCell>
                <TableCell><TextField size="small" value={texts[c].receiptAbove} onChange={(e) => set(c, 'receiptAbove', e.target.value)} disabled={!isFinance} placeholder="No receipt needed" slotProps={{ htmlInput: { 'aria-label': `${expenseCategoryLabels[c]}: receipt needed above` } }} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {problem && <Alert severity="error" data-testid="policy-refusal">{problem}</Alert>}
        {saved && <Alert severity="success" data-testid="policy-saved">The expense policy is saved; new claims are checked against it, and overdue invoices reminded on the days set.</Alert>}
        {isFinance && <Stack direction="row"><Button variant="contained" onClick={() => void save()} disabled={create.isRunning || update.isRunning}>Save the policy</Button></Stack>}
      </Stack>
    </Paper>
  );
}

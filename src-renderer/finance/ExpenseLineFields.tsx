import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, IconButton, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { expenseCategories, expenseCategoryLabels, type ExpenseCategory } from '../../src-shared/finance/expense-categories';
import type { PolicyProblem } from '../../src-shared/finance/expense-policy';
import type { ExpenseSettings } from '../../src-shared/finance/expense-settings-kind';
import type { AttachmentView } from '../../src-shared/files/attachment-contract';
import { formatMoney } from '../../src-shared/format/display-format';
import { DateField } from '../format/DateField';
import { amountOfLine, type LineDraft } from './expense-draft';

interface Props {
  index: number;
  line: LineDraft;
  currency: string;
  settings: ExpenseSettings;
  projects: readonly { id: string; name: string }[];
  receipts: readonly AttachmentView[];
  /** Finance's policy on this line, as it stands while it is typed. */
  problems: readonly PolicyProblem[];
  /** A refusal from the host about one of this line's fields. */
  refusal?: { field: string; message: string } | undefined;
  onChange: (line: LineDraft) => void;
  onRemove: () => void;
}

/**
 * One line of an expense claim being filled in: date, category, what for, the amount (or the
 * kilometres of a mileage line, costed at finance's rate as they are typed), the project or cost
 * centre it is charged to, and its receipt — one of the files attached to the claim. Finance's
 * policy speaks right under the line while it is typed.
 */
export function ExpenseLineFields({ index, line, currency, settings, projects, receipts, problems, refusal, onChange, onRemove }: Props) {
  const set = (patch: Partial<LineDraft>) => onChange({ ...line, ...patch });
  const amount = amountOfLine(line, currency, settings);
  const isMileage = line.category === 'mileage';
  const refusalOf = (field: string) => (refusal?.field === field ? refusal.message : undefined);
  const label = `Line ${index + 1}`;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="fieldset" aria-label={label} data-testid="expense-line">
      <Stack spacing={1.5}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="subtitle2" component="legend">{label}</Typography>
          <IconButton aria-label={`Remove line ${index + 1}`} onClick={onRemove} size="small"><DeleteOutlinedIcon /></IconButton>
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <DateField label="Date" value={line.date} onChange={(date) => set({ date })} error={Boolean(refusalOf('date'))} {...(refusalOf('date') ? { helperText: refusalOf('date') } : {})} />
          <TextField select label="Category" value={line.category} onChange={(e) => set({ category: e.target.value as ExpenseCategory })} sx={{ minWidth: 220 }}>
            {expenseCategories.map((c) => <MenuItem key={c} value={c}>{expenseCategoryLabels[c]}</MenuItem>)}
          </TextField>
          <TextField label="What for" value={line.description} onChange={(e) => set({ description: e.target.value })} sx={{ flex: 1 }} error={Boolean(refusalOf('description'))} helperText={refusalOf('description')} />
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          {isMileage ? (
            <TextField label="Kilometres" value={line.distanceText} onChange={(e) => set({ distanceText: e.target.value })} slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              helperText={'amountMinor' in amount ? `${formatMoney(amount.amountMinor, currency)} at ${formatMoney(settings.mileageRateMinorPerKm, settings.currency)} a km` : (refusalOf('distanceKm') ?? `Paid at ${formatMoney(settings.mileageRateMinorPerKm, settings.currency)} a km`)} />
          ) : (
            <TextField label={`Amount (${currency})`} value={line.amountText} onChange={(e) => set({ amountText: e.target.value })} slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              error={Boolean(line.amountText && 'problem' in amount)} helperText={line.amountText && 'problem' in amount ? amount.problem : undefined} />
          )}
          <TextField select label="Project" value={line.projectId} onChange={(e) => set({ projectId: e.target.value })} sx={{ minWidth: 200 }}>
            <MenuItem value="">No project</MenuItem>
            {projects.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
          </TextField>
          <TextField label="Cost centre" value={line.costCentre} onChange={(e) => set({ costCentre: e.target.value })} error={Boolean(refusalOf('costCentre'))} helperText={refusalOf('costCentre') ?? 'When it is not for a project'} />
          <TextField select label="Receipt" value={line.receiptAttachmentId} onChange={(e) => set({ receiptAttachmentId: e.target.value })} sx={{ minWidth: 200 }}
            helperText={receipts.length === 0 ? 'Attach receipts to the claim below first' : undefined}>
            <MenuItem value="">No receipt</MenuItem>
            {receipts.map((r) => <MenuItem key={r.id} value={r.id}>{r.name}</MenuItem>)}
          </TextField>
        </Stack>
        {problems.map((p) => (
          <Alert key={p.field} severity={p.severity === 'blocking' ? 'warning' : 'info'} data-testid="policy-note">{p.message}</Alert>
        ))}
        {refusal && !['date', 'description', 'costCentre', 'distanceKm'].includes(refusal.field) && <Alert severity="error" data-testid="claim-refusal">{refusal.message}</Alert>}
      </Stack>
    </Paper>
  );
}

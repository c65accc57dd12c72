import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Button, Chip, IconButton, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { BudgetData } from '../../src-shared/finance/budget-kind';
import { budgetTotalMinor } from '../../src-shared/finance/budget-lines';
import { majorAmountText, parseMoneyAmount } from '../../src-shared/finance/money';
import { formatMoney } from '../../src-shared/format/display-format';
import { budgetCategorySchema, type BudgetCategory } from '../../src-shared/projects/plan-item-model';
import { useBridge, useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { label } from '../projects/project-labels';
import { useNavigation } from '../shell/navigation';
import { newCommandId } from '../workflows/command-id';
import { BudgetStandingTable } from './BudgetStandingTable';
import { ConfirmFirstStep } from './ConfirmFirstStep';

interface LineDraft { key: string; category: BudgetCategory; amountText: string; note: string }

const draftOf = (line: BudgetData['lines'][number], currency: string): LineDraft => ({ key: newCommandId(), category: line.category, amountText: majorAmountText(line.amountMinor, currency), note: line.note });

/** The lines as data, or the first line whose amount is not an amount. */
function linesOf(drafts: readonly LineDraft[], currency: string): { lines: BudgetData['lines'] } | { problem: string; index: number } {
  const lines: BudgetData['lines'] = [];
  for (const [index, d] of drafts.entries()) {
    const amount = parseMoneyAmount(d.amountText || '0', currency);
    if (!amount.ok) return { problem: amount.message, index };
    lines.push({ category: d.category, amountMinor: amount.amountMinor, note: d.note });
  }
  return { lines };
}

/**
 * One budget (`#/finance/budgets/<id>`). A draft is filled in by category; "Send for approval" saves
 * it and starts BUDGET_APPROVAL on it, whose first step the holder confirms right here. An approved
 * budget shows where it stands against its costs and is changed only by a revision: a new version
 * that goes through approval again.
 */
export function BudgetEditor({ budgetId, personName }: { budgetId: string; personName: string }) {
  const record = useLiveQuery('records/get', { id: budgetId });
  const standings = useLiveQuery('finance/budgets/standing', {});
  const update = useCommand('records/update');
  const create = useCommand('records/create');
  const client = useBridge();
  const { go } = useNavigation();
  const [drafts, setDrafts] = useState<LineDraft[] | null>(null);
  const [problem, setProblem] = useState('');
  const [isSaved, setIsSaved] = useState(false);
  const data = record.data?.data as BudgetData | undefined;
  const currency = data?.total.currency ?? 'EUR';

  useEffect(() => {
    if (data && drafts === null) setDrafts(data.lines.map((l) => draftOf(l, data.total.currency)));
  }, [data, drafts]);

  if (record.error) return <Alert severity="error">{errorText(record.error)}</Alert>;
  if (!record.data || !data || drafts === null) return <LinearProgress aria-label="Opening the budget" />;
  const budget = record.data;
  const parsed = linesOf(drafts, currency);
  const total = 'lines' in parsed ? budgetTotalMinor(parsed.lines) : null;
  const standing = standings.data?.find((s) => s.budgetId === budgetId);
  const isDraft = budget.status === 'draft';

  const change = (next: LineDraft[]) => {
    setDrafts(next);
    setIsSaved(false);
  };
  const save = async () => {
    setProblem('');
    if (!('lines' in parsed)) return false;
    const saved = await update.run({ id: budgetId, data: { ...data, lines: parsed.lines, total: { amountMinor: budgetTotalMinor(parsed.lines), currency } } });
    setIsSaved(saved.ok);
    return saved.ok;
  };
  const send = async () => {
    if (!(await save())) return;
    const started = await client.call('workflows/instances/start', { commandId: newCommandId(), code: 'BUDGET_APPROVAL', entityType: 'budget', entityId: budgetId });
    if (!started.ok) setProblem(`The budget is saved, but its approval could not start: ${errorText(started.error)}`);
  };
  const revise = async () => {
    const made = await create.run({ kind: 'budget', data: { ...data, version: data.version + 1, revisesId: budgetId } });
    if (made.ok) go('finance', ['budgets', made.value.id]);
  };

  return (
    <Stack spacing={2} component="section" aria-label={`Budget ${budget.number}`}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3">Budget {budget.number}</Typography>
        <Chip size="small" label={budget.statusLabel} data-testid="budget-status" />
        <Typography color="text.secondary">{budget.title}</Typography>
        <Typography sx={{ ml: 'auto' }} data-testid="budget-total">Total {total === null ? '—' : formatMoney(total, currency)}</Typography>
      </Stack>
      {drafts.map((line, index) => (
        <Stack key={line.key} direction={{ xs: 'column', md: 'row' }} spacing={2} role="group" aria-label={`Line ${index + 1}`}>
          <TextField select label="Category" value={line.category} disabled={!isDraft} sx={{ minWidth: 180 }}
            onChange={(e) => change(drafts.map((d, i) => (i === index ? { ...d, category: e.target.value as BudgetCategory } : d)))}>
            {budgetCategorySchema.options.map((c) => <MenuItem key={c} value={c}>{label(c)}</MenuItem>)}
          </TextField>
          <TextField label={`Amount (${currency})`} value={line.amountText} disabled={!isDraft}
            error={'index' in parsed && parsed.index === index} helperText={'index' in parsed && parsed.index === index ? parsed.problem : undefined}
            onChange={(e) => change(drafts.map((d, i) => (i === index ? { ...d, amountText: e.target.value } : d)))} />
          <TextField label="Note" value={line.note} disabled={!isDraft} sx={{ flex: 1 }} onChange={(e) => change(drafts.map((d, i) => (i === index ? { ...d, note: e.target.value } : d)))} />
          {isDraft && <IconButton aria-label={`Remove line ${index + 1}`} onClick={() => change(drafts.filter((_, i) => i !== index))}><DeleteIcon /></IconButton>}
        </Stack>
      ))}
      {isDraft && (
        <>
          <Stack direction="row"><Button startIcon={<AddIcon />} onClick={() => change([...drafts, { key: newCommandId(), category: 'consumables', amountText: '', note: '' }])}>Add a line</Button></Stack>
          {update.error && <Alert severity="error" data-testid="budget-refusal">{errorText(update.error)}</Alert>}
          {problem && <Alert severity="error" data-testid="budget-refusal">{problem}</Alert>}
          {isSaved && !problem && <Typography color="text.secondary">Saved.</Typography>}
          <ConfirmFirstStep recordId={budgetId} testId="budget-confirm" personName={personName} text={`Budget ${budget.number} is ready. Confirm it to send it for approval.`} />
          <Stack direction="row" spacing={2}>
            <Button variant="outlined" onClick={() => void save()} disabled={update.isRunning || total === null}>Save draft</Button>
            <Button variant="contained" onClick={() => void send()} disabled={update.isRunning || !total}>Send for approval</Button>
          </Stack>
        </>
      )}
      {budget.status === 'in_approval' && <Alert severity="info">In approval; Workflows → My work shows its approvers.</Alert>}
      {budget.status === 'approved' && (
        <>
          {standing && <BudgetStandingTable standing={standing} />}
          {!standing && <Typography color="text.secondary">A later version of this budget is the one that counts.</Typography>}
          {create.error && <Alert severity="error">{errorText(create.error)}</Alert>}
          <Stack direction="row"><Button variant="outlined" onClick={() => void revise()} disabled={create.isRunning}>Revise as version {data.version + 1}</Button></Stack>
        </>
      )}
    </Stack>
  );
}

import AddIcon from '@mui/icons-material/Add';
import { Alert, Button, Chip, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import type { ExpenseClaimData } from '../../src-shared/finance/expense-claim-kind';
import { blockingProblems, checkExpensePolicy } from '../../src-shared/finance/expense-policy';
import { formatMoney } from '../../src-shared/format/display-format';
import { useBridge, useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { useRecordNav } from '../records/record-routes';
import { newCommandId } from '../workflows/command-id';
import { ClaimSummary } from './ClaimSummary';
import { ConfirmClaim } from './ConfirmClaim';
import { claimDataOf, draftOfLine, emptyLine, type LineDraft } from './expense-draft';
import { ExpenseLineFields } from './ExpenseLineFields';
import { useExpenseSettings } from './use-expense-settings';

const today = () => new Date().toISOString().slice(0, 10);

/** `data.lines.2.amountMinor` → line 2, field amountMinor. */
const lineRefusal = (field: string | undefined) => {
  const match = /^(?:data\.)?lines\.(\d+)\.(\w+)/.exec(field ?? '');
  return match ? { index: Number(match[1]), field: match[2] as string } : null;
};

/**
 * One expense claim of the signed-in person. A draft is filled in here: its purpose, its lines,
 * its receipts (files attached to the claim, each chosen on its line); finance's policy speaks
 * under each line as it is typed. "Send for approval" saves it and starts the EXPENSE_CLAIM
 * workflow on it; the claimant confirms the first step right here. Once sent, the claim is shown
 * as it stands, with where its approval is.
 */
export function ExpenseClaimEditor({ claimId, personName }: { claimId: string; personName: string }) {
  const record = useLiveQuery('records/get', { id: claimId });
  const settings = useExpenseSettings();
  const projects = useLiveQuery('projects/list', { includeArchived: false });
  const receipts = useLiveQuery('attachments/list', { subjectType: 'records', subjectId: claimId });
  const update = useCommand('records/update');
  const client = useBridge();
  const nav = useRecordNav();
  const [purpose, setPurpose] = useState('');
  const [lines, setLines] = useState<LineDraft[] | null>(null);
  const [startProblem, setStartProblem] = useState('');
  const [isSaved, setIsSaved] = useState(false);
  const data = record.data?.data as ExpenseClaimData | undefined;
  const currency = data?.total.currency ?? 'EUR';

  useEffect(() => {
    if (!data || lines !== null) return;
    setPurpose(data.purpose);
    setLines(data.lines.map(draftOfLine));
  }, [data, lines]);

  const proposed = useMemo(() => (settings && lines ? claimDataOf(purpose, currency, lines, settings) : null), [settings, lines, purpose, currency]);
  const problems = useMemo(() => (proposed && settings ? checkExpensePolicy(proposed.lines, settings) : []), [proposed, settings]);

  if (record.error) return <Alert severity="error">{errorText(record.error)}</Alert>;
  if (!record.data || !data || !settings || lines === null || !proposed) return <LinearProgress aria-label="Opening the claim" />;
  const claim = record.data;
  if (claim.status !== 'draft') return <ClaimSummary claim={claim} data={data} onOpen={() => nav.openRecord(claim.id)} />;

  const refusal = lineRefusal(update.error?.field);
  const general = update.error && !refusal ? errorText(update.error) : '';
  const blocking = blockingProblems(problems);
  const change = (next: LineDraft[]) => {
    setLines(next);
    setIsSaved(false);
  };
  const save = async () => {
    const saved = await update.run({ id: claimId, data: proposed });
    setIsSaved(saved.ok);
    return saved.ok;
  };
  const send = async () => {
    setStartProblem('');
    if (!(await save())) return;
    const started = await client.call('workflows/instances/start', { commandId: newCommandId(), code: 'EXPENSE_CLAIM', entityType: 'expense_claim', entityId: claimId });
    if (!started.ok) setStartProblem(errorText(started.error));
  };

  return (
    <Stack spacing={2} component="section" aria-label={`Expense claim ${claim.number}`}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3">Expense claim {claim.number}</Typography>
        <Chip size="small" label={claim.statusLabel} />
        <Typography sx={{ ml: 'auto' }} data-testid="claim-total">Total {formatMoney(proposed.total.amountMinor, currency)}</Typography>
      </Stack>
      <TextField label="Purpose" value={purpose} onChange={(e) => { setPurpose(e.target.value); setIsSaved(false); }} error={update.error?.field === 'data.purpose'} helperText={update.error?.field === 'data.purpose' ? update.error.message : undefined} />
      {lines.map((line, index) => (
        <ExpenseLineFields key={line.id} index={index} line={line} currency={currency} settings={settings} projects={projects.data ?? []} receipts={receipts.data?.items ?? []}
          problems={problems.filter((p) => p.lineIndex === index)} refusal={refusal?.index === index ? { field: refusal.field, message: update.error?.message ?? '' } : undefined}
          onChange={(next) => change(lines.map((l, i) => (i === index ? next : l)))} onRemove={() => change(lines.filter((_, i) => i !== index))} />
      ))}
      <Stack direction="row">
        <Button startIcon={<AddIcon />} onClick={() => change([...lines, emptyLine(newCommandId(), lines.at(-1)?.date ?? today())])}>Add a line</Button>
      </Stack>
      <Paper variant="outlined" sx={{ p: 2 }} aria-label="Receipts">
        <Typography variant="subtitle1" component="h4" sx={{ mb: 1 }}>Receipts</Typography>
        <AttachmentsPanel subjectType="records" subjectId={claimId} />
      </Paper>
      {general && <Alert severity="error" data-testid="claim-refusal">{general}</Alert>}
      {startProblem && <Alert severity="error" data-testid="claim-refusal">The claim is saved, but its approval could not start: {startProblem}</Alert>}
      {isSaved && !startProblem && <Typography color="text.secondary" data-testid="claim-saved">Saved.</Typography>}
      <ConfirmClaim claimId={claimId} number={claim.number} personName={personName} />
      <Stack direction="row" spacing={2}>
        <Button variant="outlined" onClick={() => void save()} disabled={update.isRunning}>Save draft</Button>
        <Button variant="contained" onClick={() => void send()} disabled={update.isRunning || blocking.length > 0}>Send for approval</Button>
        {blocking.length > 0 && <Typography color="warning.main" sx={{ alignSelf: 'center' }}>Sort out the warnings above to send it.</Typography>}
      </Stack>
    </Stack>
  );
}

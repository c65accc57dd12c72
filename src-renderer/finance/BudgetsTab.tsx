import AddIcon from '@mui/icons-material/Add';
import { Alert, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { budgetKind, type BudgetData } from '../../src-shared/finance/budget-kind';
import { supersededBudgetIds } from '../../src-shared/finance/budget-standing';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { RecordTotalsTable } from './RecordTotalsTable';
import { BudgetEditor } from './BudgetEditor';

const tone = { approved: 'success', in_approval: 'info', closed: 'default', superseded: 'default' } as const;
const statusLabel = (status: string) => (status === 'superseded' ? 'Superseded' : (budgetKind.statuses.find((s) => s.id === status)?.label ?? status));

/** The register's rows, an approved version a later approved one replaces shown as superseded (budget-standing.ts). */
function withSuperseded(rows: readonly RegisterRow[]): RegisterRow[] {
  const superseded = supersededBudgetIds(rows.map((r) => ({ id: r.id, status: r.status, data: r.values as unknown as Pick<BudgetData, 'holder' | 'projectId' | 'departmentId' | 'year' | 'version'> })));
  return rows.map((r) => (superseded.has(r.id) ? { ...r, status: 'superseded' } : r));
}

/**
 * Budgets (`#/finance/budgets`, one at `#/finance/budgets/<id>`): the budgets the person may read —
 * their own as a project manager or head of department, their people's, all for finance — and a new
 * yearly budget for a project (held by its manager) or a department (held by one of its heads).
 */
export function BudgetsTab({ personId, personName }: { personId: string; personName: string }) {
  const { path, go } = useNavigation();
  const openId = path[0] === 'budgets' ? path[1] : undefined;
  const budgets = useLiveQuery('records/register', { kind: 'budget', text: '', filters: [], sort: { field: 'number', direction: 'desc' }, offset: 0, limit: 200 });
  const projects = useLiveQuery('projects/list', { includeArchived: false });
  const departments = useLiveQuery('departments/list', { includeInactive: false });
  const create = useCommand('records/create');
  const [holder, setHolder] = useState<'project' | 'department'>('project');
  const [holderId, setHolderId] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [currency, setCurrency] = useState('EUR');

  const start = async () => {
    const project = projects.data?.find((p) => p.id === holderId);
    const heads = departments.data?.find((d) => d.id === holderId)?.heads ?? [];
    const holderPerson = holder === 'project' ? (project?.ownerId ?? personId) : (heads.find((h) => h.id === personId)?.id ?? heads[0]?.id ?? personId);
    const made = await create.run({
      kind: 'budget',
      data: { holder, ...(holder === 'project' ? { projectId: holderId } : { departmentId: holderId }), personId: holderPerson, holderName: choices.find((c) => c.id === holderId)?.name ?? '', year: Number(year), lines: [], total: { amountMinor: 0, currency: currency.toUpperCase() }, version: 1 },
    });
    if (made.ok) go('finance', ['budgets', made.value.id]);
  };
  const fieldError = (field: string) => (create.error?.field?.startsWith(field) ? create.error.message : undefined);
  const choices = holder === 'project' ? (projects.data ?? []).map((p) => ({ id: p.id, name: `${p.code} ${p.name}` })) : (departments.data ?? []).map((d) => ({ id: d.id, name: d.name }));

  return (
    <Stack spacing={2}>
      {openId ? (
        <>
          <Stack direction="row"><Button onClick={() => go('finance', ['budgets'])}>Back to budgets</Button></Stack>
          <BudgetEditor key={openId} budgetId={openId} personName={personName} />
        </>
      ) : (
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="New budget">
          <Stack spacing={2}>
            <Typography variant="h6" component="h3">New budget</Typography>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <TextField select label="For" value={holder} onChange={(e) => { setHolder(e.target.value as 'project' | 'department'); setHolderId(''); }} sx={{ minWidth: 160 }}>
                <MenuItem value="project">A project</MenuItem>
                <MenuItem value="department">A department</MenuItem>
              </TextField>
              <TextField select label={holder === 'project' ? 'Project' : 'Department'} value={holderId} onChange={(e) => setHolderId(e.target.value)} sx={{ flex: 1 }}
                error={Boolean(fieldError(`data.${holder}Id`))} helperText={fieldError(`data.${holder}Id`)}>
                {choices.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
              </TextField>
              <TextField label="Year" value={year} onChange={(e) => setYear(e.target.value)} sx={{ width: 110 }} error={Boolean(fieldError('data.year'))} helperText={fieldError('data.year')} />
              <TextField label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value)} sx={{ width: 110 }} slotProps={{ htmlInput: { maxLength: 3 } }} error={Boolean(fieldError('data.total'))} helperText={fieldError('data.total')} />
            </Stack>
            {create.error && !['data.projectId', 'data.departmentId', 'data.year', 'data.total'].some((f) => create.error?.field?.startsWith(f)) && <Alert severity="error" data-testid="budget-refusal">{errorText(create.error)}</Alert>}
            <Stack direction="row"><Button variant="contained" startIcon={<AddIcon />} onClick={() => void start()} disabled={create.isRunning || !holderId}>Start a budget</Button></Stack>
          </Stack>
        </Paper>
      )}
      <Paper variant="outlined" component="section" aria-label="Budgets">
        <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>Budgets</Typography>
        {budgets.error && <Alert severity="error">{errorText(budgets.error)}</Alert>}
        {budgets.data && budgets.data.rows.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 2 }}>No budgets yet.</Typography>
        ) : (
          <RecordTotalsTable label="Budgets" rows={withSuperseded(budgets.data?.rows ?? [])} openId={openId} onOpen={(id) => go('finance', ['budgets', id])}
            what={{ heading: 'Budget', of: (r) => r.title }} statusLabel={statusLabel} tones={tone} rowTestId="budget-row" />
        )}
      </Paper>
    </Stack>
  );
}

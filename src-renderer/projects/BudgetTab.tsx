import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import SavingsIcon from '@mui/icons-material/Savings';
import {
  Alert, Box, Button, Chip, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { budgetCategorySchema, type BudgetLine } from '../../src-shared/projects/plan-item-model';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { formatMoney } from '../tasks/task-labels';
import { ProjectBudgetStanding } from '../finance/ProjectBudgetStanding';
import { BudgetSummary } from './BudgetSummary';
import { PlanItemDialog, errorProps } from './PlanItemDialog';
import { label } from './project-labels';

const toMinor = (text: string) => Math.round(Number(text || '0') * 100);

function BudgetLineDialog({ projectId, currency, line, isOpen, onClose }: { projectId: string; currency: string; line: BudgetLine | null; isOpen: boolean; onClose: () => void }) {
  const create = useCommand('plan-items/create');
  const update = useCommand('plan-items/update');
  const [v, setV] = useState({ title: '', category: 'consumables' as BudgetLine['data']['category'], planned: '', actual: '', notes: '' });
  useEffect(() => {
    if (!isOpen) return;
    setV(line ? { title: line.title, category: line.data.category, planned: String(line.data.planned.amountMinor / 100), actual: String(line.data.actual.amountMinor / 100), notes: line.data.notes } : { title: '', category: 'consumables', planned: '', actual: '', notes: '' });
    create.clearError();
    update.clearError();
  }, [isOpen, line]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when opened
  const set = (field: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [field]: e.target.value }));
  const error = line ? update.error : create.error;
  const save = async () => {
    const data = { category: v.category, planned: { amountMinor: toMinor(v.planned), currency }, actual: { amountMinor: toMinor(v.actual), currency }, notes: v.notes };
    const result = line ? await update.run({ kind: 'budget_line', id: line.id, title: v.title, data }) : await create.run({ kind: 'budget_line', projectId, title: v.title, data });
    if (result.ok) onClose();
  };
  return (
    <PlanItemDialog title={line ? 'Edit budget line' : 'New budget line'} isOpen={isOpen} isRunning={create.isRunning || update.isRunning} error={error} onCancel={onClose} onSubmit={() => void save()}
      shownFields={['title', 'data.planned.amountMinor', 'data.actual.amountMinor']}>
      <TextField label="Line" value={v.title} onChange={set('title')} autoFocus {...errorProps(error, 'title')} />
      <TextField select label="Category" value={v.category} onChange={set('category')}>{budgetCategorySchema.options.map((c) => <MenuItem key={c} value={c}>{label(c)}</MenuItem>)}</TextField>
      <Stack direction="row" spacing={2}>
        <TextField label={`Planned (${currency})`} type="number" value={v.planned} onChange={set('planned')} fullWidth {...errorProps(error, 'data.planned.amountMinor')} />
        <TextField label={`Actual so far (${currency})`} type="number" value={v.actual} onChange={set('actual')} fullWidth {...errorProps(error, 'data.actual.amountMinor')} />
      </Stack>
      <TextField label="Notes" value={v.notes} onChange={set('notes')} multiline minRows={2} />
    </PlanItemDialog>
  );
}

/** Budget lines, actuals per category, variance and the 80% / 100% warnings. Labour comes from time entries at the cost rates. */
export function BudgetTab({ project, canManage }: { project: ProjectDocument; canManage: boolean }) {
  const overview = useLiveQuery('budget/overview', { projectId: project.id });
  const people = useLiveQuery('people/list', { includeInactive: true });
  const [editing, setEditing] = useState<{ line: BudgetLine | null } | null>(null);
  const o = overview.data;
  const currency = project.budget?.currency ?? o?.report?.currency ?? 'EUR';
  const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  return (
    <Stack spacing={3}>
      <ProjectBudgetStanding projectId={project.id} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 3fr' }, gap: 2 }}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>Budget vs actual</Typography>
          {o && <BudgetSummary report={o.report} problem={o.problem} />}
          {overview.error && <Alert severity="error">{errorText(overview.error)}</Alert>}
        </Paper>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>By category</Typography>
          {o?.report && o.report.categories.length > 0 ? (
            <Table size="small" aria-label="Budget by category">
              <TableHead><TableRow><TableCell>Category</TableCell><TableCell align="right">Planned</TableCell><TableCell align="right">Actual</TableCell><TableCell align="right">Variance</TableCell><TableCell>Used</TableCell></TableRow></TableHead>
              <TableBody>
                {o.report.categories.map((c) => (
                  <TableRow key={c.category}>
                    <TableCell>{label(c.category)}</TableCell>
                    <TableCell align="right">{formatMoney(c.plannedMinor, currency)}</TableCell>
                    <TableCell align="right">{formatMoney(c.actualMinor, currency)}</TableCell>
                    <TableCell align="right" sx={{ color: c.varianceMinor < 0 ? 'error.main' : undefined }}>{formatMoney(c.varianceMinor, currency)}</TableCell>
                    <TableCell>{c.warning ? <Chip size="small" color={c.warning.threshold === 100 ? 'error' : 'warning'} label={c.percentUsed === null ? 'unplanned' : `${c.percentUsed}%`} /> : c.percentUsed === null ? '—' : `${c.percentUsed}%`}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : <Typography variant="body2" color="text.secondary">Add budget lines to see costs per category.</Typography>}
          {(o?.costRates ?? []).length > 0 && (
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
              Labour rates: {(o?.costRates ?? []).map((r) => `${names.get(r.personId) ?? r.personId} ${formatMoney(r.hourlyRateMinor, r.currency)}/h`).join(' · ')}
            </Typography>
          )}
        </Paper>
      </Box>
      <Stack spacing={1.5}>
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>Budget lines</Typography>
          {canManage && <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ line: null })}>New budget line</Button>}
        </Stack>
        {o && o.lines.length === 0 && <EmptySection icon={<SavingsIcon />} title="No budget lines yet" text="Plan costs per category and record actuals as they come in." />}
        {o && o.lines.length > 0 && (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Budget lines">
              <TableHead><TableRow><TableCell>Line</TableCell><TableCell>Category</TableCell><TableCell align="right">Planned</TableCell><TableCell align="right">Actual</TableCell><TableCell align="right">Variance</TableCell><TableCell>Notes</TableCell><TableCell /></TableRow></TableHead>
              <TableBody>
                {o.lines.map((l) => (
                  <TableRow key={l.id} data-testid="budget-line-row">
                    <TableCell>{l.title}</TableCell>
                    <TableCell>{label(l.data.category)}</TableCell>
                    <TableCell align="right">{formatMoney(l.data.planned.amountMinor, l.data.planned.currency)}</TableCell>
                    <TableCell align="right">{formatMoney(l.data.actual.amountMinor, l.data.actual.currency)}</TableCell>
                    <TableCell align="right" sx={{ color: l.data.actual.amountMinor > l.data.planned.amountMinor ? 'error.main' : undefined }}>{formatMoney(l.data.planned.amountMinor - l.data.actual.amountMinor, l.data.planned.currency)}</TableCell>
                    <TableCell>{l.data.notes}</TableCell>
                    <TableCell padding="none">{canManage && <Tooltip title="Edit"><IconButton size="small" aria-label={`Edit ${l.title}`} onClick={() => setEditing({ line: l })}><EditIcon fontSize="small" /></IconButton></Tooltip>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Stack>
      <BudgetLineDialog projectId={project.id} currency={currency} line={editing?.line ?? null} isOpen={editing !== null} onClose={() => setEditing(null)} />
    </Stack>
  );
}

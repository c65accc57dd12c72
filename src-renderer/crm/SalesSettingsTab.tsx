import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, IconButton, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { SalesSettingsView } from '../../src-shared/crm/crm-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useSignedInPerson } from '../records/use-people';
import { settingsDataOf, settingsDraftOf, type SalesSettingsDraft, type SettingsProblems } from './sales-settings-draft';

/**
 * The sales settings: pipeline stages with the probability an opportunity takes on entering each,
 * the discount above which a quotation needs approval, tax rounding, how long a quotation is valid
 * and the default currency. Sales managers and administrators change them (the settings record's
 * rule, enforced by host and sync server); everyone else sees them read-only.
 */
export function SalesSettingsTab() {
  const view = useLiveQuery('crm/settings', {});
  const roles = useSignedInPerson()?.roles ?? [];
  const canChange = roles.includes('sales_manager') || roles.includes('admin');
  if (!view.data) return <Typography variant="body2" color="text.secondary">{view.error ? errorText(view.error) : 'Loading the sales settings…'}</Typography>;
  return <SettingsForm view={view.data} canChange={canChange} />;
}

function SettingsForm({ view, canChange }: { view: SalesSettingsView; canChange: boolean }) {
  const create = useCommand('records/create');
  const update = useCommand('records/update');
  const [draft, setDraft] = useState<SalesSettingsDraft>(() => settingsDraftOf(view.settings));
  const [problems, setProblems] = useState<SettingsProblems>({});
  const [saved, setSaved] = useState(false);
  // Someone else saving (another window, another PC) shows here unless this person is mid-edit.
  const [isDirty, setDirty] = useState(false);
  useEffect(() => {
    if (!isDirty) setDraft(settingsDraftOf(view.settings));
  }, [view, isDirty]);
  const change = (next: Partial<SalesSettingsDraft>, ...fixed: (keyof SettingsProblems)[]) => {
    setDraft((d) => ({ ...d, ...next }));
    setProblems((ps) => Object.fromEntries(Object.entries(ps).filter(([key]) => !fixed.includes(key as keyof SettingsProblems) && key !== 'stages')));
    setDirty(true);
    setSaved(false);
  };
  const setStage = (i: number, next: Partial<SalesSettingsDraft['stages'][number]>) =>
    change({ stages: draft.stages.map((s, j) => (j === i ? { ...s, ...next } : s)) }, next.label === undefined ? `probability-${i}` : `label-${i}`);
  const error = create.error ?? update.error;
  const save = async () => {
    const parsed = settingsDataOf(draft);
    if (!parsed.ok) return setProblems(parsed.problems);
    const result = view.recordId ? await update.run({ id: view.recordId, data: parsed.data }) : await create.run({ kind: 'sales_settings', data: parsed.data });
    if (result.ok) {
      setDirty(false);
      setSaved(true);
    }
  };
  const field = (key: 'discountAbove' | 'validityDays' | 'currency', label: string, helper: string) => (
    <TextField label={label} value={draft[key]} disabled={!canChange} onChange={(e) => change({ [key]: key === 'currency' ? e.target.value.toUpperCase() : e.target.value }, key)}
      error={!!problems[key]} helperText={problems[key] ?? helper} sx={{ flex: 1 }} />
  );
  return (
    <Stack spacing={2} component="form" aria-label="Sales settings" onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ maxWidth: 900 }}>
      {!canChange && <Alert severity="info">Sales managers and administrators change these settings; you can read them.</Alert>}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>Pipeline stages</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>In order on the board. An opportunity takes a stage’s probability when it enters it; won and lost are outcomes, not stages.</Typography>
        <Stack spacing={1.5}>
          {draft.stages.map((stage, i) => (
            <Stack key={stage.id || `new-${i}`} direction="row" spacing={2} sx={{ alignItems: 'flex-start' }} data-testid="settings-stage">
              <TextField label={`Stage ${i + 1}`} value={stage.label} disabled={!canChange} onChange={(e) => setStage(i, { label: e.target.value })}
                error={!!problems[`label-${i}`]} helperText={problems[`label-${i}`]} sx={{ flex: 2 }} />
              <TextField label={`Probability of stage ${i + 1} (%)`} value={stage.probability} disabled={!canChange} onChange={(e) => setStage(i, { probability: e.target.value })}
                error={!!problems[`probability-${i}`]} helperText={problems[`probability-${i}`]} sx={{ flex: 1 }} />
              {canChange && <IconButton aria-label={`Remove stage ${i + 1}`} onClick={() => change({ stages: draft.stages.filter((_s, j) => j !== i) })}><DeleteIcon fontSize="small" /></IconButton>}
            </Stack>
          ))}
          {problems.stages && <Alert severity="error">{problems.stages}</Alert>}
          {canChange && (
            <Box>
              <Button startIcon={<AddIcon />} onClick={() => change({ stages: [...draft.stages, { id: '', label: '', probability: '50' }] })}>Add stage</Button>
            </Box>
          )}
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h3" sx={{ mb: 2 }}>Quotations</Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          {field('discountAbove', 'Discounts above this need approval (%)', 'A line discounted more goes to a sales manager first.')}
          <TextField select label="Tax rounding" value={draft.taxRounding} disabled={!canChange} onChange={(e) => change({ taxRounding: e.target.value as SalesSettingsDraft['taxRounding'] })} sx={{ flex: 1 }}
            helperText="How tax is rounded on quotations.">
            <MenuItem value="per_line">Per line</MenuItem>
            <MenuItem value="per_total">Per total, by tax rate</MenuItem>
          </TextField>
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'flex-start' }}>
          {field('validityDays', 'Quotations valid for (days)', 'A new quotation’s validity.')}
          {field('currency', 'Default currency', 'For new opportunities and catalogue prices.')}
        </Stack>
      </Paper>
      {error && <Alert severity="error">{errorText(error)}</Alert>}
      {saved && <Alert severity="success" onClose={() => setSaved(false)}>The sales settings are saved.</Alert>}
      {canChange && (
        <Box>
          <Button type="submit" variant="contained" disabled={create.isRunning || update.isRunning}>Save settings</Button>
        </Box>
      )}
    </Stack>
  );
}

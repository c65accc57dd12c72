import { FormControlLabel, MenuItem, Stack, Switch, TextField } from '@mui/material';
import { recordKinds } from '../../src-shared/records/record-kinds';
import type { DefinitionProblem, WorkflowDefinition } from '../../src-shared/workflows/definition-schema';

interface Props {
  definition: WorkflowDefinition;
  problems: DefinitionProblem[];
  isReadOnly: boolean;
  onEdit: (next: WorkflowDefinition) => void;
}

/** The workflow's own fields: name, category, description, the record kind it runs on, where it starts, and instances per record. */
export function DefinitionFields({ definition, problems, isReadOnly, onEdit }: Props) {
  const errorAt = (path: string) => problems.find((p) => p.path === path)?.message;
  const set = (field: keyof WorkflowDefinition, value: unknown) => {
    const next: Record<string, unknown> = { ...definition, [field]: value };
    if (value === undefined || value === '') delete next[field];
    onEdit(next as WorkflowDefinition);
  };
  return (
    <Stack spacing={2} component="fieldset" disabled={isReadOnly} sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextField size="small" label="Name" value={definition.name ?? ''} onChange={(e) => set('name', e.target.value)} sx={{ flex: 2 }}
          error={Boolean(errorAt('name'))} helperText={errorAt('name')} />
        <TextField size="small" label="Category" value={definition.category ?? ''} onChange={(e) => set('category', e.target.value)} sx={{ flex: 1 }} />
        <TextField select size="small" label="Initial step" value={definition.initial_step ?? ''} onChange={(e) => set('initial_step', e.target.value)} sx={{ flex: 1 }}
          error={Boolean(errorAt('initial_step'))} helperText={errorAt('initial_step')}>
          {definition.steps.map((s) => <MenuItem key={s.step_id} value={s.step_id}>{s.name}</MenuItem>)}
          {!definition.steps.some((s) => s.step_id === definition.initial_step) && <MenuItem value={definition.initial_step ?? ''}>{definition.initial_step || '—'} (missing)</MenuItem>}
        </TextField>
      </Stack>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <TextField size="small" label="Description" value={definition.description ?? ''} onChange={(e) => set('description', e.target.value)} sx={{ flex: 1 }} />
        <TextField select size="small" label="Runs on" value={definition.record_kind ?? ''} onChange={(e) => set('record_kind', e.target.value || undefined)} sx={{ width: 200 }}
          error={Boolean(errorAt('record_kind'))} helperText={errorAt('record_kind')}>
          <MenuItem value="">Anything (free record id)</MenuItem>
          {recordKinds.map((k) => <MenuItem key={k.kind} value={k.kind}>{k.pluralLabel}</MenuItem>)}
          {definition.record_kind && !recordKinds.some((k) => k.kind === definition.record_kind) && <MenuItem value={definition.record_kind}>{definition.record_kind} (unknown)</MenuItem>}
        </TextField>
        <FormControlLabel control={<Switch size="small" checked={definition.allow_multiple_instances === true} onChange={(e) => set('allow_multiple_instances', e.target.checked || undefined)} />}
          label="Several running per record" />
      </Stack>
    </Stack>
  );
}

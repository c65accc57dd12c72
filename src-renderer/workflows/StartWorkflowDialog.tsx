import { Alert, Autocomplete, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError, formError } from '../errors/error-text';
import { newCommandId } from './command-id';
import { rowsToVariables, type VariableRow } from './variable-rows';
import { VariableRowsEditor } from './VariableRowsEditor';
import { recordKindLabel } from '../../src-shared/records/record-labels';
import { FormDialog } from '../shell/FormDialog';

/** The record a workflow is started from (its page's "Start workflow"): fixed, with the workflows its kind offers. */
export interface WorkflowSubject {
  entityType: string;
  entityId: string;
  /** How the record reads, e.g. "Purchase request PR-2026-0042". */
  label: string;
  /** Workflow codes its kind offers (`workflows` of its declaration), besides those declaring its kind as `record_kind`. */
  codes: readonly string[];
}

interface Props {
  isOpen: boolean;
  onClose: () => void;
  onStarted: (instanceId: string) => void;
  /** Started from a record's page: only workflows about its kind are offered, for this record. */
  about?: WorkflowSubject;
}

/** Record kinds LabFlow knows, offered by their names; any other word may be typed. */
const entityTypes = ['equipment', 'project', 'task', 'document', 'expense_claim', 'leave_request', 'candidate', 'invoice', 'order', 'capa'];

/**
 * Starts the published version of a workflow for one record, with its first variables. A workflow
 * about a record kind starts from a record of that kind, picked from those the person may read.
 */
export function StartWorkflowDialog({ isOpen, onClose, onStarted, about }: Props) {
  const definitions = useLiveQuery('workflows/definitions/list', {});
  const start = useCommand('workflows/instances/start');
  const [code, setCode] = useState('');
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [rows, setRows] = useState<VariableRow[]>([]);
  const [rowError, setRowError] = useState<{ index: number; message: string } | null>(null);
  const isOffered = (d: { code: string; recordKind?: string }) => !about || d.recordKind === about.entityType || (d.recordKind === undefined && about.codes.includes(d.code));
  const startable = (definitions.data ?? []).filter((d) => d.publishedVersion !== null && d.status !== 'retired' && isOffered(d));
  const recordKind = startable.find((d) => d.code === code)?.recordKind;

  useEffect(() => {
    if (!isOpen) return;
    setCode(about && startable.length === 1 ? (startable[0]?.code ?? '') : '');
    setEntityType(about?.entityType ?? '');
    setEntityId(about?.entityId ?? '');
    setRows([]);
    setRowError(null);
    start.clearError();
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens
  const pick = (next: string) => {
    setCode(next);
    const kind = startable.find((d) => d.code === next)?.recordKind;
    // A workflow about a kind fixes the record type; the record is picked again unless the dialog came with one.
    if (kind && kind !== entityType && !about) {
      setEntityType(kind);
      setEntityId('');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const variables = rowsToVariables(rows);
    if (!variables.ok) return setRowError({ index: variables.index, message: variables.message });
    setRowError(null);
    const result = await start.run({ commandId: newCommandId(), code, entityType, entityId, variables: variables.value });
    if (result.ok) onStarted(result.value.id);
  };

  const codeError = fieldError(start.error, 'code');
  // With the record fixed, a problem with it is shown above the buttons.
  const general = formError(start.error, about ? ['code'] : ['code', 'entityType', 'entityId']);
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Start workflow">
        <DialogTitle>Start a workflow</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {definitions.error && <Alert severity="error">{errorText(definitions.error)}</Alert>}
            <TextField select label="Workflow" value={code} onChange={(e) => pick(e.target.value)} autoFocus
              error={Boolean(codeError)} helperText={codeError ?? (startable.length === 0 && !definitions.isLoading ? (about ? `No workflow for this record${about.codes.length ? ` (${about.codes.join(', ')})` : ''} is published yet: an administrator publishes it under Workflows → Definitions.` : 'No workflow is published yet.') : 'Starts from the published version.')}>
              {startable.map((d) => <MenuItem key={d.code} value={d.code}>{d.name} (v{d.publishedVersion})</MenuItem>)}
            </TextField>
            {about ? (
              <TextField label="About" value={about.label} disabled helperText="The record this workflow is about" />
            ) : recordKind ? (
              <RecordPicker kind={recordKind} value={entityId} onChange={setEntityId} error={fieldError(start.error, 'entityId') ?? fieldError(start.error, 'entityType')} />
            ) : (
            <Stack direction="row" spacing={2}>
              <Autocomplete freeSolo options={entityTypes} value={entityType} onInputChange={(_e, v) => setEntityType(entityTypes.find((t) => recordKindLabel(t) === v) ?? v)} sx={{ flex: 1 }} getOptionLabel={recordKindLabel}
                renderInput={(params) => <TextField {...params} label="Record type" placeholder="Equipment"
                  error={Boolean(fieldError(start.error, 'entityType'))} helperText={fieldError(start.error, 'entityType') ?? 'What the workflow is about'} />} />
              <TextField label="Record id" value={entityId} onChange={(e) => setEntityId(e.target.value)} sx={{ flex: 1 }} placeholder="EQ-0042"
                error={Boolean(fieldError(start.error, 'entityId'))} helperText={fieldError(start.error, 'entityId') ?? 'Which one'} />
            </Stack>
            )}
            <VariableRowsEditor title="Initial variables" rows={rows} onChange={setRows} error={rowError} />
            {rows.length === 0 && <Typography variant="caption" color="text.secondary">e.g. equipment_name (text), estimated_cost (number) — routing rules read them.</Typography>}
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={start.isRunning || !code || (recordKind !== undefined && !entityId)}>Start workflow</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

/** The record a workflow about `kind` starts from: searched among the records of the kind the person may read. */
function RecordPicker({ kind, value, onChange, error }: { kind: string; value: string; onChange: (id: string) => void; error: string | undefined }) {
  const [text, setText] = useState('');
  const register = useLiveQuery('records/register', { kind, text, filters: [], offset: 0, limit: 20 });
  const rows = register.data?.rows ?? [];
  const label = recordKindLabel(kind);
  const describe = (row: { number: string; title: string; status: string }) => [row.number, row.title].filter(Boolean).join(' · ');
  return (
    <Autocomplete options={rows} value={rows.find((r) => r.id === value) ?? null} filterOptions={(x) => x}
      getOptionLabel={describe} isOptionEqualToValue={(a, b) => a.id === b.id} onChange={(_e, row) => onChange(row?.id ?? '')}
      onInputChange={(_e, next, reason) => reason === 'input' && setText(next)} noOptionsText={`No ${label.toLowerCase()} you may see matches.`}
      renderInput={(params) => <TextField {...params} label={label} placeholder="Number or title" error={Boolean(error)} helperText={error ?? `The ${label.toLowerCase()} this workflow runs on`} />} />
  );
}

import { Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError, formError } from '../errors/error-text';
import { newCommandId } from './command-id';
import { rowsToVariables, type VariableRow } from './variable-rows';
import { VariableRowsEditor } from './VariableRowsEditor';

/** The record a workflow is started from (its page's "Start workflow"): fixed, with the workflows its kind offers. */
export interface WorkflowSubject {
  entityType: string;
  entityId: string;
  /** How the record reads, e.g. "Purchase request PR-2026-0042". */
  label: string;
  /** Workflow codes its kind offers; every published workflow when empty. */
  codes: readonly string[];
}

interface Props {
  isOpen: boolean;
  onClose: () => void;
  onStarted: (instanceId: string) => void;
  about?: WorkflowSubject;
}

/** Record kinds LabFlow knows; any other word may be typed. */
const entityTypes = ['equipment', 'project', 'task', 'document', 'expense_claim', 'leave_request', 'candidate', 'invoice', 'order', 'capa'];

/** Starts the published version of a workflow for one record, with its first variables. */
export function StartWorkflowDialog({ isOpen, onClose, onStarted, about }: Props) {
  const definitions = useLiveQuery('workflows/definitions/list', {});
  const start = useCommand('workflows/instances/start');
  const [code, setCode] = useState('');
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [rows, setRows] = useState<VariableRow[]>([]);
  const [rowError, setRowError] = useState<{ index: number; message: string } | null>(null);
  const startable = (definitions.data ?? []).filter((d) => d.publishedVersion !== null && d.status !== 'retired' && (!about?.codes.length || about.codes.includes(d.code)));

  useEffect(() => {
    if (!isOpen) return;
    setCode(about && startable.length === 1 ? (startable[0]?.code ?? '') : '');
    setEntityType(about?.entityType ?? '');
    setEntityId(about?.entityId ?? '');
    setRows([]);
    setRowError(null);
    start.clearError();
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

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
    <Dialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Start workflow">
        <DialogTitle>Start a workflow</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {definitions.error && <Alert severity="error">{errorText(definitions.error)}</Alert>}
            <TextField select label="Workflow" value={code} onChange={(e) => setCode(e.target.value)} autoFocus
              error={Boolean(codeError)} helperText={codeError ?? (startable.length === 0 && !definitions.isLoading ? (about?.codes.length ? `The workflow for this record (${about.codes.join(', ')}) is not published yet: an administrator publishes it under Workflows → Definitions.` : 'No workflow is published yet.') : 'Starts from the published version.')}>
              {startable.map((d) => <MenuItem key={d.code} value={d.code}>{d.name} (v{d.publishedVersion})</MenuItem>)}
            </TextField>
            {about ? (
              <TextField label="About" value={about.label} disabled helperText="The record this workflow is about" />
            ) : (
              <Stack direction="row" spacing={2}>
                <Autocomplete freeSolo options={entityTypes} value={entityType} onInputChange={(_e, v) => setEntityType(v)} sx={{ flex: 1 }}
                  renderInput={(params) => <TextField {...params} label="Record type" placeholder="equipment"
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
          <Button type="submit" variant="contained" disabled={start.isRunning || !code}>Start workflow</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

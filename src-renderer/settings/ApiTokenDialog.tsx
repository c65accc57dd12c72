import { Alert, Button, DialogActions, DialogContent, DialogTitle, FormHelperText, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ApiSettingsView } from '../../src-shared/api/api-token-model';
import type { AppError } from '../../src-shared/core/result';
import { fieldError, formError } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

export interface ApiTokenValues {
  name: string;
  scopes: string[];
  lifetimeDays: number;
}

type Access = 'none' | 'read' | 'write';

const accessLabels: Record<Access, string> = { none: 'No access', read: 'Read', write: 'Read and change' };

/** Every module's access as token scopes (`projects:read` …); "every module" gives `*:read` or `*:write` alone. */
export function scopesOf(everything: Access, perModule: Record<string, Access>): string[] {
  if (everything !== 'none') return [`*:${everything}`];
  return Object.entries(perModule).flatMap(([module, access]) => (access === 'none' ? [] : [`${module}:${access}`]));
}

function AccessSelect({ label, value, onChange }: { label: string; value: Access; onChange(access: Access): void }) {
  return (
    <TextField select size="small" value={value} onChange={(e) => onChange(e.target.value as Access)} slotProps={{ htmlInput: { 'aria-label': label } }} sx={{ minWidth: 170 }}>
      {(Object.keys(accessLabels) as Access[]).map((a) => <MenuItem key={a} value={a}>{accessLabels[a]}</MenuItem>)}
    </TextField>
  );
}

/**
 * Make an API token: what it is for, what it may reach (read or change, per module, or every
 * module), and how long it lives. The token acts as the person making it and can never do more
 * than they can in the app.
 */
export function ApiTokenDialog(props: { isOpen: boolean; modules: ApiSettingsView['modules']; error: AppError | undefined; isRunning: boolean; onCancel(): void; onSubmit(values: ApiTokenValues): void }) {
  const { isOpen, modules, error, isRunning, onCancel, onSubmit } = props;
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState('90');
  const [everything, setEverything] = useState<Access>('none');
  const [perModule, setPerModule] = useState<Record<string, Access>>({});
  useEffect(() => {
    if (!isOpen) return;
    setName('');
    setLifetime('90');
    setEverything('none');
    setPerModule({});
  }, [isOpen]);
  const scopeError = fieldError(error, 'scopes') ?? (error?.field?.startsWith('scopes.') ? error.message : undefined);
  return (
    <FormDialog open={isOpen} onClose={onCancel} maxWidth="sm" fullWidth>
      <DialogTitle>New API token</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }} component="form" id="api-token-form"
          onSubmit={(e) => { e.preventDefault(); onSubmit({ name, scopes: scopesOf(everything, perModule), lifetimeDays: Number(lifetime) }); }}>
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={Boolean(fieldError(error, 'name'))}
            helperText={fieldError(error, 'name') ?? 'What uses the token, e.g. “ERP export”.'} />
          <TextField label="Valid for (days)" type="number" value={lifetime} onChange={(e) => setLifetime(e.target.value)}
            error={Boolean(fieldError(error, 'lifetimeDays'))} helperText={fieldError(error, 'lifetimeDays') ?? '1 to 366 days.'} />
          <Typography variant="subtitle2">What the token may reach</Typography>
          <Typography variant="body2" color="text.secondary">It acts as you: it never sees or changes more than you can in LabFlow.</Typography>
          <Table size="small" aria-label="Token access">
            <TableHead><TableRow><TableCell>Module</TableCell><TableCell>Access</TableCell></TableRow></TableHead>
            <TableBody>
              <TableRow>
                <TableCell><b>Every module</b></TableCell>
                <TableCell><AccessSelect label="Every module" value={everything} onChange={setEverything} /></TableCell>
              </TableRow>
              {everything === 'none' && modules.map((m) => (
                <TableRow key={m.module}>
                  <TableCell>{m.label}</TableCell>
                  <TableCell><AccessSelect label={m.label} value={perModule[m.module] ?? 'none'} onChange={(a) => setPerModule({ ...perModule, [m.module]: a })} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {scopeError && <FormHelperText error>{scopeError}</FormHelperText>}
          {formError(error, ['name', 'lifetimeDays', 'scopes']) && !scopeError && <Alert severity="error">{formError(error, ['name', 'lifetimeDays', 'scopes'])}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" form="api-token-form" variant="contained" disabled={isRunning}>Create token</Button>
      </DialogActions>
    </FormDialog>
  );
}

import AddIcon from '@mui/icons-material/Add';
import {
  Alert, Button, Chip, FormControlLabel, Paper, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { ApiSettingsView, ApiTokenView, TokenState } from '../../src-shared/api/api-token-model';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { LocalTime } from '../workflows/LocalTime';
import { ApiTokenDialog } from './ApiTokenDialog';

const stateLabels: Record<TokenState, { label: string; color: 'success' | 'default' | 'warning' }> = {
  active: { label: 'Active', color: 'success' },
  expired: { label: 'Expired', color: 'warning' },
  revoked: { label: 'Revoked', color: 'default' },
};

/** A token's scopes in words: "Projects: read and change, Tasks: read", "Every module: read". */
function scopeText(scopes: readonly string[], modules: ApiSettingsView['modules']): string {
  const labelOf = (module: string) => (module === '*' ? 'Every module' : (modules.find((m) => m.module === module)?.label ?? module));
  return scopes.map((scope) => {
    const [module = '', access] = scope.split(':');
    return `${labelOf(module)}: ${access === 'write' ? 'read and change' : 'read'}`;
  }).join(', ');
}

/** The secret of a token just made: shown this once, with a button to copy it. */
function NewTokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <Alert severity="warning" onClose={onDone} data-testid="api-token-secret">
      <Stack spacing={1}>
        <span>Copy the token “{name}” now: LabFlow keeps only a fingerprint of it and cannot show it again.</span>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField size="small" value={secret} slotProps={{ htmlInput: { readOnly: true, 'aria-label': 'New token' } }} sx={{ flexGrow: 1, fontFamily: 'monospace' }} onFocus={(e) => e.target.select()} />
          <Button onClick={() => void navigator.clipboard?.writeText(secret).then(() => setIsCopied(true), () => setIsCopied(false))}>{isCopied ? 'Copied' : 'Copy'}</Button>
        </Stack>
        <span>Send it as <code>Authorization: Bearer …</code> with each call.</span>
      </Stack>
    </Alert>
  );
}

/**
 * Settings → API, the tokens: everyone makes and revokes their own; an administrator can also list
 * and revoke everyone's (someone left, a token leaked).
 */
export function ApiTokenSettings({ isAdmin, modules }: { isAdmin: boolean; modules: ApiSettingsView['modules'] }) {
  const [isEveryone, setIsEveryone] = useState(false);
  const tokens = useLiveQuery('api-tokens/list', { everyone: isAdmin && isEveryone });
  const create = useCommand('api-tokens/create');
  const revoke = useCommand('api-tokens/revoke');
  const [isCreating, setIsCreating] = useState(false);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const list: ApiTokenView[] = tokens.data ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Typography variant="h6" sx={{ flexGrow: 1 }}>API tokens</Typography>
          {isAdmin && <FormControlLabel control={<Switch checked={isEveryone} onChange={(e) => setIsEveryone(e.target.checked)} />} label="Everyone’s tokens" />}
          <Button startIcon={<AddIcon />} variant="outlined" onClick={() => { create.clearError(); setIsCreating(true); }}>New token</Button>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          A token lets a script or another program (instrument software, ERP, a LIMS) use LabFlow as you, limited to the modules you choose.
          Its calls are in the audit trail under your name with the token’s name.
        </Typography>
        {made && <NewTokenSecret name={made.name} secret={made.secret} onDone={() => setMade(null)} />}
        {(tokens.error ?? revoke.error) && <Alert severity="error">{errorText(tokens.error ?? revoke.error)}</Alert>}
        {list.length === 0 && !tokens.isLoading && <Typography color="text.secondary">No tokens yet.</Typography>}
        {list.length > 0 && (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="API tokens">
              <TableHead>
                <TableRow>
                  <TableCell>Name</TableCell>{isAdmin && isEveryone && <TableCell>Person</TableCell>}<TableCell>Access</TableCell>
                  <TableCell>Created</TableCell><TableCell>Expires</TableCell><TableCell>Last used</TableCell><TableCell>State</TableCell><TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {list.map((t) => (
                  <TableRow key={t.id} data-testid="api-token-row">
                    <TableCell>{t.name}<Typography variant="caption" color="text.secondary" sx={{ display: 'block', fontFamily: 'monospace' }}>{t.prefix}…</Typography></TableCell>
                    {isAdmin && isEveryone && <TableCell>{t.personName}</TableCell>}
                    <TableCell>{scopeText(t.scopes, modules)}</TableCell>
                    <TableCell><LocalTime iso={t.createdAt} /></TableCell>
                    <TableCell><LocalTime iso={t.expiresAt} /></TableCell>
                    <TableCell>{t.lastUsedAt ? <LocalTime iso={t.lastUsedAt} /> : 'Never'}</TableCell>
                    <TableCell><Chip size="small" label={stateLabels[t.state].label} color={stateLabels[t.state].color} /></TableCell>
                    <TableCell align="right">
                      {t.state === 'active' && <Button color="error" size="small" aria-label={`Revoke ${t.name}`} disabled={revoke.isRunning} onClick={() => void revoke.run({ id: t.id })}>Revoke</Button>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Stack>
      <ApiTokenDialog
        isOpen={isCreating}
        modules={modules}
        error={create.error}
        isRunning={create.isRunning}
        onCancel={() => setIsCreating(false)}
        onSubmit={async (values) => {
          const result = await create.run(values);
          if (!result.ok) return;
          setIsCreating(false);
          setMade({ name: result.value.token.name, secret: result.value.secret });
        }}
      />
    </Paper>
  );
}

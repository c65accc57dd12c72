import { Alert, Button, Chip, DialogActions, DialogContent, DialogTitle, LinearProgress, List, ListItemButton, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError, formError } from '../errors/error-text';
import { newCommandId } from './command-id';
import { FormDialog } from '../shell/FormDialog';

interface Props {
  isOpen: boolean;
  onClose: () => void;
  /** Called with the new draft's code once it is saved. */
  onCreated: (code: string) => void;
}

/** Copies a built-in template into a new draft with its own code and name, ready to edit. */
export function TemplateDialog({ isOpen, onClose, onCreated }: Props) {
  const templates = useLiveQuery('workflows/templates/list', {});
  const create = useCommand('workflows/definitions/create');
  const [chosen, setChosen] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const list = templates.data ?? [];

  useEffect(() => {
    if (!isOpen) return;
    setChosen(null);
    setCode('');
    setName('');
    create.clearError();
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

  const pick = (templateCode: string) => {
    const template = list.find((t) => t.code === templateCode);
    setChosen(templateCode);
    setCode(templateCode);
    setName(template?.name ?? '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const result = await create.run({
      commandId: newCommandId(),
      source: { kind: 'template', templateCode: chosen, workflowCode: code.trim() || chosen, ...(name.trim() ? { name: name.trim() } : {}) },
    });
    if (result.ok) onCreated(result.value.code);
  };

  const codeError = fieldError(create.error, 'source.workflowCode') ?? (create.error?.code === 'already_exists' ? create.error.message : undefined);
  const general = codeError ? undefined : formError(create.error, ['source.workflowCode', 'source.name']);
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="md">
      <form onSubmit={submit} noValidate aria-label="New workflow from a template">
        <DialogTitle>New workflow from a template</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              Pick a template to copy. The copy is a draft you can change freely; it starts no instances until you publish it.
            </Typography>
            {templates.isLoading && <LinearProgress aria-label="Loading templates" />}
            {templates.error && <Alert severity="error">{errorText(templates.error)}</Alert>}
            <List dense aria-label="Templates" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 320, overflow: 'auto', py: 0 }}>
              {list.map((t) => (
                <ListItemButton key={t.code} selected={chosen === t.code} onClick={() => pick(t.code)} divider>
                  <ListItemText
                    primary={<Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><span>{t.name}</span>{t.category && <Chip size="small" label={t.category} variant="outlined" />}</Stack>}
                    secondary={`${t.description ?? ''}${t.description ? ' · ' : ''}${t.stepCount} steps · ${t.code}`}
                  />
                </ListItemButton>
              ))}
            </List>
            {chosen && (
              <Stack direction="row" spacing={2}>
                <TextField label="Workflow code" value={code} onChange={(e) => setCode(e.target.value)} sx={{ flex: 1 }}
                  error={Boolean(codeError)} helperText={codeError ?? 'Unique; letters, digits, "_" or "-".'} />
                <TextField label="Workflow name" value={name} onChange={(e) => setName(e.target.value)} sx={{ flex: 2 }}
                  error={Boolean(fieldError(create.error, 'source.name'))} helperText={fieldError(create.error, 'source.name')} />
              </Stack>
            )}
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!chosen || create.isRunning}>Copy and edit</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

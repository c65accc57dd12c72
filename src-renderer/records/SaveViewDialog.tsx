import { Button, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import type { SavedView, ViewSettings } from '../../src-shared/records/register-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

interface Props {
  kind: AnyRecordKind;
  settings: ViewSettings;
  suggestedName: string;
  isOpen: boolean;
  onClose: () => void;
  onSaved: (view: SavedView) => void;
}

/** Saves the register's columns, sort, filters and words under a name (an existing name is replaced). */
export function SaveViewDialog({ kind, settings, suggestedName, isOpen, onClose, onSaved }: Props) {
  const save = useCommand('records/save-view');
  const [name, setName] = useState('');
  useEffect(() => {
    if (!isOpen) return;
    setName(suggestedName);
    save.clearError();
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run({ kind: kind.kind, name, ...settings });
    if (result.ok) onSaved(result.value);
  };
  const nameError = fieldError(save.error, 'name');
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate aria-label="Save view">
        <DialogTitle>Save this view</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 2 }}>
            Keeps the columns, sort, filters and search words of {kind.pluralLabel.toLowerCase()} for you on this PC.
          </DialogContentText>
          <TextField autoFocus fullWidth size="small" label="View name" value={name} onChange={(e) => setName(e.target.value)}
            error={Boolean(nameError) || (Boolean(save.error) && !nameError)} helperText={nameError ?? (save.error ? errorText(save.error) : 'A view with the same name is replaced.')} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={save.isRunning}>Save view</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

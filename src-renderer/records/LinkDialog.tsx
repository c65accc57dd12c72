import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { RecordView, SearchHit } from '../../src-shared/records/record-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { RecordPicker } from './RecordPicker';

/** Links the record to another record, a project or a task, found by number or words. */
export function LinkDialog({ record, isOpen, onClose }: { record: RecordView; isOpen: boolean; onClose: () => void }) {
  const link = useCommand('records/link');
  const [target, setTarget] = useState<SearchHit | null>(null);
  const [relation, setRelation] = useState('related');
  useEffect(() => {
    if (!isOpen) return;
    setTarget(null);
    setRelation('related');
    link.clearError();
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target || (target.collection !== 'records' && target.collection !== 'projects' && target.collection !== 'tasks')) return;
    const result = await link.run({ id: record.id, targetCollection: target.collection, targetId: target.id, relation });
    if (result.ok) onClose();
  };
  const targetError = fieldError(link.error, 'targetId');
  const relationError = fieldError(link.error, 'relation');
  return (
    <Dialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Link a record">
        <DialogTitle>Link {record.number || record.title} to…</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 2 }}>Another record, a project or a task. The link shows on both.</DialogContentText>
          <Stack spacing={2}>
            <RecordPicker label="Record, project or task" value={target} onChange={setTarget} excludeId={record.id} autoFocus {...(targetError ? { error: targetError } : {})} />
            <TextField label="Relation" size="small" value={relation} onChange={(e) => setRelation(e.target.value)} error={Boolean(relationError)}
              helperText={relationError ?? 'e.g. related, replaces, ordered for'} />
            {link.error && !targetError && !relationError && <Alert severity="error">{errorText(link.error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!target || link.isRunning}>Link</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { PipelineCard } from '../../src-shared/crm/crm-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';
import { todayLocal } from '../tasks/task-labels';

/**
 * Asked when a card is dropped on Lost (mouse or keyboard): why it was lost and when. Cancel leaves
 * the opportunity where it was; Mark as lost writes the reason and the day, then moves it to lost
 * with the reason on its history (the kind requires both before the move).
 */
export function LostReasonDialog({ card, onClose }: { card: PipelineCard; onClose: () => void }) {
  const update = useCommand('records/update');
  const transition = useCommand('records/transition');
  const [reason, setReason] = useState('');
  const [closedOn, setClosedOn] = useState(todayLocal());
  const [problem, setProblem] = useState('');
  const error = update.error ?? transition.error;

  const submit = async () => {
    if (!reason.trim()) return setProblem('Say why the opportunity was lost.');
    const noted = await update.run({ id: card.id, data: { lostReason: reason.trim(), closedOn } });
    if (!noted.ok) return;
    const moved = await transition.run({ id: card.id, to: 'lost', reason: reason.trim() });
    if (moved.ok) onClose();
  };

  return (
    <FormDialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="lost-title">
      <DialogTitle id="lost-title">Mark {card.number} as lost</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">{card.name} · {card.organisationName}</Typography>
          <TextField label="Why was it lost?" value={reason} onChange={(e) => { setReason(e.target.value); setProblem(''); }} required multiline minRows={2} autoFocus error={!!problem} helperText={problem || 'E.g. price, lead time, went with a competitor.'} />
          <DateField label="Lost on" value={closedOn} onChange={setClosedOn} />
          {error && <Alert severity="error">{errorText(error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" color="error" disabled={update.isRunning || transition.isRunning} onClick={() => void submit()}>Mark as lost</Button>
      </DialogActions>
    </FormDialog>
  );
}

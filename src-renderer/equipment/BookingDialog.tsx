import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { InstrumentRow } from '../../src-shared/equipment/equipment-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateTimeField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

export interface BookingDraft {
  equipmentId: string;
  start: Date;
  end: Date;
}

/** "2026-03-05T14:00" in this PC's time zone, for datetime-local inputs. */
const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** A booking for the signed-in person: instrument, from, until, purpose. */
export function BookingDialog({ draft, instruments, isInstrumentFixed, onClose }: { draft: BookingDraft; instruments: InstrumentRow[]; isInstrumentFixed: boolean; onClose: () => void }) {
  const book = useCommand('equipment/book');
  const [equipmentId, setEquipmentId] = useState(draft.equipmentId);
  const [start, setStart] = useState(localInput(draft.start));
  const [end, setEnd] = useState(localInput(draft.end));
  const [purpose, setPurpose] = useState('');
  const submit = async () => {
    const result = await book.run({ equipmentId, start: new Date(start).toISOString(), end: new Date(end).toISOString(), purpose });
    if (result.ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>New booking</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {!isInstrumentFixed && (
            <TextField select label="Instrument" value={equipmentId} onChange={(e) => setEquipmentId(e.target.value)}>
              {instruments.map((i) => <MenuItem key={i.id} value={i.id}>{i.number} {i.name}</MenuItem>)}
            </TextField>
          )}
          <Stack direction="row" spacing={2}>
            <DateTimeField label="From" value={start} onChange={setStart} fullWidth />
            <DateTimeField label="Until" value={end} min={start || undefined} onChange={setEnd} fullWidth />
          </Stack>
          <TextField label="Purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} />
          {book.error && <Alert severity="error" data-testid="booking-refused">{errorText(book.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!equipmentId || book.isRunning} onClick={() => void submit()}>Book</Button>
      </DialogActions>
    </FormDialog>
  );
}

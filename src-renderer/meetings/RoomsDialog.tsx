import AddIcon from '@mui/icons-material/Add';
import { Alert, Button, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { RoomView } from '../../src-shared/meetings/meeting-views';
import { isAdmin } from '../../src-shared/people/roles';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

/**
 * The meeting rooms people book: everyone sees the list; administrators add rooms and stop
 * bookings of a room (rooms are records of kind `meeting_room`, so the records platform's rules
 * and sync checks apply; a room no longer bookable stays on the meetings that booked it, and an
 * administrator can make it bookable again).
 */
export function RoomsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const auth = useLiveQuery('auth/status', {});
  const canEdit = isAdmin(auth.data?.session?.person.roles ?? []);
  const allRooms = useLiveQuery('meetings/rooms', { includeRetired: canEdit }).data ?? [];
  const rooms = allRooms.filter((room) => room.isBookable);
  const retired = allRooms.filter((room) => !room.isBookable);
  const create = useCommand('records/create');
  const retire = useCommand('records/transition');
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('');
  const [place, setPlace] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run({ kind: 'meeting_room', data: { name, capacity: Number(capacity) || 0, place } });
    if (result.ok) {
      setName('');
      setCapacity('');
      setPlace('');
    }
  };
  const error = create.error ?? retire.error;
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="rooms-title">
      <DialogTitle id="rooms-title">Meeting rooms</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {rooms.length === 0 && retired.length === 0 && <Typography variant="body2" color="text.secondary">No rooms listed yet.{canEdit ? ' Add the rooms people can book.' : ' An administrator adds them.'}</Typography>}
          {rooms.length === 0 && retired.length > 0 && <Typography variant="body2" color="text.secondary">No room can be booked right now.</Typography>}
          <List dense aria-label="Bookable rooms">
            {rooms.map((room) => (
              <ListItem
                key={room.id}
                data-testid="room-row"
                secondaryAction={canEdit && <Button size="small" color="warning" onClick={() => void retire.run({ id: room.id, to: 'retired' })} aria-label={`Stop bookings of ${room.name}`}>Stop bookings</Button>}
              >
                <ListItemText primary={room.name} secondary={roomDetails(room)} />
              </ListItem>
            ))}
          </List>
          {canEdit && retired.length > 0 && (
            <>
              <Typography variant="subtitle2" component="h3">No longer bookable</Typography>
              <List dense aria-label="Rooms no longer bookable">
                {retired.map((room) => (
                  <ListItem
                    key={room.id}
                    data-testid="retired-room-row"
                    secondaryAction={<Button size="small" onClick={() => void retire.run({ id: room.id, to: 'available' })} aria-label={`Make ${room.name} bookable again`}>Bookable again</Button>}
                  >
                    <ListItemText primary={room.name} secondary={roomDetails(room)} slotProps={{ primary: { color: 'text.secondary' } }} />
                  </ListItem>
                ))}
              </List>
            </>
          )}
          {canEdit && (
            <Stack direction="row" spacing={1} component="form" onSubmit={(e) => void submit(e)} aria-label="Add a room" sx={{ alignItems: 'flex-start' }}>
              <TextField size="small" label="Room" value={name} onChange={(e) => setName(e.target.value)} fullWidth />
              <TextField size="small" label="Seats" type="number" value={capacity} onChange={(e) => setCapacity(e.target.value)} sx={{ width: 100, flexShrink: 0 }} />
              <TextField size="small" label="Where" placeholder="Building, floor" value={place} onChange={(e) => setPlace(e.target.value)} fullWidth />
              <Button type="submit" startIcon={<AddIcon />} disabled={!name.trim() || create.isRunning}>Add</Button>
            </Stack>
          )}
          {error && <Alert severity="error">{errorText(error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </FormDialog>
  );
}

const roomDetails = (room: RoomView) => [room.capacity ? `${room.capacity} seats` : '', room.place].filter(Boolean).join(' · ') || undefined;

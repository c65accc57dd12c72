import type { DateSelectArg, EventClickArg } from '@fullcalendar/core';
import interactionPlugin from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { BookingItem } from '../../src-shared/equipment/equipment-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { BookingDialog, type BookingDraft } from './BookingDialog';
import { formatDateTime } from './equipment-labels';

/**
 * The booking calendar (FullCalendar's MIT week view): everyone's bookings of one instrument or of
 * all, a new booking by selecting a time or with the button, refused with the reason when the
 * instrument is not fit for use then, the person is not authorised, or it clashes.
 */
export function BookingCalendar({ equipmentId }: { equipmentId?: string }) {
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [instrument, setInstrument] = useState(equipmentId ?? '');
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [selected, setSelected] = useState<BookingItem | null>(null);
  const cancel = useCommand('records/transition');
  const instruments = useLiveQuery('equipment/list', { text: '', includeRetired: false });
  const bookings = useLiveQuery('equipment/bookings', range ? { ...range, ...(instrument ? { equipmentId: instrument } : {}) } : { from: new Date(0).toISOString(), to: new Date(0).toISOString() });
  const items = bookings.data ?? [];
  const open = (start: Date, end: Date) => setDraft({ equipmentId: instrument, start, end });
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        {!equipmentId && (
          <TextField select size="small" label="Instrument" value={instrument} onChange={(e) => setInstrument(e.target.value)} sx={{ minWidth: 320 }}>
            <MenuItem value="">All instruments</MenuItem>
            {(instruments.data ?? []).map((i) => <MenuItem key={i.id} value={i.id}>{i.number} {i.name}</MenuItem>)}
          </TextField>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" onClick={() => { const start = new Date(); start.setMinutes(0, 0, 0); start.setHours(start.getHours() + 1); open(start, new Date(start.getTime() + 3_600_000)); }}>New booking</Button>
      </Stack>
      {bookings.error && <Alert severity="error">{errorText(bookings.error)}</Alert>}
      {selected && (
        <Alert severity="info" onClose={() => setSelected(null)}
          action={selected.canCancel ? <Button color="inherit" size="small" disabled={cancel.isRunning} onClick={async () => { if ((await cancel.run({ id: selected.id, to: 'cancelled' })).ok) setSelected(null); }}>Cancel booking</Button> : undefined}>
          {selected.equipmentLabel}: {selected.personName}, {formatDateTime(selected.start)} – {formatDateTime(selected.end)}{selected.purpose ? ` · ${selected.purpose}` : ''}
        </Alert>
      )}
      {cancel.error && <Alert severity="error">{errorText(cancel.error)}</Alert>}
      <Paper variant="outlined" sx={{ p: 1, '& .fc': { fontSize: 13 } }} data-testid="booking-calendar">
        <FullCalendar
          plugins={[timeGridPlugin, interactionPlugin]}
          initialView="timeGridWeek"
          firstDay={1}
          allDaySlot={false}
          slotMinTime="06:00:00"
          slotMaxTime="21:00:00"
          height={620}
          nowIndicator
          selectable
          selectMirror
          headerToolbar={{ left: 'prev,next today', center: 'title', right: '' }}
          datesSet={(arg) => setRange({ from: arg.start.toISOString(), to: arg.end.toISOString() })}
          select={(arg: DateSelectArg) => open(arg.start, arg.end)}
          eventClick={(arg: EventClickArg) => setSelected(items.find((b) => b.id === arg.event.id) ?? null)}
          events={items.map((b) => ({ id: b.id, title: `${equipmentId ? '' : `${b.equipmentLabel}: `}${b.personName}${b.purpose ? ` · ${b.purpose}` : ''}`, start: b.start, end: b.end }))}
        />
      </Paper>
      {draft && <BookingDialog draft={draft} instruments={instruments.data ?? []} isInstrumentFixed={Boolean(equipmentId)} onClose={() => setDraft(null)} />}
    </Stack>
  );
}

import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert, Button, Checkbox, FormControlLabel, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import type { HolidayCalendarView, PublicHoliday } from '../../src-shared/hr/holiday-calendar';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { useSignedInPerson } from '../records/use-people';
import { NewNamedRecord } from './NewNamedRecord';

/**
 * Public holidays per location (the `holiday_calendar` records): everyone reads them, HR adds a
 * location and adds, changes or removes its days, half days included. They decide what leave costs,
 * the capacity the projects' utilisation counts, and the holidays of a workflow's working calendar
 * that names the location. Every change is a `records/update` of the whole list, judged by the kind.
 */
export function HolidayCalendars() {
  const calendars = useLiveQuery('hr/holiday-calendars', {});
  const isHr = useSignedInPerson()?.roles.includes('hr') ?? false;
  const [chosen, setChosen] = useState('');
  const list = calendars.data ?? [];
  const current = list.find((c) => c.id === chosen) ?? list[0];
  return (
    <Stack spacing={2}>
      {calendars.error && <Alert severity="error">{errorText(calendars.error)}</Alert>}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        {list.length > 0 && (
          <TextField select size="small" label="Location" value={current?.id ?? ''} onChange={(e) => setChosen(e.target.value)} sx={{ minWidth: 220 }}>
            {list.map((c) => <MenuItem key={c.id} value={c.id}>{c.location}</MenuItem>)}
          </TextField>
        )}
        {isHr && <NewNamedRecord kind="holiday_calendar" field="location" data={{ holidays: [] }} label="New location" help="As employee records name it, e.g. Berlin." buttonLabel="Add location" onCreated={setChosen} />}
      </Stack>
      {calendars.data && list.length === 0 && <Typography color="text.secondary">No public holidays yet{isHr ? ': add the first location.' : '.'}</Typography>}
      {current && <CalendarDays calendar={current} canEdit={isHr} />}
    </Stack>
  );
}

const byDate = (a: PublicHoliday, b: PublicHoliday) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function CalendarDays({ calendar, canEdit }: { calendar: HolidayCalendarView; canEdit: boolean }) {
  const update = useCommand('records/update');
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [isHalfDay, setHalfDay] = useState(false);
  const save = (holidays: PublicHoliday[]) => update.run({ id: calendar.id, data: { holidays: [...holidays].sort(byDate) } });
  // Adding a date already listed changes that day (its name or half day) rather than listing it twice.
  const add = async () => {
    const result = await save([...calendar.holidays.filter((h) => h.date !== date), { date, name, isHalfDay }]);
    if (result.ok) {
      setDate('');
      setName('');
      setHalfDay(false);
    }
  };
  return (
    <Stack spacing={1.5}>
      {update.error && <Alert severity="error" data-testid="holiday-refusal">{errorText(update.error)}</Alert>}
      {calendar.holidays.length === 0 ? (
        <Typography color="text.secondary">No public holidays in {calendar.location} yet.</Typography>
      ) : (
        <Paper variant="outlined">
          <Table size="small" aria-label={`Public holidays in ${calendar.location}`}>
            <TableHead><TableRow><TableCell>Date</TableCell><TableCell>Holiday</TableCell><TableCell>Time off</TableCell><TableCell /></TableRow></TableHead>
            <TableBody>
              {calendar.holidays.map((h) => (
                <TableRow key={h.date} data-testid="holiday-row">
                  <TableCell>{formatDay(h.date)}</TableCell>
                  <TableCell>{h.name}</TableCell>
                  <TableCell>{h.isHalfDay ? 'Afternoon off' : 'Whole day'}</TableCell>
                  <TableCell padding="none">
                    {canEdit && (
                      <Tooltip title="Remove">
                        <IconButton size="small" aria-label={`Remove ${h.name}`} onClick={() => void save(calendar.holidays.filter((x) => x.date !== h.date))} disabled={update.isRunning}>
                          <DeleteOutlinedIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {canEdit && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <DateField size="small" label="Holiday date" value={date} onChange={setDate} />
          <TextField size="small" label="Holiday name" value={name} onChange={(e) => setName(e.target.value)} />
          <FormControlLabel control={<Checkbox checked={isHalfDay} onChange={(e) => setHalfDay(e.target.checked)} />} label="Half day (afternoon off)" />
          <Button variant="contained" onClick={() => void add()} disabled={update.isRunning || !date || !name.trim()}>Add holiday</Button>
        </Stack>
      )}
    </Stack>
  );
}

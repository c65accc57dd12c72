import { Button, Chip, FormControlLabel, MenuItem, Stack, Switch, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import type { DefinitionProblem, WorkflowDefinition, WorkingCalendar } from '../../src-shared/workflows/definition-schema';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { DateField } from '../format/DateField';

interface Props {
  definition: WorkflowDefinition;
  problems: DefinitionProblem[];
  isReadOnly: boolean;
  onEdit: (next: WorkflowDefinition) => void;
}

const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const labWeek: WorkingCalendar = { weekdays: [1, 2, 3, 4, 5], hours: { start: '08:00', end: '17:00' } };

/**
 * The definition's working calendar (issue 19 item 4) instead of JSON only: SLAs and boundary timers
 * marked "working hours" count only these weekdays and hours, skipping the holidays listed here and
 * — when a location is chosen — HR's public holidays of that location, copied in when the version is
 * published (src-shared/hr/workflow-holidays.ts).
 */
export function WorkingCalendarSettings({ definition, problems, isReadOnly, onEdit }: Props) {
  const locations = useLiveQuery('hr/holiday-calendars', {}).data ?? [];
  const [day, setDay] = useState('');
  const calendar = definition.working_calendar;
  const errorAt = (path: string) => problems.find((p) => p.path.startsWith(path))?.message;
  const set = (next: WorkingCalendar | undefined) => {
    const copy: Record<string, unknown> = { ...definition, working_calendar: next };
    if (!next) delete copy.working_calendar;
    onEdit(copy as WorkflowDefinition);
  };
  const change = (patch: Partial<WorkingCalendar>) => calendar && set(Object.fromEntries(Object.entries({ ...calendar, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as WorkingCalendar);
  const holidays = calendar?.holidays ?? [];
  return (
    <Stack spacing={1.5} component="fieldset" disabled={isReadOnly} sx={{ border: 0, p: 0, m: 0, minWidth: 0 }} aria-label="Working calendar">
      <FormControlLabel control={<Switch size="small" checked={Boolean(calendar)} onChange={(e) => set(e.target.checked ? labWeek : undefined)} disabled={isReadOnly} />}
        label="Count SLAs and timers in working hours" />
      {calendar && (
        <>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <ToggleButtonGroup size="small" value={calendar.weekdays} aria-label="Working days" disabled={isReadOnly}
              onChange={(_e, days: number[]) => days.length > 0 && change({ weekdays: [...days].sort() })}>
              {weekdayNames.map((name, i) => <ToggleButton key={name} value={i + 1} aria-label={name}>{name}</ToggleButton>)}
            </ToggleButtonGroup>
            <TextField size="small" type="time" label="From" value={calendar.hours.start} onChange={(e) => change({ hours: { ...calendar.hours, start: e.target.value } })} sx={{ width: 150 }} />
            <TextField size="small" type="time" label="Until" value={calendar.hours.end} onChange={(e) => change({ hours: { ...calendar.hours, end: e.target.value } })} sx={{ width: 150 }}
              error={Boolean(errorAt('working_calendar.hours'))} helperText={errorAt('working_calendar.hours')} />
            <TextField select size="small" label="Public holidays of" value={calendar.holiday_location ?? ''} onChange={(e) => change({ holiday_location: e.target.value || undefined })} sx={{ minWidth: 200 }}
              helperText={calendar.holiday_location ? 'Copied in when published.' : undefined}>
              <MenuItem value="">No location</MenuItem>
              {locations.map((l) => <MenuItem key={l.id} value={l.location}>{l.location}</MenuItem>)}
              {calendar.holiday_location && !locations.some((l) => l.location === calendar.holiday_location) && <MenuItem value={calendar.holiday_location}>{calendar.holiday_location} (no calendar)</MenuItem>}
            </TextField>
          </Stack>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Typography variant="body2" color="text.secondary">Days off:</Typography>
            {holidays.length === 0 && <Typography variant="body2" color="text.secondary">none</Typography>}
            {holidays.map((h) => <Chip key={h} size="small" label={formatDay(h)} data-testid="calendar-day-off" {...(isReadOnly ? {} : { onDelete: () => change({ holidays: holidays.filter((x) => x !== h) }) })} />)}
            {!isReadOnly && (
              <>
                <DateField size="small" label="Add a day off" value={day} onChange={setDay} />
                <Button size="small" disabled={!day || holidays.includes(day)} onClick={() => {
                  change({ holidays: [...holidays, day].sort() });
                  setDay('');
                }}>Add day off</Button>
              </>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}

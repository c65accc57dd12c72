import { Alert, Autocomplete, Button, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, Switch, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMemo, useState, type FormEvent } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { meetingTypes, weekdayCodes, type WeekdayCode } from '../../src-shared/meetings/meeting-model';
import type { MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatTimeRange } from '../format/date-time';
import { meetingTypeLabels, timeZoneOptions, weekdayLabels } from './meeting-labels';
import { attendeesOf, editMeetingForm, instantsOf, newMeetingForm, recurrenceOf, type MeetingFormState } from './meeting-form';
import { GuestField, PeopleField } from './PeopleField';
import { useActivePeople, useDirectoryNames } from './use-directory-names';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const FIELDS = ['title', 'startsAt', 'endsAt', 'timeZone', 'roomId', 'videoUrl', 'attendees', 'minuteTakerIds', 'recurrence', 'projectId'];
const fieldOf = (error: AppError | undefined, field: string) => (error?.field?.startsWith(field) ? error.message : undefined);

/**
 * Schedules a meeting, or changes one: this occurrence or (`scope: 'series'`) every meeting of its
 * series. People busy at the chosen time are named while the form is open.
 */
export function MeetingDialog({ isOpen, initial = {}, edit, onClose }: {
  isOpen: boolean;
  initial?: { startsAt?: string; endsAt?: string };
  edit?: { detail: MeetingDetail; scope: 'occurrence' | 'series' };
  onClose: (savedId?: string) => void;
}) {
  const create = useCommand('meetings/create');
  const update = useCommand('meetings/update');
  const people = useActivePeople();
  const names = useDirectoryNames();
  const rooms = useLiveQuery('meetings/rooms', {}).data ?? [];
  const projects = (useLiveQuery('projects/list', { includeArchived: false }).data ?? []).filter((p) => !(p.tags ?? []).includes('inbox'));
  const isSeries = edit?.scope === 'series';
  const [form, setForm] = useState<MeetingFormState>(() => (edit ? editMeetingForm(edit.detail, isSeries) : newMeetingForm(initial)));
  const set = <K extends keyof MeetingFormState>(key: K, value: MeetingFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const zones = useMemo(() => timeZoneOptions(form.timeZone), []); // eslint-disable-line react-hooks/exhaustive-deps -- the list once per dialog
  const times = instantsOf(form);
  const personIds = [...new Set([...form.requiredIds, ...form.optionalIds])];
  const clashes = useLiveQuery('meetings/clashes', {
    startsAt: times?.startsAt ?? '1970-01-01T00:00:00Z',
    endsAt: times?.endsAt ?? '1970-01-01T00:00:00Z',
    timeZone: form.timeZone,
    personIds,
    roomId: form.roomId,
    ...(recurrenceOf(form) && (!edit || isSeries) ? { recurrence: recurrenceOf(form) } : {}),
    ...(edit ? { ignoreId: edit.detail.id } : {}),
  });
  const error = edit ? update.error : create.error;
  const isRunning = create.isRunning || update.isRunning;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!times) return;
    const common = {
      title: form.title, type: form.type, ...times, timeZone: form.timeZone, place: form.place, videoUrl: form.videoUrl, description: form.description,
      roomId: form.roomId, attendees: attendeesOf(form), minuteTakerIds: form.minuteTakerIds, ...(form.isPrivate === null ? {} : { isPrivate: form.isPrivate }),
    };
    const recurrence = recurrenceOf(form);
    const result = edit
      ? await update.run({ id: isSeries ? edit.detail.seriesId : edit.detail.id, scope: edit.scope, ...common, projectId: form.projectId || null, ...(isSeries && recurrence ? { recurrence } : {}) })
      : await create.run({ ...common, ...(form.projectId ? { projectId: form.projectId } : {}), ...(recurrence ? { recurrence } : {}) });
    if (result.ok) onClose(edit ? undefined : result.value.openId);
  };

  const shownClashes = (clashes.data ?? []).slice(0, 5);
  const general = error && (!error.field || !FIELDS.some((f) => error.field?.startsWith(f))) ? errorText(error) : undefined;
  const title = edit ? (isSeries ? 'Change all meetings of the series' : edit.detail.seriesId ? 'Change this meeting only' : 'Change the meeting') : 'New meeting';
  return (
    <FormDialog open={isOpen} onClose={() => onClose()} fullWidth maxWidth="md">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Stack direction="row" spacing={2}>
              <TextField label="Title" value={form.title} onChange={(e) => set('title', e.target.value)} required fullWidth autoFocus error={!!fieldOf(error, 'title')} helperText={fieldOf(error, 'title')} />
              <TextField select label="Type" value={form.type} onChange={(e) => set('type', e.target.value as MeetingFormState['type'])} sx={{ minWidth: 200 }}>
                {meetingTypes.map((t) => <MenuItem key={t} value={t}>{meetingTypeLabels[t]}</MenuItem>)}
              </TextField>
            </Stack>
            <Stack direction="row" spacing={2}>
              <DateField label="Date" value={form.date} onChange={(day) => set('date', day)} />
              <TextField type="time" label="Starts" value={form.startTime} onChange={(e) => set('startTime', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} error={!!fieldOf(error, 'startsAt')} helperText={fieldOf(error, 'startsAt')} />
              <TextField type="time" label="Ends" value={form.endTime} onChange={(e) => set('endTime', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} error={!!fieldOf(error, 'endsAt')} helperText={fieldOf(error, 'endsAt')} />
              <Autocomplete options={zones} value={form.timeZone} disableClearable onChange={(_e, z) => set('timeZone', z)} sx={{ flexGrow: 1 }} renderInput={(params) => <TextField {...params} label="Time zone" />} />
            </Stack>
            {(!edit || isSeries) && <RepeatFields form={form} set={set} error={error} />}
            <Stack direction="row" spacing={2}>
              <TextField select label="Room" value={form.roomId} onChange={(e) => set('roomId', e.target.value)} sx={{ minWidth: 220 }} error={!!fieldOf(error, 'roomId')} helperText={fieldOf(error, 'roomId') ?? (rooms.length === 0 ? 'No rooms listed yet (Meetings → Rooms)' : undefined)}>
                <MenuItem value="">No room</MenuItem>
                {rooms.map((r) => <MenuItem key={r.id} value={r.id}>{r.name}{r.capacity ? ` (${r.capacity} seats)` : ''}</MenuItem>)}
              </TextField>
              <TextField label="Place" placeholder="e.g. Lab 2, bench 4" value={form.place} onChange={(e) => set('place', e.target.value)} fullWidth />
              <TextField label="Video link" placeholder="https://…" value={form.videoUrl} onChange={(e) => set('videoUrl', e.target.value)} fullWidth error={!!fieldOf(error, 'videoUrl')} helperText={fieldOf(error, 'videoUrl')} />
            </Stack>
            <PeopleField label="Attendees" people={people} value={form.requiredIds} onChange={(ids) => set('requiredIds', ids)} error={fieldOf(error, 'attendees')} />
            <PeopleField label="Optional attendees" people={people} value={form.optionalIds} onChange={(ids) => set('optionalIds', ids)} />
            <GuestField guests={form.guests} onChange={(guests) => set('guests', guests)} />
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <PeopleField label="Minute-takers" people={people} value={form.minuteTakerIds} onChange={(ids) => set('minuteTakerIds', ids)} helperText="Besides you, they take and publish the minutes" />
              <FormControlLabel
                control={<Switch checked={form.isPrivate ?? form.type === 'one_to_one'} onChange={(e) => set('isPrivate', e.target.checked)} />}
                label="Private (only the attendees see it)"
                sx={{ minWidth: 280 }}
              />
            </Stack>
            <TextField select label="Project" value={form.projectId} onChange={(e) => set('projectId', e.target.value)} helperText="Action items become tasks of this project unless you choose another" error={!!fieldOf(error, 'projectId')}>
              <MenuItem value="">No project</MenuItem>
              {projects.map((p) => <MenuItem key={p.id} value={p.id}>{p.code} — {p.name}</MenuItem>)}
            </TextField>
            <TextField label="Description" value={form.description} onChange={(e) => set('description', e.target.value)} multiline minRows={2} />
            {shownClashes.length > 0 && (
              <Alert severity={shownClashes.some((c) => c.kind === 'room') ? 'error' : 'warning'} data-testid="clash-warning">
                {shownClashes.map((c, i) => (
                  <div key={i}>
                    {c.kind === 'room' ? `The room is booked for “${c.title}”` : `${names(c.whoId)} is in “${c.title}”`} ({formatTimeRange(c.startsAt, c.endsAt, form.timeZone)})
                  </div>
                ))}
              </Alert>
            )}
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose()}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isRunning || !times}>{edit ? 'Save and tell attendees' : 'Schedule and invite'}</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}

function RepeatFields({ form, set, error }: { form: MeetingFormState; set: <K extends keyof MeetingFormState>(key: K, value: MeetingFormState[K]) => void; error: AppError | undefined }) {
  const unit = { none: '', daily: 'days', weekly: 'weeks', monthly: 'months' }[form.repeat];
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField select label="Repeats" value={form.repeat} onChange={(e) => set('repeat', e.target.value as MeetingFormState['repeat'])} sx={{ minWidth: 160 }}>
          <MenuItem value="none">Does not repeat</MenuItem>
          <MenuItem value="daily">Daily</MenuItem>
          <MenuItem value="weekly">Weekly</MenuItem>
          <MenuItem value="monthly">Monthly</MenuItem>
        </TextField>
        {form.repeat !== 'none' && (
          <>
            <TextField type="number" label={`Every (${unit})`} value={form.interval} onChange={(e) => set('interval', Math.max(1, Number(e.target.value) || 1))} sx={{ width: 140 }} />
            <TextField select label="Ends" value={form.endType} onChange={(e) => set('endType', e.target.value as MeetingFormState['endType'])} sx={{ minWidth: 140 }}>
              <MenuItem value="never">Never</MenuItem>
              <MenuItem value="until">On a date</MenuItem>
              <MenuItem value="count">After a number of meetings</MenuItem>
            </TextField>
            {form.endType === 'until' && <DateField label="Last day" value={form.untilDate} onChange={(day) => set('untilDate', day)} error={!!fieldOf(error, 'recurrence')} helperText={fieldOf(error, 'recurrence')} />}
            {form.endType === 'count' && <TextField type="number" label="Meetings" value={form.count} onChange={(e) => set('count', Math.max(1, Number(e.target.value) || 1))} sx={{ width: 120 }} />}
          </>
        )}
      </Stack>
      {form.repeat === 'weekly' && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2">On</Typography>
          <ToggleButtonGroup size="small" value={form.weekdays} onChange={(_e, days: WeekdayCode[]) => set('weekdays', days)} aria-label="Weekdays">
            {weekdayCodes.map((d) => <ToggleButton key={d} value={d} aria-label={weekdayLabels[d]} sx={{ textTransform: 'none' }}>{weekdayLabels[d].slice(0, 3)}</ToggleButton>)}
          </ToggleButtonGroup>
          <Typography variant="caption" color="text.secondary">The first meeting's weekday is always included.</Typography>
        </Stack>
      )}
    </Stack>
  );
}


import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { interactionTypes, type InteractionData } from '../../src-shared/crm/interaction-kind';
import { formatDateTime } from '../../src-shared/format/display-format';
import type { RecordView } from '../../src-shared/records/record-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { DateField, DateTimeField } from '../format/DateField';
import { useSignedInPerson } from '../records/use-people';
import { FormDialog } from '../shell/FormDialog';

/** This PC's clock as the day-and-time field holds it ('YYYY-MM-DDTHH:mm', local time). */
const localNow = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const DAY_MS = 86_400_000;
const meetingRange = () => {
  const now = new Date().getTime();
  return { from: new Date(now - 31 * DAY_MS).toISOString(), to: new Date(now + 31 * DAY_MS).toISOString(), isMineOnly: false };
};

/**
 * Logs a call, email, meeting or note about the record whose page is open: when it happened, a
 * one-line summary, details, the meeting it was (from the meetings of the last and next month), and
 * the next follow-up date the owner is reminded of.
 */
export function LogInteractionDialog({ record, onClose }: { record: RecordView; onClose: () => void }) {
  const me = useSignedInPerson();
  const create = useCommand('records/create');
  const [type, setType] = useState<InteractionData['type']>('call');
  const [occurredAt, setOccurredAt] = useState(localNow);
  const [summary, setSummary] = useState('');
  const [details, setDetails] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [nextFollowUpOn, setNextFollowUpOn] = useState('');
  // The month either side of when the dialog opened (a lazy initial state: read once, not on every render).
  const [range] = useState(meetingRange);
  const meetings = useLiveQuery('meetings/list', range);
  const save = async () => {
    const result = await create.run({
      kind: 'interaction',
      data: {
        subjectKind: record.kind,
        subjectId: record.id,
        type,
        // The field holds this PC's local time; an empty or partial date is left for the host to refuse by name.
        occurredAt: occurredAt ? new Date(occurredAt).toISOString() : '',
        summary,
        details,
        ownerId: me?.id,
        ...(type === 'meeting' && meetingId ? { meetingId } : {}),
        ...(nextFollowUpOn ? { nextFollowUpOn } : {}),
      },
    });
    if (result.ok) onClose();
  };
  const error = create.error;
  const at = (field: string) => fieldError(error, `data.${field}`);
  const general = error && !['data.occurredAt', 'data.summary', 'data.nextFollowUpOn'].includes(error.field ?? '') ? errorText(error) : undefined;
  return (
    <FormDialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="log-interaction-title">
      <DialogTitle id="log-interaction-title">Log interaction</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField select label="Type" value={type} onChange={(e) => setType(e.target.value as InteractionData['type'])} sx={{ flex: 1 }}>
              {interactionTypes.map((t) => <MenuItem key={t.value} value={t.value}>{t.label}</MenuItem>)}
            </TextField>
            <DateTimeField label="When" value={occurredAt} onChange={setOccurredAt} sx={{ flex: 2 }} {...(at('occurredAt') ? { helperText: at('occurredAt') } : {})} />
          </Stack>
          {type === 'meeting' && (
            <TextField select label="Meeting" value={meetingId} onChange={(e) => setMeetingId(e.target.value)}
              helperText={(meetings.data ?? []).length === 0 ? 'No meeting in the last or next month; log it without one.' : 'The meeting in LabFlow this was, if any.'}>
              <MenuItem value="">No meeting in LabFlow</MenuItem>
              {(meetings.data ?? []).map((m) => <MenuItem key={m.id} value={m.id}>{m.title} — {formatDateTime(m.startsAt)}</MenuItem>)}
            </TextField>
          )}
          <TextField label="Summary" value={summary} onChange={(e) => { setSummary(e.target.value); create.clearError(); }} required error={!!at('summary')} helperText={at('summary') ?? 'One line, e.g. “Discussed the stability protocol”.'} />
          <TextField label="Details" value={details} onChange={(e) => setDetails(e.target.value)} multiline minRows={3} />
          <DateField label="Next follow-up" value={nextFollowUpOn} onChange={setNextFollowUpOn} {...(at('nextFollowUpOn') ? { helperText: at('nextFollowUpOn') } : { helperText: 'You are reminded in the morning of that day.' })} />
          {general && <Alert severity="error">{general}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={create.isRunning} onClick={() => void save()}>Log</Button>
      </DialogActions>
    </FormDialog>
  );
}

import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { exitTypes } from '../../src-shared/hr/exit-kind';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { PersonPicker } from '../equipment/PersonPicker';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const formFields = ['personId', 'exitType', 'noticeDate', 'lastDay'];

/** HR records a resignation or termination; the checklist lists what the person holds. */
export function RecordExitDialog({ onClose }: { onClose: () => void }) {
  const record = useCommand('hr/exit/record');
  const [personId, setPersonId] = useState('');
  const [exitType, setExitType] = useState('resignation');
  const [noticeDate, setNoticeDate] = useState('');
  const [lastDay, setLastDay] = useState('');
  const fieldError = (field: string) => (record.error?.field === field ? record.error.message : undefined);
  const save = async () => {
    const result = await record.run({ personId, exitType, noticeDate, lastDay });
    if (result.ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="exit-dialog-title">
      <DialogTitle id="exit-dialog-title">Record an exit</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <PersonPicker label="Person leaving" value={personId} onChange={setPersonId} error={fieldError('personId')} />
          <TextField select label="Reason" value={exitType} onChange={(e) => setExitType(e.target.value)} error={Boolean(fieldError('exitType'))} helperText={fieldError('exitType')}>
            {exitTypes.map((t) => <MenuItem key={t.value} value={t.value}>{t.label}</MenuItem>)}
          </TextField>
          <Stack direction="row" spacing={2}>
            <DateField label="Notice given" value={noticeDate} onChange={setNoticeDate} error={Boolean(fieldError('noticeDate'))} helperText={fieldError('noticeDate')} fullWidth />
            <DateField label="Last day" value={lastDay} min={noticeDate || undefined} onChange={setLastDay} error={Boolean(fieldError('lastDay'))} helperText={fieldError('lastDay') ?? 'Their account ends after this day.'} fullWidth />
          </Stack>
          {record.error && !formFields.includes(record.error.field ?? '') && <Alert severity="error">{errorText(record.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={record.isRunning}>Record exit</Button>
      </DialogActions>
    </FormDialog>
  );
}

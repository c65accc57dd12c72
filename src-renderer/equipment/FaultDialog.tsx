import { Alert, Button, Checkbox, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

/** Anyone reports a fault (a corrective work order); the custodian or QA may take the instrument out of service with it. */
export function FaultDialog({ equipmentId, canTakeOutOfService, onClose }: { equipmentId: string; canTakeOutOfService: boolean; onClose: () => void }) {
  const report = useCommand('equipment/report-fault');
  const [summary, setSummary] = useState('');
  const [faultDescription, setFaultDescription] = useState('');
  const [takeOutOfService, setTakeOutOfService] = useState(canTakeOutOfService);
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Report a fault</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField label="What is wrong" value={summary} onChange={(e) => setSummary(e.target.value)} autoFocus />
          <TextField label="Details" value={faultDescription} onChange={(e) => setFaultDescription(e.target.value)} multiline minRows={3} />
          {canTakeOutOfService && <FormControlLabel control={<Checkbox checked={takeOutOfService} onChange={(e) => setTakeOutOfService(e.target.checked)} />} label="Take the instrument out of service" />}
          {report.error && <Alert severity="error">{errorText(report.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!summary.trim() || report.isRunning} onClick={async () => { if ((await report.run({ equipmentId, summary, faultDescription, takeOutOfService })).ok) onClose(); }}>Report</Button>
      </DialogActions>
    </FormDialog>
  );
}

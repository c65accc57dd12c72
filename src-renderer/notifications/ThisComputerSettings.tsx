import { Alert, FormControlLabel, FormHelperText, Paper, Switch, Typography } from '@mui/material';
import { START_AT_SIGN_IN_DESKTOP_ONLY } from '../../src-shared/notifications/notification-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';

/**
 * Settings of this PC rather than of the person: keep running in the tray, and start at sign-in
 * (the installed desktop app only; in a browser the switch is off, disabled, and says why).
 */
export function ThisComputerSettings() {
  const desktop = useLiveQuery('notifications/desktop-settings', {});
  const saveDesktop = useCommand('notifications/set-desktop-settings');
  const settings = desktop.data;
  const canStart = settings?.canStartAtSignIn ?? false;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1">This computer</Typography>
      <FormControlLabel
        control={<Switch checked={settings?.keepRunningInTray ?? true} onChange={(e) => void saveDesktop.run({ keepRunningInTray: e.target.checked })} />}
        label="Keep LabFlow running in the tray when its window is closed, so reminders keep coming (desktop app)"
      />
      <FormControlLabel
        disabled={!canStart || saveDesktop.isRunning}
        control={
          <Switch
            checked={canStart && (settings?.startAtSignIn ?? false)}
            onChange={(e) => void saveDesktop.run({ startAtSignIn: e.target.checked })}
            slotProps={{ input: { 'aria-describedby': 'start-at-sign-in-help' } }}
          />
        }
        label="Start LabFlow when I sign in to this computer"
      />
      <FormHelperText id="start-at-sign-in-help" sx={{ ml: 6, mt: -0.5 }}>
        {canStart ? 'LabFlow starts hidden in the tray, so reminders come without opening a window.' : START_AT_SIGN_IN_DESKTOP_ONLY}
      </FormHelperText>
      {saveDesktop.error && <Alert severity="error">{errorText(saveDesktop.error)}</Alert>}
    </Paper>
  );
}
